package io.marketlens.voc.theme;

import java.util.List;

/**
 * The themes of a set of texts.
 *
 * @param themes the themes, grouped by language (English first), largest first within a language
 * @param assignments one per input text, in input order
 * @param quality the quality figures
 */
public record ThemeResult(List<Theme> themes, List<Assignment> assignments, ThemeQuality quality) {

  public ThemeResult {
    themes = List.copyOf(themes);
    assignments = List.copyOf(assignments);
  }

  /** The share of texts left unassigned. */
  public double unassignedShare() {
    if (assignments.isEmpty()) return 0;
    long n = assignments.stream().filter(a -> !a.assigned()).count();
    return (double) n / assignments.size();
  }
}
