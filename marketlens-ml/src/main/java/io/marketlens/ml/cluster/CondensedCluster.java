package io.marketlens.ml.cluster;

/**
 * One cluster of an HDBSCAN condensed tree. Densities are given as λ = 1 / mutual-reachability
 * distance: a cluster is born when it splits off its parent at {@code birthLambda} and loses its
 * points as λ grows.
 *
 * @param id the cluster's number: 0 is the root (all points), children are numbered after their
 *     parent, in the order the tree was walked
 * @param parent the parent's id, or -1 for the root
 * @param birthLambda λ at which it split off its parent (0 for the root)
 * @param size points in it at birth
 * @param stability Σ over its points of (λ at which the point left it − {@code birthLambda}), child
 *     clusters counting as their points leaving at their birth
 * @param selected whether it is one of the flat clusters returned
 */
public record CondensedCluster(
    int id, int parent, double birthLambda, int size, double stability, boolean selected) {}
