package io.marketlens.customers.churn;

import io.marketlens.core.progress.Progress;
import io.marketlens.core.table.Column;
import io.marketlens.core.table.Table;
import io.marketlens.core.validate.InvalidInputException;
import io.marketlens.ml.tabular.BinaryClassifier;
import io.marketlens.ml.tabular.BinaryModel;
import io.marketlens.ml.tabular.Calibration;
import io.marketlens.ml.tabular.CalibrationReport;
import io.marketlens.ml.tabular.FeatureImportance;
import io.marketlens.ml.tabular.Metrics;
import io.marketlens.ml.tabular.PermutationImportance;
import io.marketlens.ml.tabular.RowExplainer;
import io.marketlens.ml.tabular.StratifiedSplit;
import io.marketlens.ml.tabular.TabularData;
import io.marketlens.ml.tabular.TabularEncoder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Churn prediction: which customers are likely to leave, why, and how sure we are.
 *
 * <p>The labelled customers are split 60/20/20 (stratified, seeded) into train, validation and
 * test. Features are encoded from the training rows only ({@link TabularEncoder}). Each candidate
 * is trained on train (tuning itself on validation), the one with the best validation ROC-AUC is
 * kept, and every candidate is measured on the untouched test split. The kept model is calibrated
 * on validation (Platt or isotonic, whichever has the lower out-of-fold ECE there). Drivers are
 * permutation importance on test; per-customer reasons are occlusion against training rows ({@link
 * RowExplainer}).
 *
 * <p>Same table, same options (seed included) → the same result. Thread-safe: calls share no state.
 *
 * <pre>{@code
 * ChurnResult r = ChurnAnalysis.run(customers, ChurnOptions.defaults("customerID", "Churn"));
 * double[] risk = r.score(customers);
 * }</pre>
 */
public final class ChurnAnalysis {

  static final double TRAIN_SHARE = 0.6;
  static final double VALIDATION_SHARE = 0.2;

  private ChurnAnalysis() {}

  /** {@link #run(Table, ChurnOptions, Progress)} without progress reports. */
  public static ChurnResult run(Table customers, ChurnOptions options) {
    return run(customers, options, Progress.NONE);
  }

  /**
   * Trains, chooses, calibrates and explains a churn model for {@code customers}.
   *
   * @throws io.marketlens.core.validate.InvalidInputException when the table or options cannot give
   *     a model: no id column or duplicate ids, all rows identical, fewer than 50 labelled
   *     customers, one outcome only (or under 10 of one), a label that is not a yes/no flag, no
   *     usable feature
   * @throws IllegalStateException when every candidate failed to train
   */
  public static ChurnResult run(Table customers, ChurnOptions options, Progress progress) {
    ChurnInputs.checkRows(customers);
    Column id = ChurnInputs.idColumn(customers, options.idColumn());
    Column label = customers.column(options.labelColumn());
    ChurnInputs.requireColumns(customers, options.excludeColumns());
    int[] labels = ChurnInputs.labels(customers, label);
    ChurnInputs.checkLabels(customers, label, labels);
    int[] labelled = IntStream.range(0, labels.length).filter(r -> labels[r] >= 0).toArray();
    FeatureSelection selection =
        new FeatureSelection(
            customers, id.name(), label.name(), options.excludeColumns(), labelled);
    if (selection.features.isEmpty()) {
      throw InvalidInputException.in(customers.source())
          .expected(
              "at least one column besides the id and the label that varies between customers")
          .found(
              selection.dropped.stream()
                  .map(d -> d.column() + ": " + d.reason())
                  .collect(Collectors.joining("; ")))
          .build();
    }

    Random seeds = new Random(options.seed());
    long splitSeed = seeds.nextLong();
    long modelSeed = seeds.nextLong();
    long calibrationSeed = seeds.nextLong();
    long importanceSeed = seeds.nextLong();
    long explainSeed = seeds.nextLong();

    StratifiedSplit split =
        StratifiedSplit.of(labels, labelled, TRAIN_SHARE, VALIDATION_SHARE, splitSeed);
    TabularEncoder encoder =
        TabularEncoder.fit(
            customers, selection.features, split.train(), TabularEncoder.Options.defaults());
    TabularData train = encoder.encode(customers, split.train(), pick(labels, split.train()));
    TabularData validation =
        encoder.encode(customers, split.validation(), pick(labels, split.validation()));
    TabularData test = encoder.encode(customers, split.test(), pick(labels, split.test()));

    List<CandidateResult> results = new ArrayList<>();
    BinaryModel best = null;
    double bestAuc = Double.NEGATIVE_INFINITY;
    try (Progress.Step step =
        progress.start("churn: train candidates", options.candidates().size(), "models")) {
      for (BinaryClassifier candidate : options.candidates()) {
        step.message(candidate.name());
        try {
          BinaryModel m = candidate.fit(train, validation, modelSeed);
          double auc =
              Metrics.rocAuc(m.predictProbability(validation.features()), validation.labels());
          results.add(
              new CandidateResult(
                  m.name(),
                  m.description(),
                  auc,
                  Metrics.binary(m.predictProbability(test.features()), test.labels()),
                  null));
          if (auc > bestAuc) {
            bestAuc = auc;
            best = m;
          }
        } catch (IllegalStateException e) {
          results.add(new CandidateResult(candidate.name(), "", Double.NaN, null, e.getMessage()));
        }
        step.advance(1);
      }
    }
    if (best == null) {
      throw new IllegalStateException("no churn candidate could be trained: " + results);
    }

    try (Progress.Step step = progress.start("churn: calibrate and explain", 3, "steps")) {
      Calibration.Choice choice =
          Calibration.choose(
              best.predictProbability(validation.features()), validation.labels(), calibrationSeed);
      double[] rawTest = best.predictProbability(test.features());
      CalibrationReport calibration = Calibration.report(choice, rawTest, test.labels());
      double[] calibratedTest = choice.calibrator().calibrateAll(rawTest);
      step.advance(1);

      List<ChurnDriver> drivers = new ArrayList<>();
      for (FeatureImportance fi :
          PermutationImportance.compute(best, test, options.permutationRepeats(), importanceSeed)) {
        drivers.add(
            new ChurnDriver(
                fi.group(),
                fi.meanDrop(),
                fi.sdDrop(),
                DriverText.describe(customers, fi.group(), labels)));
      }
      step.advance(1);

      RowExplainer explainer = RowExplainer.of(best, train, options.backgroundRows(), explainSeed);
      ChurnModel model =
          new ChurnModel(customers, encoder, best, choice.calibrator(), explainer, options.seed());
      List<CustomerRisk> risky = highestRisk(customers, id, labels, model, options);
      step.advance(1);

      return new ChurnResult(
          id.name(),
          label.name(),
          customers.rowCount(),
          labelled.length,
          (double) Arrays.stream(labels).filter(y -> y == 1).count() / labelled.length,
          selection.features,
          selection.dropped,
          split.train().length,
          split.validation().length,
          split.test().length,
          results,
          best.name(),
          Metrics.binary(calibratedTest, test.labels()),
          calibration,
          drivers,
          explainer.method(),
          risky,
          model);
    }
  }

  private static List<CustomerRisk> highestRisk(
      Table customers, Column id, int[] labels, ChurnModel model, ChurnOptions options) {
    double[] p = model.score(customers);
    Integer[] candidates =
        IntStream.range(0, labels.length)
            .filter(r -> labels[r] != 1)
            .boxed()
            .toArray(Integer[]::new);
    Arrays.sort(candidates, Comparator.comparingDouble((Integer r) -> -p[r]));
    int[] top =
        Arrays.stream(candidates)
            .limit(options.topCustomers())
            .mapToInt(Integer::intValue)
            .toArray();
    List<List<Reason>> reasons = model.reasons(customers, top, options.reasonsPerCustomer());
    List<CustomerRisk> out = new ArrayList<>();
    for (int k = 0; k < top.length; k++) {
      out.add(new CustomerRisk(id.getString(top[k]), top[k], p[top[k]], reasons.get(k)));
    }
    return out;
  }

  private static int[] pick(int[] values, int[] rows) {
    int[] out = new int[rows.length];
    for (int k = 0; k < rows.length; k++) out[k] = values[rows[k]];
    return out;
  }
}
