package io.marketlens.ml.tabular;

import io.github.metarank.lightgbm4j.LGBMBooster;
import io.github.metarank.lightgbm4j.LGBMDataset;
import io.github.metarank.lightgbm4j.LGBMException;
import java.util.List;
import java.util.Locale;

/**
 * Gradient-boosted decision trees with logistic loss, trained by LightGBM 4.3 (through {@code
 * io.github.metarank:lightgbm4j}, natives in the jar). Trees are depth-limited with {@code 2^depth}
 * leaves, shrunk by the learning rate, and each is grown on a seeded subsample of rows and columns.
 *
 * <p>Hyper-parameters are chosen on the validation rows only: for every depth and learning rate of
 * the grid, trees are added until the validation log-loss has not improved for {@link
 * #earlyStoppingRounds()} rounds and the best round is kept; the configuration with the highest
 * validation ROC-AUC wins (ties go to the earlier one in the grid).
 *
 * <p>Deterministic for a given seed: LightGBM runs with {@code deterministic=true} on {@link
 * #threads()} threads (1 by default, which is also the safest for reproducibility).
 *
 * @param depths the tree depths to try, each 1 to 12
 * @param learningRates the shrinkage values to try, each in (0, 1]
 * @param maxTrees the most trees per configuration
 * @param earlyStoppingRounds rounds without validation improvement before stopping
 * @param minLeafRows the fewest training rows in a leaf
 * @param rowSubsample the share of rows each tree sees, in (0, 1]
 * @param columnSubsample the share of features each tree sees, in (0, 1]
 * @param l2 the L2 penalty on leaf values
 * @param threads LightGBM threads, at least 1
 */
public record GradientBoostedTrees(
    List<Integer> depths,
    List<Double> learningRates,
    int maxTrees,
    int earlyStoppingRounds,
    int minLeafRows,
    double rowSubsample,
    double columnSubsample,
    double l2,
    int threads)
    implements BinaryClassifier {

  /** The name used in results and options. */
  public static final String NAME = "gradient-boosted-trees";

  public GradientBoostedTrees {
    depths = List.copyOf(depths);
    learningRates = List.copyOf(learningRates);
    if (depths.isEmpty() || learningRates.isEmpty()) {
      throw new IllegalArgumentException("the grid needs at least one depth and learning rate");
    }
    for (int d : depths) {
      if (d < 1 || d > 12) throw new IllegalArgumentException("depth must be 1..12, found " + d);
    }
    for (double lr : learningRates) {
      if (!(lr > 0 && lr <= 1)) {
        throw new IllegalArgumentException("learning rate must be in (0, 1], found " + lr);
      }
    }
    if (maxTrees < 1 || earlyStoppingRounds < 1 || minLeafRows < 1 || threads < 1) {
      throw new IllegalArgumentException(
          "maxTrees, earlyStoppingRounds, minLeafRows and threads must be >= 1");
    }
    if (!(rowSubsample > 0 && rowSubsample <= 1 && columnSubsample > 0 && columnSubsample <= 1)) {
      throw new IllegalArgumentException("subsample shares must be in (0, 1]");
    }
    if (!(l2 >= 0)) throw new IllegalArgumentException("l2 must be >= 0, found " + l2);
  }

  /**
   * Depths 2, 3, 4 and 6, learning rates 0.1 and 0.03, up to 2,000 trees with 100 rounds of
   * patience, 20 rows per leaf, 80 % of rows and columns per tree, L2 1, one thread.
   */
  public static GradientBoostedTrees defaults() {
    return new GradientBoostedTrees(
        List.of(2, 3, 4, 6), List.of(0.1, 0.03), 2000, 100, 20, 0.8, 0.8, 1.0, 1);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public BinaryModel fit(TabularData train, TabularData validation, long seed) {
    LightGbm.requireNative();
    try {
      LightGbmModel best = null;
      double bestAuc = Double.NEGATIVE_INFINITY;
      for (int depth : depths) {
        for (double rate : learningRates) {
          LightGbmModel m = fitOne(train, validation, seed, depth, rate);
          double auc =
              Metrics.rocAuc(m.predictProbability(validation.features()), validation.labels());
          if (auc > bestAuc) {
            bestAuc = auc;
            best = m;
          }
        }
      }
      return best;
    } catch (LGBMException e) {
      throw new IllegalStateException("LightGBM failed: " + e.getMessage(), e);
    }
  }

  private LightGbmModel fitOne(
      TabularData train, TabularData validation, long seed, int depth, double rate)
      throws LGBMException {
    String params = parameters(seed, depth, rate);
    try (LGBMDataset trainSet = LightGbm.dataset(train, params, null);
        LGBMDataset validSet = LightGbm.dataset(validation, params, trainSet);
        LGBMBooster booster = LGBMBooster.create(trainSet, params)) {
      booster.addValidData(validSet);
      double bestLoss = Double.POSITIVE_INFINITY;
      int bestRound = 0;
      for (int round = 1; round <= maxTrees; round++) {
        boolean finished = booster.updateOneIter();
        double loss = booster.getEval(1)[0];
        if (loss < bestLoss - 1e-12) {
          bestLoss = loss;
          bestRound = round;
        }
        if (finished || round - bestRound >= earlyStoppingRounds) break;
      }
      int trees = Math.max(1, bestRound);
      String text = booster.saveModelToString(0, trees, LGBMBooster.FeatureImportanceType.SPLIT);
      String description =
          String.format(
              Locale.ROOT,
              "LightGBM, depth %d, learning rate %s, %d trees (validation log-loss %.4f)",
              depth,
              rate,
              trees,
              bestLoss);
      return new LightGbmModel(NAME, description, train.columns(), text);
    }
  }

  private String parameters(long seed, int depth, double rate) {
    return String.format(
        Locale.ROOT,
        "objective=binary metric=binary_logloss boosting=gbdt max_depth=%d num_leaves=%d"
            + " learning_rate=%s min_data_in_leaf=%d bagging_fraction=%s bagging_freq=1"
            + " feature_fraction=%s lambda_l2=%s seed=%d deterministic=true force_row_wise=true"
            + " num_threads=%d verbosity=-1",
        depth,
        1 << depth,
        rate,
        minLeafRows,
        rowSubsample,
        columnSubsample,
        l2,
        seed & 0x7fffffffL,
        threads);
  }
}
