package io.marketlens.customers.churn;

import io.marketlens.core.table.Table;
import io.marketlens.ml.tabular.BinaryMetrics;
import io.marketlens.ml.tabular.CalibrationReport;
import java.util.List;

/**
 * What {@link ChurnAnalysis} found. Every figure comes from the untouched test split unless its
 * name says otherwise.
 *
 * @param idColumn the id column used
 * @param labelColumn the churn label column
 * @param customers all rows of the table
 * @param labelled rows with a known churn value (the others are scored only)
 * @param churnRate the share of labelled customers who churned
 * @param features the columns used as features
 * @param dropped the columns not used, with the reason
 * @param trainRows rows the candidates were fitted on (60 % of the labelled, stratified)
 * @param validationRows rows the choice, hyper-parameters and calibration were made on (20 %)
 * @param testRows rows every reported metric is measured on (20 %)
 * @param candidates every candidate, in the order given, with its validation AUC and test metrics
 * @param chosen the name of the kept candidate (highest validation ROC-AUC)
 * @param test the kept model's metrics after calibration
 * @param calibration the calibration method and ECE / Brier before and after
 * @param drivers the columns that matter most (permutation importance on test), largest first
 * @param reasonMethod how per-customer reasons are measured
 * @param highestRisk the not-yet-churned customers with the highest calibrated risk, and why
 * @param model the kept model, to score other tables and explain groups of customers
 */
public record ChurnResult(
    String idColumn,
    String labelColumn,
    int customers,
    int labelled,
    double churnRate,
    List<String> features,
    List<DroppedColumn> dropped,
    int trainRows,
    int validationRows,
    int testRows,
    List<CandidateResult> candidates,
    String chosen,
    BinaryMetrics test,
    CalibrationReport calibration,
    List<ChurnDriver> drivers,
    String reasonMethod,
    List<CustomerRisk> highestRisk,
    ChurnModel model) {

  public ChurnResult {
    features = List.copyOf(features);
    dropped = List.copyOf(dropped);
    candidates = List.copyOf(candidates);
    drivers = List.copyOf(drivers);
    highestRisk = List.copyOf(highestRisk);
  }

  /**
   * The calibrated churn probability of every row of {@code customers} (see {@link
   * ChurnModel#score}).
   */
  public double[] score(Table customers) {
    return model.score(customers);
  }

  /** The drivers of a group of rows of the analysed table (see {@link ChurnModel#driversFor}). */
  public List<Reason> driversFor(int[] rowIndices) {
    return model.driversFor(rowIndices);
  }

  /** The kept candidate's entry in {@link #candidates()}. */
  public CandidateResult chosenCandidate() {
    return candidates.stream().filter(c -> c.name().equals(chosen)).findFirst().orElseThrow();
  }
}
