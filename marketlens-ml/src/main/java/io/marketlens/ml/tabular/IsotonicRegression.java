package io.marketlens.ml.tabular;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Isotonic calibration: the non-decreasing step function closest in squared error to the labels,
 * found by the pool-adjacent-violators algorithm (Zadrozny and Elkan, 2002), with tied inputs
 * pooled first. Between the mean inputs of neighbouring blocks it interpolates linearly; beyond the
 * first and last it is flat.
 *
 * @param x the mean input of each block, ascending
 * @param y the fitted value of each block, non-decreasing
 */
public record IsotonicRegression(double[] x, double[] y) implements Calibrator {

  public IsotonicRegression {
    x = x.clone();
    y = y.clone();
    if (x.length == 0 || x.length != y.length) {
      throw new IllegalArgumentException("needs one value per block and at least one block");
    }
  }

  /**
   * Fits on probabilities (or any scores) and their 0/1 labels. The rate of each block of {@code n}
   * rows with {@code k} positives is smoothed to {@code (k + 1) / (n + 2)} (Laplace), then made
   * non-decreasing again, so that no calibrated probability is exactly 0 or 1: a block of 40
   * customers who all stayed says "about 2 %", not "never".
   */
  public static IsotonicRegression fit(double[] scores, int[] labels) {
    double[] targets = new double[labels.length];
    for (int i = 0; i < targets.length; i++) targets[i] = labels[i];
    return pav(scores, targets, true);
  }

  /** Fits on scores and real-valued targets, without smoothing (plain least squares). */
  public static IsotonicRegression fit(double[] scores, double[] targets) {
    return pav(scores, targets, false);
  }

  private static IsotonicRegression pav(double[] scores, double[] targets, boolean laplace) {
    if (scores.length == 0 || scores.length != targets.length) {
      throw new IllegalArgumentException("needs as many targets as scores, at least one");
    }
    Integer[] order = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble(k -> scores[k]));
    List<double[]> blocks = new ArrayList<>(); // {sum x, sum y, count}
    int i = 0;
    while (i < order.length) {
      double[] block = new double[3];
      double value = scores[order[i]];
      while (i < order.length && scores[order[i]] == value) {
        block[0] += scores[order[i]];
        block[1] += targets[order[i]];
        block[2]++;
        i++;
      }
      blocks.add(block);
      while (blocks.size() > 1 && mean(blocks.get(blocks.size() - 2)) >= mean(block)) {
        double[] last = blocks.remove(blocks.size() - 1);
        double[] prev = blocks.get(blocks.size() - 1);
        prev[0] += last[0];
        prev[1] += last[1];
        prev[2] += last[2];
        block = prev;
      }
    }
    double[] x = new double[blocks.size()];
    double[] y = new double[blocks.size()];
    for (int b = 0; b < x.length; b++) {
      double[] block = blocks.get(b);
      x[b] = block[0] / block[2];
      y[b] = laplace ? (block[1] + 1) / (block[2] + 2) : mean(block);
      if (b > 0) y[b] = Math.max(y[b], y[b - 1]);
    }
    return new IsotonicRegression(x, y);
  }

  private static double mean(double[] block) {
    return block[1] / block[2];
  }

  @Override
  public double[] x() {
    return x.clone();
  }

  @Override
  public double[] y() {
    return y.clone();
  }

  @Override
  public String method() {
    return "isotonic";
  }

  @Override
  public double calibrate(double probability) {
    if (probability <= x[0]) return y[0];
    int last = x.length - 1;
    if (probability >= x[last]) return y[last];
    int at = Arrays.binarySearch(x, probability);
    if (at >= 0) return y[at];
    int hi = -at - 1;
    int lo = hi - 1;
    double w = (probability - x[lo]) / (x[hi] - x[lo]);
    return y[lo] + w * (y[hi] - y[lo]);
  }
}
