package io.marketlens.voc.theme;

import java.time.YearMonth;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One theme found by {@link ThemeAnalysis}.
 *
 * @param id the theme's index in {@link ThemeResult#themes()}
 * @param language the language of its texts ("EN" or "ZH")
 * @param label a short label: the top 2-3 keywords joined
 * @param keywords the top keywords by class-based TF-IDF, best first
 * @param keywordScores their c-TF-IDF scores, in the same order
 * @param size the texts assigned to it (outliers excluded)
 * @param share size over all texts analysed
 * @param nearestCount the texts whose nearest theme it is (outliers included)
 * @param meanPositive the mean probability positive of its texts, NaN when none was given
 * @param sharePositive the share of its texts with probability positive at least 0.5, NaN when none
 *     was given
 * @param trend texts per month, empty when no dates were given
 * @param quotes representative texts: the closest to the theme's centre, shortened
 * @param quoteIndices the indices of the quoted texts in the input
 * @param centroid the unit-length centre of its cluster in its language's embedding space: what
 *     sentences are assigned by ({@link io.marketlens.voc.aspect.AspectAnalysis}) and what a later
 *     run's themes are matched against ({@link ThemeHistory})
 */
public record Theme(
    int id,
    String language,
    String label,
    List<String> keywords,
    List<Double> keywordScores,
    int size,
    double share,
    int nearestCount,
    double meanPositive,
    double sharePositive,
    SortedMap<YearMonth, Integer> trend,
    List<String> quotes,
    List<Integer> quoteIndices,
    Centroid centroid) {

  public Theme {
    keywords = List.copyOf(keywords);
    keywordScores = List.copyOf(keywordScores);
    trend = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(trend));
    quotes = List.copyOf(quotes);
    quoteIndices = List.copyOf(quoteIndices);
    java.util.Objects.requireNonNull(centroid, "centroid");
  }
}
