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
 * @param chosenBy "silhouette" (the highest mean silhouette in the range) or "fixed"
 * @param silhouette the mean silhouette of the segments, in the clustering feature space
 * @param silhouetteExact whether it used every customer (else a seeded sample of {@code
 *     silhouettePoints})
 * @param silhouettePoints customers the silhouette used
 * @param calinskiHarabasz the Calinski-Harabasz index of the segments
 * @param calinskiHarabaszK the k the Calinski-Harabasz index prefers in the range (the check)
 * @param scores one row per k tried (one row when k was fixed)
 * @param clusterFeatures the features clustered on (log1p for skewed ones, then standardised)
 * @param segments the segments, largest first
 * @param ids the customer ids, in the feature table's order
 * @param assignments each customer's segment id, aligned with {@code ids}
 * @param overallChurnRate the churn rate of all customers, or null without a label
 * @param seed the seed used
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
    long seed) {

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
  }

  @Override
  public int[] assignments() {
    return assignments.clone();
  }

  /** The segment with {@code id}. */
  public Segment segment(int id) {
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
        && seed == r.seed;
  }

  @Override
  public int hashCode() {
    return Objects.hash(k, silhouette, segments, ids) * 31 + Arrays.hashCode(assignments);
  }
}
