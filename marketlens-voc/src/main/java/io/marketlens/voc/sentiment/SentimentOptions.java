package io.marketlens.voc.sentiment;

import java.util.List;

/**
 * How sentiment models are trained and chosen.
 *
 * @param seed the seed of the stratified split and of every candidate (same seed, same split, same
 *     models, same metrics)
 * @param trainFraction share of each class's labelled rows used for training, in (0, 1)
 * @param validationFraction share used to choose among the candidates (and their penalties); the
 *     rest is the held-out test
 * @param minRows the labelled rows a language needs to get its own model, at least 3
 * @param minPerClass the rows of each class a language needs, at least 1
 * @param lambdas the candidate L2 strengths of the logistic regressions, chosen on validation
 * @param candidates the kinds of model tried, at least one; the best on validation is kept
 * @param transformerMinRows the training rows a language needs before the Transformer is tried: a
 *     Transformer trained from scratch on fewer texts is slow and never wins (it is then reported
 *     as skipped)
 * @param transformerMaxRows the most training rows the Transformer is fitted on (a seeded sample,
 *     stratified by label, when there are more): its time grows with the rows while a Transformer
 *     trained from scratch stays behind the embedding and TF-IDF candidates on sentiment, so its
 *     cost is bounded rather than left to grow with the data
 * @param transformerEpochs the Transformer's training epochs, at least 1
 */
public record SentimentOptions(
    long seed,
    double trainFraction,
    double validationFraction,
    int minRows,
    int minPerClass,
    List<Double> lambdas,
    List<SentimentCandidate> candidates,
    int transformerMinRows,
    int transformerMaxRows,
    int transformerEpochs) {

  /** The default training rows below which the Transformer is skipped. */
  public static final int DEFAULT_TRANSFORMER_MIN_ROWS = 2_000;

  /** The default most training rows of the Transformer. */
  public static final int DEFAULT_TRANSFORMER_MAX_ROWS = 20_000;

  /** The default Transformer epochs. */
  public static final int DEFAULT_TRANSFORMER_EPOCHS = 3;

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
    candidates = List.copyOf(candidates.stream().distinct().toList());
    if (candidates.isEmpty()) throw new IllegalArgumentException("no candidate to try");
    if (transformerMinRows < 0) {
      throw new IllegalArgumentException("transformerMinRows must be >= 0");
    }
    if (transformerMaxRows < 1)
      throw new IllegalArgumentException("transformerMaxRows must be >= 1");
    if (transformerEpochs < 1) throw new IllegalArgumentException("transformerEpochs must be >= 1");
  }

  /**
   * Seed 42, a 60/20/20 split, at least 40 labelled rows and 10 of each class per language, L2
   * strengths 10, 3, 1, 0.3 and 0.1, every candidate, the Transformer from {@value
   * #DEFAULT_TRANSFORMER_MIN_ROWS} training rows, on at most {@value #DEFAULT_TRANSFORMER_MAX_ROWS}
   * of them, for {@value #DEFAULT_TRANSFORMER_EPOCHS} epochs.
   */
  public static SentimentOptions defaults() {
    return new SentimentOptions(
        42,
        0.6,
        0.2,
        40,
        10,
        List.of(10.0, 3.0, 1.0, 0.3, 0.1),
        List.of(SentimentCandidate.values()),
        DEFAULT_TRANSFORMER_MIN_ROWS,
        DEFAULT_TRANSFORMER_MAX_ROWS,
        DEFAULT_TRANSFORMER_EPOCHS);
  }

  /** These options with another seed. */
  public SentimentOptions withSeed(long newSeed) {
    return new SentimentOptions(
        newSeed,
        trainFraction,
        validationFraction,
        minRows,
        minPerClass,
        lambdas,
        candidates,
        transformerMinRows,
        transformerMaxRows,
        transformerEpochs);
  }

  /** These options with other candidates. */
  public SentimentOptions withCandidates(List<SentimentCandidate> list) {
    return new SentimentOptions(
        seed,
        trainFraction,
        validationFraction,
        minRows,
        minPerClass,
        lambdas,
        list,
        transformerMinRows,
        transformerMaxRows,
        transformerEpochs);
  }

  /** These options with another Transformer size rule (fewest rows) and epoch count. */
  public SentimentOptions withTransformer(int minRows, int epochs) {
    return new SentimentOptions(
        seed,
        trainFraction,
        validationFraction,
        this.minRows,
        minPerClass,
        lambdas,
        candidates,
        minRows,
        transformerMaxRows,
        epochs);
  }
}
