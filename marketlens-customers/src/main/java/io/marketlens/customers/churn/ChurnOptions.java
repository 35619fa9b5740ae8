package io.marketlens.customers.churn;

import io.marketlens.ml.tabular.BinaryClassifier;
import io.marketlens.ml.tabular.Classifiers;
import java.util.List;
import java.util.Objects;

/**
 * What {@link ChurnAnalysis} runs on and how. Start from {@link #defaults(String, String)}.
 *
 * @param idColumn the column of unique customer ids, or null to detect one (a column named like
 *     {@code id}, {@code customerID} or {@code customer_id} with unique values)
 * @param labelColumn the churn flag: yes/no, true/false or 1/0 (a boolean column works as is); rows
 *     without a value are scored but not trained on
 * @param seed the seed of the split, the models, calibration folds and importance shuffles
 * @param candidates the classifiers to train, with distinct names; the one with the best validation
 *     ROC-AUC is kept (the first on ties)
 * @param excludeColumns further columns to leave out of the features (e.g. ones recorded after
 *     churn, which would leak the answer)
 * @param topCustomers how many of the highest-risk customers (not already churned) are listed
 * @param reasonsPerCustomer the reasons listed for each of them
 * @param permutationRepeats shuffles per column for permutation importance
 * @param backgroundRows training rows the per-customer reasons are measured against
 */
public record ChurnOptions(
    String idColumn,
    String labelColumn,
    long seed,
    List<BinaryClassifier> candidates,
    List<String> excludeColumns,
    int topCustomers,
    int reasonsPerCustomer,
    int permutationRepeats,
    int backgroundRows) {

  public static final long DEFAULT_SEED = 42;

  public ChurnOptions {
    Objects.requireNonNull(labelColumn, "labelColumn");
    candidates = List.copyOf(candidates);
    excludeColumns = List.copyOf(excludeColumns);
    if (candidates.isEmpty()) throw new IllegalArgumentException("no candidate classifier");
    if (candidates.stream().map(BinaryClassifier::name).distinct().count() < candidates.size()) {
      throw new IllegalArgumentException("candidate names must be unique, found " + candidates);
    }
    if (topCustomers < 0 || reasonsPerCustomer < 0) {
      throw new IllegalArgumentException("topCustomers and reasonsPerCustomer must be >= 0");
    }
    if (permutationRepeats < 1 || backgroundRows < 1) {
      throw new IllegalArgumentException("permutationRepeats and backgroundRows must be >= 1");
    }
  }

  /**
   * Seed 42, every available classifier ({@link Classifiers#defaults()}), no excluded columns, the
   * 20 highest-risk customers with 3 reasons each, 5 shuffles per column, 50 background rows.
   */
  public static ChurnOptions defaults(String idColumn, String labelColumn) {
    return new ChurnOptions(
        idColumn, labelColumn, DEFAULT_SEED, Classifiers.defaults(), List.of(), 20, 3, 5, 50);
  }

  public ChurnOptions withSeed(long value) {
    return new ChurnOptions(
        idColumn,
        labelColumn,
        value,
        candidates,
        excludeColumns,
        topCustomers,
        reasonsPerCustomer,
        permutationRepeats,
        backgroundRows);
  }

  public ChurnOptions withCandidates(List<BinaryClassifier> value) {
    return new ChurnOptions(
        idColumn,
        labelColumn,
        seed,
        value,
        excludeColumns,
        topCustomers,
        reasonsPerCustomer,
        permutationRepeats,
        backgroundRows);
  }

  public ChurnOptions withExcludeColumns(List<String> value) {
    return new ChurnOptions(
        idColumn,
        labelColumn,
        seed,
        candidates,
        value,
        topCustomers,
        reasonsPerCustomer,
        permutationRepeats,
        backgroundRows);
  }
}
