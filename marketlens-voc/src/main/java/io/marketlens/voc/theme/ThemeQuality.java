package io.marketlens.voc.theme;

import java.util.Map;

/**
 * How good the themes are.
 *
 * @param coherence the mean normalised pointwise mutual information (NPMI, in [-1, 1]) of the pairs
 *     of top-10 keywords of each theme, over the documents of its language; mean over themes
 * @param diversity the share of unique words among the top-10 keywords of all themes, in (0, 1]
 * @param outlierShare the share of texts left unassigned
 * @param stability the mean adjusted Rand index between the clustering of the seed and those of 2
 *     other seeds with the same k, weighted by language size; NaN when not computed
 * @param kByLanguage the number of themes chosen per language
 * @param silhouetteByLanguage the mean silhouette of the chosen k per language (NaN for one theme)
 */
public record ThemeQuality(
    double coherence,
    double diversity,
    double outlierShare,
    double stability,
    Map<String, Integer> kByLanguage,
    Map<String, Double> silhouetteByLanguage) {

  public ThemeQuality {
    // Sorted copies: Map.copyOf iterates in an order that changes from run to run, and these maps
    // are written to results.json, which must be byte-identical for the same data and seed.
    kByLanguage = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(kByLanguage));
    silhouetteByLanguage =
        java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(silhouetteByLanguage));
  }
}
