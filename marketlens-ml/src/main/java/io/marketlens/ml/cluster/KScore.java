package io.marketlens.ml.cluster;

import io.marketlens.core.validate.Checks;

/**
 * The scores of one k tried by {@link AutoK}.
 *
 * @param k the number of clusters
 * @param silhouette the mean silhouette (higher is better)
 * @param calinskiHarabasz the Calinski-Harabasz index (higher is better)
 * @param inertia the k-means inertia
 * @param iterations the Lloyd iterations of the kept restart
 * @param sizes the cluster sizes
 */
public record KScore(
    int k,
    double silhouette,
    double calinskiHarabasz,
    double inertia,
    int iterations,
    java.util.List<Integer> sizes) {

  public KScore {
    Checks.requireArgument(Double.isFinite(silhouette), "silhouette must be finite");
    Checks.requireArgument(Double.isFinite(calinskiHarabasz), "Calinski-Harabasz must be finite");
    Checks.requireArgument(Double.isFinite(inertia), "inertia must be finite");
    sizes = java.util.List.copyOf(sizes);
  }
}
