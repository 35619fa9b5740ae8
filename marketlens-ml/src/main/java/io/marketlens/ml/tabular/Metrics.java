package io.marketlens.ml.tabular;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Metrics for binary classification from probabilities (or any scores, for the ranking ones) and
 * 0/1 labels. All functions are deterministic and thread-safe.
 */
public final class Metrics {

  /** The number of equal-width bins of {@link #expectedCalibrationError(double[], int[])}. */
  public static final int ECE_BINS = 10;

  private static final double EPS = 1e-15;

  private Metrics() {}

  /** Every metric at once. */
  public static BinaryMetrics binary(double[] probabilities, int[] labels) {
    check(probabilities, labels);
    int positives = 0;
    for (int y : labels) positives += y;
    return new BinaryMetrics(
        labels.length,
        positives,
        rocAuc(probabilities, labels),
        prAuc(probabilities, labels),
        logLoss(probabilities, labels),
        brier(probabilities, labels),
        expectedCalibrationError(probabilities, labels),
        atThreshold(probabilities, labels, 0.5),
        bestF1(probabilities, labels));
  }

  /**
   * The area under the ROC curve: the chance that a random positive scores above a random negative,
   * ties counting one half (the Mann-Whitney statistic with mid-ranks). NaN when a class is absent.
   */
  public static double rocAuc(double[] scores, int[] labels) {
    check(scores, labels);
    Integer[] order = ascending(scores);
    double rankSum = 0;
    long positives = 0;
    int i = 0;
    while (i < order.length) {
      int j = i;
      while (j < order.length && scores[order[j]] == scores[order[i]]) j++;
      double midRank = (i + 1 + j) / 2.0; // ranks i+1 .. j
      for (int k = i; k < j; k++) {
        if (labels[order[k]] == 1) {
          rankSum += midRank;
          positives++;
        }
      }
      i = j;
    }
    long negatives = scores.length - positives;
    if (positives == 0 || negatives == 0) return Double.NaN;
    return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
  }

  /**
   * Average precision: the sum over distinct thresholds, from high to low, of precision times the
   * gain in recall (tied scores enter together). NaN without positives.
   */
  public static double prAuc(double[] scores, int[] labels) {
    check(scores, labels);
    Integer[] order = ascending(scores);
    long positives = Arrays.stream(labels).filter(y -> y == 1).count();
    if (positives == 0) return Double.NaN;
    double ap = 0;
    long tp = 0;
    long seen = 0;
    int i = order.length - 1;
    while (i >= 0) {
      int j = i;
      long tpBefore = tp;
      while (j >= 0 && scores[order[j]] == scores[order[i]]) {
        tp += labels[order[j]];
        seen++;
        j--;
      }
      ap += (double) (tp - tpBefore) / positives * ((double) tp / seen);
      i = j;
    }
    return ap;
  }

  /** Mean negative log-likelihood; probabilities are clipped to [1e-15, 1 - 1e-15]. */
  public static double logLoss(double[] probabilities, int[] labels) {
    check(probabilities, labels);
    double sum = 0;
    for (int i = 0; i < labels.length; i++) {
      double p = Math.min(1 - EPS, Math.max(EPS, probabilities[i]));
      sum -= labels[i] == 1 ? Math.log(p) : Math.log(1 - p);
    }
    return sum / labels.length;
  }

  /** Mean of (probability - label)^2. */
  public static double brier(double[] probabilities, int[] labels) {
    check(probabilities, labels);
    double sum = 0;
    for (int i = 0; i < labels.length; i++) {
      double d = probabilities[i] - labels[i];
      sum += d * d;
    }
    return sum / labels.length;
  }

  /** Expected calibration error over {@link #ECE_BINS} equal-width bins. */
  public static double expectedCalibrationError(double[] probabilities, int[] labels) {
    return expectedCalibrationError(probabilities, labels, ECE_BINS);
  }

  /**
   * The weighted mean, over equal-width probability bins, of |mean probability - observed rate|,
   * each bin weighted by its share of rows. Probability 1 falls in the last bin.
   */
  public static double expectedCalibrationError(double[] probabilities, int[] labels, int bins) {
    check(probabilities, labels);
    double[] sumP = new double[bins];
    double[] sumY = new double[bins];
    int[] count = new int[bins];
    for (int i = 0; i < labels.length; i++) {
      int b = Math.min(bins - 1, Math.max(0, (int) Math.floor(probabilities[i] * bins)));
      sumP[b] += probabilities[i];
      sumY[b] += labels[i];
      count[b]++;
    }
    double ece = 0;
    for (int b = 0; b < bins; b++) {
      if (count[b] > 0) ece += Math.abs(sumP[b] - sumY[b]) / labels.length;
    }
    return ece;
  }

  /** Counts and rates when rows with probability at least {@code threshold} are positive. */
  public static ThresholdMetrics atThreshold(
      double[] probabilities, int[] labels, double threshold) {
    check(probabilities, labels);
    long tp = 0;
    long fp = 0;
    long tn = 0;
    long fn = 0;
    for (int i = 0; i < labels.length; i++) {
      boolean predicted = probabilities[i] >= threshold;
      if (predicted && labels[i] == 1) tp++;
      else if (predicted) fp++;
      else if (labels[i] == 1) fn++;
      else tn++;
    }
    return ThresholdMetrics.of(threshold, tp, fp, tn, fn);
  }

  /**
   * The threshold, among the distinct probabilities, with the highest F1 (the highest such
   * threshold on ties).
   */
  public static ThresholdMetrics bestF1(double[] probabilities, int[] labels) {
    check(probabilities, labels);
    Integer[] order = ascending(probabilities);
    long positives = Arrays.stream(labels).filter(y -> y == 1).count();
    long negatives = labels.length - positives;
    ThresholdMetrics best =
        ThresholdMetrics.of(Double.POSITIVE_INFINITY, 0, 0, negatives, positives);
    long tp = 0;
    long fp = 0;
    int i = order.length - 1;
    while (i >= 0) {
      double t = probabilities[order[i]];
      while (i >= 0 && probabilities[order[i]] == t) {
        if (labels[order[i]] == 1) tp++;
        else fp++;
        i--;
      }
      ThresholdMetrics m = ThresholdMetrics.of(t, tp, fp, negatives - fp, positives - tp);
      if (m.f1() > best.f1()) best = m;
    }
    return best;
  }

  private static Integer[] ascending(double[] scores) {
    Integer[] order = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble(k -> scores[k]));
    return order;
  }

  private static void check(double[] scores, int[] labels) {
    if (scores.length != labels.length) {
      throw new IllegalArgumentException(
          scores.length + " scores but " + labels.length + " labels");
    }
    if (scores.length == 0) throw new IllegalArgumentException("no rows to score");
  }
}
