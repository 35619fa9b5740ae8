package io.marketlens.ml.cluster;

/** How {@link Hdbscan} picks flat clusters from its condensed tree. */
public enum ClusterSelection {
  /**
   * Excess of mass (Campello et al. 2013): the set of non-overlapping clusters with the largest
   * total stability; a cluster is kept unless its descendants together are more stable.
   */
  EXCESS_OF_MASS("eom"),
  /** The leaves of the condensed tree: the finest clusters of at least the minimum size. */
  LEAF("leaf");

  private final String id;

  ClusterSelection(String id) {
    this.id = id;
  }

  /** The short name used in project files and results ("eom", "leaf"). */
  public String id() {
    return id;
  }
}
