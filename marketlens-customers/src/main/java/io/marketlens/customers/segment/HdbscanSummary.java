package io.marketlens.customers.segment;

import io.marketlens.ml.cluster.ClusterSelection;
import java.util.Objects;

/**
 * How an HDBSCAN segmentation ran.
 *
 * @param minClusterSize the smallest segment, in customers
 * @param minClusterSizeDefault whether it was the default (1% of the customers, at least 5)
 * @param minSamples the density neighbour count (a customer's core distance is the distance to its
 *     minSamples-th nearest other customer)
 * @param selection excess of mass or leaf
 * @param fitCustomers customers the tree was fitted on (all, or a seeded sample)
 * @param sampled whether a sample was used (the other customers then join the segment of their
 *     nearest sampled customer, or are unclustered if it is)
 * @param fitMinClusterSize minClusterSize as applied to the sample (equal to it without a sample)
 * @param fitMinSamples minSamples as applied to the sample
 */
public record HdbscanSummary(
    int minClusterSize,
    boolean minClusterSizeDefault,
    int minSamples,
    ClusterSelection selection,
    int fitCustomers,
    boolean sampled,
    int fitMinClusterSize,
    int fitMinSamples) {

  public HdbscanSummary {
    Objects.requireNonNull(selection, "selection");
  }
}
