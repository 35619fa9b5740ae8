package io.marketlens.ml.cluster;

import io.marketlens.core.validate.Checks;
import java.util.List;
import java.util.Objects;

/**
 * The k chosen by {@link AutoK}, the table it was chosen from and the model fitted with it.
 *
 * @param k the chosen number of clusters: the highest mean silhouette (the smallest k on ties)
 * @param scores one row per k tried, in increasing k
 * @param model the k-means model for the chosen k
 * @param calinskiHarabaszK the k with the highest Calinski-Harabasz index, as a check
 * @param silhouetteExact whether the silhouettes used every point (else a seeded sample)
 * @param silhouettePoints how many points the silhouettes used
 */
public record AutoKResult(
    int k,
    List<KScore> scores,
    KMeansModel model,
    int calinskiHarabaszK,
    boolean silhouetteExact,
    int silhouettePoints) {

  public AutoKResult {
    scores = List.copyOf(scores);
    Objects.requireNonNull(model, "model");
    Checks.requireArgument(!scores.isEmpty(), "expected at least one k tried");
  }

  /** The row of the chosen k. */
  public KScore chosen() {
    for (KScore s : scores) if (s.k() == k) return s;
    throw new IllegalStateException("no score for k=" + k);
  }

  /** Whether the Calinski-Harabasz index points to the same k as the silhouette. */
  public boolean checksAgree() {
    return calinskiHarabaszK == k;
  }
}
