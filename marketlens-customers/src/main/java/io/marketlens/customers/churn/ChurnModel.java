package io.marketlens.customers.churn;

import io.marketlens.core.table.Column;
import io.marketlens.core.table.Table;
import io.marketlens.ml.tabular.BinaryModel;
import io.marketlens.ml.tabular.Calibrator;
import io.marketlens.ml.tabular.RowExplainer;
import io.marketlens.ml.tabular.TabularEncoder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * The chosen churn model with its encoding and calibration: scores customers and says why.
 * Thread-safe: immutable once built.
 */
public final class ChurnModel {

  /** The most rows {@link #driversFor} looks at; larger groups are sampled by the seed. */
  public static final int MAX_DRIVER_ROWS = 500;

  /**
   * Background rows per customer in {@link #driversFor}: fewer than for single customers, since the
   * mean over the group smooths what a small background adds in noise.
   */
  static final int GROUP_BACKGROUND_ROWS = 20;

  private final Table analysed;
  private final TabularEncoder encoder;
  private final BinaryModel model;
  private final Calibrator calibrator;
  private final RowExplainer explainer;
  private final long seed;

  ChurnModel(
      Table analysed,
      TabularEncoder encoder,
      BinaryModel model,
      Calibrator calibrator,
      RowExplainer explainer,
      long seed) {
    this.analysed = analysed;
    this.encoder = encoder;
    this.model = model;
    this.calibrator = calibrator;
    this.explainer = explainer;
    this.seed = seed;
  }

  /** The analysed table, or null for a model read back by {@link SavedChurnModel}. */
  Table analysed() {
    return analysed;
  }

  TabularEncoder encoder() {
    return encoder;
  }

  BinaryModel binaryModel() {
    return model;
  }

  Calibrator calibrator() {
    return calibrator;
  }

  RowExplainer explainer() {
    return explainer;
  }

  long seed() {
    return seed;
  }

  /** The classifier that was kept, e.g. {@code gradient-boosted-trees}. */
  public String classifier() {
    return model.name();
  }

  /** {@code platt}, {@code isotonic} or {@code none}. */
  public String calibration() {
    return calibrator.method();
  }

  /** The columns the model reads. */
  public List<String> features() {
    return encoder.columns();
  }

  /** How per-customer reasons are measured, in one sentence. */
  public String reasonMethod() {
    return explainer.method();
  }

  /**
   * The calibrated churn probability of every row of {@code customers}, which must hold the feature
   * columns with the types they had in training.
   *
   * @throws io.marketlens.core.validate.InvalidInputException when a feature column is absent or of
   *     another type
   */
  public double[] score(Table customers) {
    return calibrator.calibrateAll(model.predictProbability(encoder.encode(customers)));
  }

  /** The raw (uncalibrated) probabilities of {@code rows} of the analysed table. */
  double[] rawScores(int[] rows) {
    return model.predictProbability(encoder.encode(analysed, rows));
  }

  /**
   * The reasons of each of {@code rows} of {@code customers}: the {@code limit} columns that raise
   * its risk most (positive contributions only), strongest first.
   */
  public List<List<Reason>> reasons(Table customers, int[] rows, int limit) {
    double[][] contributions = explainer.contributions(encoder.encode(customers, rows));
    List<String> groups = explainer.groups();
    List<List<Reason>> out = new ArrayList<>();
    for (int k = 0; k < rows.length; k++) {
      double[] c = contributions[k];
      Integer[] order = byDescending(c);
      List<Reason> reasons = new ArrayList<>();
      for (int g : order) {
        if (reasons.size() == limit || !(c[g] > 0)) break;
        Column col = customers.column(groups.get(g));
        reasons.add(new Reason(col.name(), DriverText.value(col, rows[k]), c[g]));
      }
      out.add(reasons);
    }
    return out;
  }

  /**
   * What sets a group of customers of the analysed table apart: the mean contribution of each
   * column over {@code rowIndices} (at most {@link #MAX_DRIVER_ROWS} of them, sampled by the seed),
   * largest in size first. A positive value means the column raises the group's churn risk compared
   * with typical customers; the value shown is the group's most common value or median.
   */
  public List<Reason> driversFor(int[] rowIndices) {
    return driversFor(analysed, rowIndices);
  }

  /** {@link #driversFor(int[])} for rows of another table with the same columns. */
  public List<Reason> driversFor(Table customers, int[] rowIndices) {
    if (rowIndices.length == 0) return List.of();
    int[] rows = sample(rowIndices);
    double[][] contributions =
        explainer
            .withBackgroundRows(GROUP_BACKGROUND_ROWS)
            .contributions(encoder.encode(customers, rows));
    List<String> groups = explainer.groups();
    double[] mean = new double[groups.size()];
    for (double[] c : contributions) {
      for (int g = 0; g < mean.length; g++) mean[g] += c[g] / rows.length;
    }
    double[] size = Arrays.stream(mean).map(Math::abs).toArray();
    List<Reason> out = new ArrayList<>();
    for (int g : byDescending(size)) {
      Column col = customers.column(groups.get(g));
      out.add(new Reason(col.name(), DriverText.typical(col, rows), mean[g]));
    }
    return out;
  }

  private int[] sample(int[] rows) {
    if (rows.length <= MAX_DRIVER_ROWS) return rows.clone();
    int[] copy = rows.clone();
    Random random = new Random(seed);
    for (int i = copy.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = copy[i];
      copy[i] = copy[j];
      copy[j] = t;
    }
    int[] out = Arrays.copyOf(copy, MAX_DRIVER_ROWS);
    Arrays.sort(out);
    return out;
  }

  private static Integer[] byDescending(double[] values) {
    Integer[] order = new Integer[values.length];
    for (int i = 0; i < order.length; i++) order[i] = i;
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -values[i]));
    return order;
  }
}
