package io.marketlens.ml.lab.tabular;

import io.marketlens.ml.tabular.StratifiedSplit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Seeded train / validation / test splits of row indices for the lab's tabular models: stratified
 * by class for classification (any number of classes), shuffled for regression. Stratification
 * follows {@link StratifiedSplit} (the rows of each class shuffled with one {@link Random} seeded
 * by {@code seed}, then cut by the fractions, rounding each cut), so for two classes and a
 * validation share above 0 the result is the same as {@link StratifiedSplit#of}; here the
 * validation share may also be 0. Each set is returned in ascending row order.
 */
public final class TabularSplit {

  private TabularSplit() {}

  /**
   * Splits {@code rows} keeping each class's share in every set.
   *
   * @param labels the class (0 .. classes-1) of each row, indexed by row
   * @param rows the rows to split
   * @param classes the number of classes
   * @param trainFraction the share of each class for training, in (0, 1)
   * @param validationFraction the share for validation, in [0, 1); the rest is the test set
   */
  public static StratifiedSplit stratified(
      int[] labels,
      int[] rows,
      int classes,
      double trainFraction,
      double validationFraction,
      long seed) {
    check(trainFraction, validationFraction);
    Random random = new Random(seed);
    List<Integer> train = new ArrayList<>();
    List<Integer> validation = new ArrayList<>();
    List<Integer> test = new ArrayList<>();
    for (int cls = 0; cls < classes; cls++) {
      int c = cls;
      int[] members = Arrays.stream(rows).filter(r -> labels[r] == c).toArray();
      cut(members, random, trainFraction, validationFraction, train, validation, test);
    }
    return new StratifiedSplit(sorted(train), sorted(validation), sorted(test));
  }

  /** Splits {@code rows} at random (regression targets have no classes to keep). */
  public static StratifiedSplit shuffled(
      int[] rows, double trainFraction, double validationFraction, long seed) {
    check(trainFraction, validationFraction);
    List<Integer> train = new ArrayList<>();
    List<Integer> validation = new ArrayList<>();
    List<Integer> test = new ArrayList<>();
    cut(rows.clone(), new Random(seed), trainFraction, validationFraction, train, validation, test);
    return new StratifiedSplit(sorted(train), sorted(validation), sorted(test));
  }

  private static void check(double trainFraction, double validationFraction) {
    if (!(trainFraction > 0 && validationFraction >= 0 && trainFraction + validationFraction < 1)) {
      throw new IllegalArgumentException(
          "fractions must leave a test set: train "
              + trainFraction
              + ", validation "
              + validationFraction);
    }
  }

  private static void cut(
      int[] members,
      Random random,
      double trainFraction,
      double validationFraction,
      List<Integer> train,
      List<Integer> validation,
      List<Integer> test) {
    for (int i = members.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = members[i];
      members[i] = members[j];
      members[j] = t;
    }
    int n = members.length;
    int nTrain = (int) Math.round(n * trainFraction);
    int nValidation = (int) Math.round(n * validationFraction);
    for (int k = 0; k < n; k++) {
      (k < nTrain ? train : k < nTrain + nValidation ? validation : test).add(members[k]);
    }
  }

  private static int[] sorted(List<Integer> list) {
    int[] a = list.stream().mapToInt(Integer::intValue).toArray();
    Arrays.sort(a);
    return a;
  }
}
