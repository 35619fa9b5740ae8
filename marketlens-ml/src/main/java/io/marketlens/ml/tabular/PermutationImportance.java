package io.marketlens.ml.tabular;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Permutation importance (Breiman 2001; Fisher, Rudin and Dominici 2019) on held-out rows: how much
 * ROC-AUC falls when one original column is shuffled across rows, breaking its link to the label.
 * The features of a group (e.g. the one-hot levels of a categorical column) are shuffled together,
 * with one permutation, so each row keeps a valid encoding. Deterministic for a given seed.
 */
public final class PermutationImportance {

  private PermutationImportance() {}

  /**
   * Importance of every group of {@code data}, most important first.
   *
   * @param repeats the shuffles per group, at least 1
   * @throws IllegalArgumentException when {@code data} lacks one of the classes
   */
  public static List<FeatureImportance> compute(
      BinaryModel model, TabularData data, int repeats, long seed) {
    if (repeats < 1) throw new IllegalArgumentException("repeats must be >= 1, found " + repeats);
    double base = Metrics.rocAuc(model.predictProbability(data.features()), data.labels());
    if (Double.isNaN(base)) {
      throw new IllegalArgumentException("permutation importance needs both labels in the rows");
    }
    Random random = new Random(seed);
    List<String> names = data.groupNames();
    int[][] members = data.groupIndices();
    List<FeatureImportance> out = new ArrayList<>();
    for (int g = 0; g < names.size(); g++) {
      double[] drops = new double[repeats];
      for (int r = 0; r < repeats; r++) {
        double[][] shuffled = permuted(data.features(), members[g], new Random(random.nextLong()));
        drops[r] = base - Metrics.rocAuc(model.predictProbability(shuffled), data.labels());
      }
      out.add(new FeatureImportance(names.get(g), mean(drops), sd(drops)));
    }
    out.sort(
        Comparator.comparingDouble(FeatureImportance::meanDrop)
            .reversed()
            .thenComparing(FeatureImportance::group));
    return out;
  }

  private static double[][] permuted(double[][] x, int[] columns, Random random) {
    int n = x.length;
    int[] order = new int[n];
    for (int i = 0; i < n; i++) order[i] = i;
    StratifiedSplit.shuffle(order, random);
    double[][] out = new double[n][];
    for (int i = 0; i < n; i++) {
      out[i] = x[i].clone();
      for (int j : columns) out[i][j] = x[order[i]][j];
    }
    return out;
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double d : v) s += d;
    return s / v.length;
  }

  private static double sd(double[] v) {
    if (v.length < 2) return 0;
    double m = mean(v);
    double s = 0;
    for (double d : v) s += (d - m) * (d - m);
    return Math.sqrt(s / (v.length - 1));
  }
}
