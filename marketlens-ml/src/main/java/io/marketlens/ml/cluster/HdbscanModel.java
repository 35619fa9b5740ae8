package io.marketlens.ml.cluster;

import io.marketlens.core.validate.Checks;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The result of {@link Hdbscan#fit}.
 *
 * @param labels each point's cluster in [0, k), or {@link #NOISE}
 * @param k the number of clusters found (0 when every point is noise)
 * @param tree the condensed tree of the points the tree was fitted on, root first
 * @param fitPoints how many points the tree was fitted on (all, or the seeded sample)
 * @param sampled whether a sample was used; the other points then carry the label of their nearest
 *     sampled point
 * @param fitMinClusterSize the minimum cluster size used on the fitted points: the option itself,
 *     or scaled to the sample ({@code minClusterSize × fitPoints / n}, at least 2) so that a
 *     cluster still stands for about that many of all points
 * @param fitMinSamples minSamples used on the fitted points, scaled the same way (at least 1)
 */
public record HdbscanModel(
    int[] labels,
    int k,
    List<CondensedCluster> tree,
    int fitPoints,
    boolean sampled,
    int fitMinClusterSize,
    int fitMinSamples) {

  /** The label of a point in no cluster. */
  public static final int NOISE = -1;

  public HdbscanModel {
    Objects.requireNonNull(labels, "labels");
    Checks.requireArgument(k >= 0, "k must be >= 0, found %d", k);
    labels = labels.clone();
    tree = List.copyOf(tree);
  }

  @Override
  public int[] labels() {
    return labels.clone();
  }

  /** Points labelled {@link #NOISE}. */
  public int noise() {
    int c = 0;
    for (int l : labels) if (l == NOISE) c++;
    return c;
  }

  /** Points per cluster, indexed by label. */
  public int[] sizes() {
    int[] s = new int[k];
    for (int l : labels) if (l != NOISE) s[l]++;
    return s;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HdbscanModel m
        && k == m.k
        && fitPoints == m.fitPoints
        && sampled == m.sampled
        && fitMinClusterSize == m.fitMinClusterSize
        && fitMinSamples == m.fitMinSamples
        && Arrays.equals(labels, m.labels)
        && tree.equals(m.tree);
  }

  @Override
  public int hashCode() {
    return Objects.hash(k, tree, fitPoints, sampled) * 31 + Arrays.hashCode(labels);
  }

  @Override
  public String toString() {
    return "HdbscanModel[k=" + k + ", noise=" + noise() + ", fitPoints=" + fitPoints + "]";
  }
}
