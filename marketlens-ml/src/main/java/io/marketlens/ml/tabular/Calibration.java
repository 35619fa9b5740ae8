package io.marketlens.ml.tabular;

import java.util.Random;

/**
 * Chooses and fits a {@link Calibrator} on a calibration split, and measures it on another.
 *
 * <p>{@link #choose} compares Platt scaling and isotonic regression by expected calibration error
 * out of fold (stratified folds of the calibration rows, seeded), so that isotonic regression is
 * not judged on the rows it memorised; the winner (Platt on ties) is then refitted on all
 * calibration rows.
 */
public final class Calibration {

  /** Folds used by {@link #choose(double[], int[], long)}. */
  public static final int FOLDS = 5;

  /** Times the folds are redrawn; the out-of-fold ECE is averaged over them. */
  public static final int REPEATS = 3;

  private Calibration() {}

  /** The identity map. */
  public static Calibrator none() {
    return new Calibrator() {
      @Override
      public String method() {
        return "none";
      }

      @Override
      public double calibrate(double probability) {
        return probability;
      }
    };
  }

  /** The chosen calibrator and the out-of-fold ECE of both methods. */
  public record Choice(Calibrator calibrator, double plattEce, double isotonicEce) {}

  /**
   * Picks Platt or isotonic by out-of-fold ECE on ({@code probabilities}, {@code labels}) and fits
   * the winner on all of them.
   */
  public static Choice choose(double[] probabilities, int[] labels, long seed) {
    Random random = new Random(seed);
    double plattEce = 0;
    double isotonicEce = 0;
    for (int repeat = 0; repeat < REPEATS; repeat++) {
      double[][] outOfFold = outOfFold(probabilities, labels, random.nextLong());
      plattEce += Metrics.expectedCalibrationError(outOfFold[0], labels) / REPEATS;
      isotonicEce += Metrics.expectedCalibrationError(outOfFold[1], labels) / REPEATS;
    }
    Calibrator chosen =
        isotonicEce < plattEce
            ? IsotonicRegression.fit(probabilities, labels)
            : PlattScaling.fit(probabilities, labels);
    return new Choice(chosen, plattEce, isotonicEce);
  }

  /** Out-of-fold Platt ({@code [0]}) and isotonic ({@code [1]}) probabilities. */
  private static double[][] outOfFold(double[] probabilities, int[] labels, long seed) {
    int[] fold = folds(labels, FOLDS, seed);
    double[] platt = probabilities.clone();
    double[] isotonic = probabilities.clone();
    for (int f = 0; f < FOLDS; f++) {
      int[] in = indices(fold, f, false);
      int[] out = indices(fold, f, true);
      if (in.length == 0 || out.length == 0) continue;
      double[] p = pick(probabilities, in);
      int[] y = pick(labels, in);
      Calibrator pl = PlattScaling.fit(p, y);
      Calibrator iso = IsotonicRegression.fit(p, y);
      for (int i : out) {
        platt[i] = pl.calibrate(probabilities[i]);
        isotonic[i] = iso.calibrate(probabilities[i]);
      }
    }
    return new double[][] {platt, isotonic};
  }

  /** ECE and Brier score of raw and calibrated probabilities on evaluation rows. */
  public static CalibrationReport report(Choice choice, double[] probabilities, int[] labels) {
    double[] calibrated = choice.calibrator().calibrateAll(probabilities);
    return new CalibrationReport(
        choice.calibrator().method(),
        choice.plattEce(),
        choice.isotonicEce(),
        Metrics.expectedCalibrationError(probabilities, labels),
        Metrics.expectedCalibrationError(calibrated, labels),
        Metrics.brier(probabilities, labels),
        Metrics.brier(calibrated, labels));
  }

  /** A fold number per row, each class spread evenly over the folds in seeded order. */
  static int[] folds(int[] labels, int folds, long seed) {
    Random random = new Random(seed);
    int[] fold = new int[labels.length];
    for (int cls = 0; cls <= 1; cls++) {
      int c = cls;
      int[] members =
          java.util.stream.IntStream.range(0, labels.length).filter(i -> labels[i] == c).toArray();
      StratifiedSplit.shuffle(members, random);
      for (int k = 0; k < members.length; k++) fold[members[k]] = k % folds;
    }
    return fold;
  }

  private static int[] indices(int[] fold, int f, boolean equal) {
    return java.util.stream.IntStream.range(0, fold.length)
        .filter(i -> (fold[i] == f) == equal)
        .toArray();
  }

  private static double[] pick(double[] a, int[] idx) {
    double[] out = new double[idx.length];
    for (int k = 0; k < idx.length; k++) out[k] = a[idx[k]];
    return out;
  }

  private static int[] pick(int[] a, int[] idx) {
    int[] out = new int[idx.length];
    for (int k = 0; k < idx.length; k++) out[k] = a[idx[k]];
    return out;
  }
}
