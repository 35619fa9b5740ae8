package io.marketlens.ml.tabular;

/**
 * A way to train a {@link BinaryModel}: logistic regression, gradient-boosted trees, later a neural
 * network from the model lab. Implementations are immutable configurations, safe to share.
 *
 * <p>To add a candidate (e.g. an MLP), implement this interface and register a default instance in
 * {@link Classifiers}.
 */
public interface BinaryClassifier {

  /** A short, stable name such as {@code logistic-regression}, used in results and options. */
  String name();

  /**
   * Trains on {@code train}. The validation rows may be used to choose hyper-parameters or stop
   * early, never to fit weights. The same data and seed give the same model.
   *
   * @param train the rows to fit on, with both labels present
   * @param validation held-out rows with both labels present
   * @param seed the seed for every random choice
   * @throws IllegalStateException when the engine cannot run here (e.g. a native library fails to
   *     load); callers may skip the candidate and report why
   */
  BinaryModel fit(TabularData train, TabularData validation, long seed);
}
