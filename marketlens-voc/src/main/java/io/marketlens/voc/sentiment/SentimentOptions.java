package io.marketlens.voc.sentiment;

import java.util.List;

/**
 * How sentiment heads are trained.
 *
 * @param seed the seed of the stratified split (same seed, same split, same metrics)
 * @param trainFraction share of each class's labelled rows used for training, in (0, 1)
 * @param validationFraction share used to choose the L2 strength; the rest is the held-out test
 * @param minRows the labelled rows a language needs to get its own head, at least 3
 * @param minPerClass the rows of each class a language needs, at least 1
 * @param lambdas the candidate L2 strengths of the logistic regression, chosen on validation
 */
public record SentimentOptions(
    long seed,
    double trainFraction,
    double validationFraction,
    int minRows,
    int minPerClass,
    List<Double> lambdas) {

  public SentimentOptions {
    if (!(trainFraction > 0 && validationFraction > 0 && trainFraction + validationFraction < 1)) {
      throw new IllegalArgumentException(
          "fractions must be positive and leave a test set, found train "
              + trainFraction
              + " and validation "
              + validationFraction);
    }
    if (minRows < 3) throw new IllegalArgumentException("minRows must be >= 3, found " + minRows);
    if (minPerClass < 1) {
      throw new IllegalArgumentException("minPerClass must be >= 1, found " + minPerClass);
    }
    lambdas = List.copyOf(lambdas);
    if (lambdas.isEmpty()) throw new IllegalArgumentException("no lambda to try");
  }

  /**
   * Seed 42, a 60/20/20 split, at least 40 labelled rows and 10 of each class per language, L2
   * strengths 30, 10, 3, 1, 0.3 and 0.1.
   */
  public static SentimentOptions defaults() {
    return new SentimentOptions(42, 0.6, 0.2, 40, 10, List.of(30.0, 10.0, 3.0, 1.0, 0.3, 0.1));
  }

  /** These options with another seed. */
  public SentimentOptions withSeed(long newSeed) {
    return new SentimentOptions(
        newSeed, trainFraction, validationFraction, minRows, minPerClass, lambdas);
  }
}
