package io.marketlens.customers.segment;

import io.marketlens.core.validate.Checks;
import io.marketlens.ml.cluster.KScore;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Segments of one customer table and how their number was chosen.
 *
 * @param k the number of segments
 * @param chosenBy "silhouette" (the highest mean silhouette in the range) or "fixed" for k-means;
 *     "excess of mass" or "leaf" for HDBSCAN, whose k follows from the cluster selection
 * @param silhouette the mean silhouette of the segments, in the clustering feature space; for
 *     HDBSCAN over the clustered customers only (the unclustered left out)
 * @param silhouetteExact whether it used every (clustered) customer, else a seeded sample of {@code
 *     silhouettePoints}
 * @param silhouettePoints customers the silhouette used
 * @param calinskiHarabasz the Calinski-Harabasz index of the segments (clustered customers only)
 * @param calinskiHarabaszK the k the Calinski-Harabasz index prefers in the range (the check); k
 *     itself for HDBSCAN, which has no range
 * @param scores one row per k tried (one row when k was fixed; none for HDBSCAN)
 * @param clusterFeatures the features clustered on (log1p for skewed ones, then standardised)
 * @param segments the segments, largest first
 * @param ids the customer ids, in the feature table's order
 * @param assignments each customer's segment id, aligned with {@code ids}; 0 for an unclustered
 *     customer (HDBSCAN only)
 * @param overallChurnRate the churn rate of all customers, or null without a label
 * @param seed the seed used
 * @param method the method used
 * @param hdbscan how HDBSCAN ran, or null for k-means
 * @param unclustered the customers in no segment described as a group (id 0, label "Unclustered"),
 *     or null when every customer is in a segment (always for k-means)
 * @param notes what a reader should know about how the segments were made (sampling), may be empty
 */
public record SegmentationResult(
    int k,
    String chosenBy,
    double silhouette,
    boolean silhouetteExact,
    int silhouettePoints,
    double calinskiHarabasz,
    int calinskiHarabaszK,
    List<KScore> scores,
    List<String> clusterFeatures,
    List<Segment> segments,
    List<String> ids,
    int[] assignments,
    Double overallChurnRate,
    long seed,
    SegmentationMethod method,
    HdbscanSummary hdbscan,
    Segment unclustered,
    List<String> notes) {

  public SegmentationResult {
    Objects.requireNonNull(chosenBy, "chosenBy");
    Checks.requireArgument(Double.isFinite(silhouette), "silhouette must be finite");
    Checks.requireArgument(Double.isFinite(calinskiHarabasz), "Calinski-Harabasz must be finite");
    scores = List.copyOf(scores);
    clusterFeatures = List.copyOf(clusterFeatures);
    segments = List.copyOf(segments);
    ids = List.copyOf(ids);
    assignments = assignments.clone();
    Checks.requireArgument(
        assignments.length == ids.size(),
        "%d assignments for %d customers",
        assignments.length,
        ids.size());
    Checks.requireArgument(segments.size() == k, "%d segments for k=%d", segments.size(), k);
    Objects.requireNonNull(method, "method");
    Checks.requireArgument(
        (method == SegmentationMethod.HDBSCAN) == (hdbscan != null),
        "an HDBSCAN summary goes with method HDBSCAN only");
    Checks.requireArgument(
        unclustered == null || unclustered.id() == 0, "the unclustered group has id 0");
    notes = List.copyOf(notes);
  }

  /** Customers in no segment (0 for k-means). */
  public int noise() {
    return unclustered == null ? 0 : unclustered.size();
  }

  /** The share of customers in no segment, 0..1 (0 for k-means). */
  public double noiseShare() {
    return unclustered == null ? 0 : unclustered.share();
  }

  @Override
  public int[] assignments() {
    return assignments.clone();
  }

  /** The segment with {@code id} (0: the unclustered group, when there is one). */
  public Segment segment(int id) {
    if (id == 0 && unclustered != null) return unclustered;
    for (Segment s : segments) if (s.id() == id) return s;
    throw new IllegalArgumentException("no segment " + id + " (1.." + k + ")");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SegmentationResult r
        && k == r.k
        && chosenBy.equals(r.chosenBy)
        && Double.compare(silhouette, r.silhouette) == 0
        && silhouetteExact == r.silhouetteExact
        && silhouettePoints == r.silhouettePoints
        && Double.compare(calinskiHarabasz, r.calinskiHarabasz) == 0
        && calinskiHarabaszK == r.calinskiHarabaszK
        && scores.equals(r.scores)
        && clusterFeatures.equals(r.clusterFeatures)
        && segments.equals(r.segments)
        && ids.equals(r.ids)
        && Arrays.equals(assignments, r.assignments)
        && Objects.equals(overallChurnRate, r.overallChurnRate)
        && seed == r.seed
        && method == r.method
        && Objects.equals(hdbscan, r.hdbscan)
        && Objects.equals(unclustered, r.unclustered)
        && notes.equals(r.notes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(k, silhouette, segments, ids) * 31 + Arrays.hashCode(assignments);
  }
}
