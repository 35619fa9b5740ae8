package io.marketlens.voc.theme;

import java.util.List;

/**
 * The stable ids of one run's themes: a theme that matches one of the previous run's keeps its id,
 * a new theme gets an id never used before in this project. Made by {@link ThemeHistory#match}.
 *
 * @param ids the stable id of each theme, aligned with {@link ThemeResult#themes()}
 * @param previousIds the id of the previous run's theme each one matched, or -1 for a new theme
 * @param similarities the centred cosine to that previous theme, or NaN for a new theme
 * @param previousRun the number of the run matched against, 0 when there was no history
 * @param retired the previous run's ids that matched no theme of this run, ascending
 * @param minSimilarity the similarity a match needed
 */
public record ThemeIds(
    List<Integer> ids,
    List<Integer> previousIds,
    List<Double> similarities,
    int previousRun,
    List<Integer> retired,
    double minSimilarity) {

  public ThemeIds {
    ids = List.copyOf(ids);
    previousIds = List.copyOf(previousIds);
    similarities = List.copyOf(similarities);
    retired = List.copyOf(retired);
    if (previousIds.size() != ids.size() || similarities.size() != ids.size()) {
      throw new IllegalArgumentException("previousIds and similarities need one entry per id");
    }
  }

  /** The stable id of theme {@code index}. */
  public int id(int index) {
    return ids.get(index);
  }

  /** Whether theme {@code index} kept the id of a theme of the previous run. */
  public boolean persisted(int index) {
    return previousIds.get(index) >= 0;
  }

  /** Themes that kept their id. */
  public int persistedCount() {
    return (int) previousIds.stream().filter(p -> p >= 0).count();
  }

  /** Themes that got a new id. */
  public int newCount() {
    return ids.size() - persistedCount();
  }
}
