package io.marketlens.market.competitors;

import java.util.Locale;

/** How the products are projected to the two map axes. */
public enum Projection {
  /** Principal components of the standardised features (eigenvectors of their covariance). */
  PCA,
  /**
   * Classical (Torgerson) multidimensional scaling of the Euclidean distances between the
   * standardised products; gives the same map as {@link #PCA}, computed from the n × n distances.
   */
  MDS;

  /** The lower-case name used in the project file and in results.json. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
