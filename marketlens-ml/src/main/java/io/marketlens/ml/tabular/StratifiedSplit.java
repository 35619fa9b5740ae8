package io.marketlens.ml.tabular;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A seeded split of row indices into train, validation and test sets that keeps the share of each
 * label in every set. Rows of each class are shuffled with {@link Random} seeded by {@code seed}
 * (the same on every JVM), then cut by the fractions; each set is returned in ascending row order.
 *
 * @param train the rows to fit on
 * @param validation the rows to choose models and fit calibration on
 * @param test the untouched rows to report on
 */
public record StratifiedSplit(int[] train, int[] validation, int[] test) {

  /**
   * Splits {@code rows} (indices into {@code labels}) by label.
   *
   * @param labels 0/1 labels indexed by row
   * @param rows the rows to split (e.g. those with a known label)
   * @param trainFraction share of each class for training, in (0, 1)
   * @param validationFraction share for validation; the rest goes to test
   * @throws IllegalArgumentException when the fractions leave no room for a test set
   */
  public static StratifiedSplit of(
      int[] labels, int[] rows, double trainFraction, double validationFraction, long seed) {
    if (!(trainFraction > 0 && validationFraction > 0 && trainFraction + validationFraction < 1)) {
      throw new IllegalArgumentException(
          "fractions must be positive and leave a test set, found train "
              + trainFraction
              + " and validation "
              + validationFraction);
    }
    Random random = new Random(seed);
    List<Integer> train = new ArrayList<>();
    List<Integer> validation = new ArrayList<>();
    List<Integer> test = new ArrayList<>();
    for (int cls = 0; cls <= 1; cls++) {
      int c = cls;
      int[] members = Arrays.stream(rows).filter(r -> labels[r] == c).toArray();
      shuffle(members, random);
      int n = members.length;
      int nTrain = (int) Math.round(n * trainFraction);
      int nValidation = (int) Math.round(n * validationFraction);
      for (int k = 0; k < n; k++) {
        (k < nTrain ? train : k < nTrain + nValidation ? validation : test).add(members[k]);
      }
    }
    return new StratifiedSplit(sorted(train), sorted(validation), sorted(test));
  }

  /** Splits rows {@code 0 .. labels.length-1}. */
  public static StratifiedSplit of(
      int[] labels, double trainFraction, double validationFraction, long seed) {
    int[] all = new int[labels.length];
    for (int i = 0; i < all.length; i++) all[i] = i;
    return of(labels, all, trainFraction, validationFraction, seed);
  }

  /** Fisher-Yates with the given generator. */
  static void shuffle(int[] a, Random random) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  private static int[] sorted(List<Integer> list) {
    int[] a = list.stream().mapToInt(Integer::intValue).toArray();
    Arrays.sort(a);
    return a;
  }
}
