package io.marketlens.bench.lab;

import java.util.Map;

/**
 * One architecture's row: our figures beside the peer's from the same run.
 *
 * @param part churn, cnn, gru, lstm or transformer
 * @param dataset what it ran on
 * @param qualityMetric the compared quality figure (e.g. {@code roc_auc}, {@code val_loss})
 * @param higherIsBetter whether a larger quality figure is better
 * @param ours our quality figure
 * @param peer the peer's (NaN when the peer did not run)
 * @param timeMetric the compared time figure (e.g. {@code s_per_epoch})
 * @param oursTime ours
 * @param peerTime the peer's (NaN when the peer did not run)
 * @param extra more figures by name, ours and peer's (e.g. prediction rows per second)
 * @param note why the peer did not run, or other remarks; empty when none
 */
public record LabBenchResult(
    String part,
    String dataset,
    String qualityMetric,
    boolean higherIsBetter,
    double ours,
    double peer,
    String timeMetric,
    double oursTime,
    double peerTime,
    Map<String, Object> extra,
    String note) {

  /** Our time over the peer's (below 1 = we are faster). */
  public double timeRatio() {
    return oursTime / peerTime;
  }
}
