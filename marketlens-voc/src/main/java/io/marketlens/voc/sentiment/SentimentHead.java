package io.marketlens.voc.sentiment;

import io.marketlens.ml.embed.Language;
import io.marketlens.ml.tabular.LogisticRegression;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The trained sentiment head of one language: a logistic regression on that language's sentence
 * embeddings, which scores any text of the language (a whole review, or one of its sentences for
 * aspect sentiment). Immutable and thread-safe.
 */
public final class SentimentHead {

  private final Language language;
  private final LogisticRegression.Model model;

  SentimentHead(Language language, LogisticRegression.Model model) {
    this.language = Objects.requireNonNull(language, "language");
    this.model = Objects.requireNonNull(model, "model");
  }

  /** The language whose embeddings it reads. */
  public Language language() {
    return language;
  }

  /** The embedding dimension it expects. */
  public int dimension() {
    return model.featureCount();
  }

  /**
   * The probability that the text embedded as {@code vector} is positive, in (0, 1).
   *
   * @throws IllegalArgumentException when the vector's dimension is not this language's: it was
   *     made by the other language's encoder
   */
  public double probabilityPositive(float[] vector) {
    Objects.requireNonNull(vector, "vector");
    if (vector.length != dimension()) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "the %s head reads %d-d vectors, found %d-d: embed the text with its own"
                  + " language's encoder",
              language,
              dimension(),
              vector.length));
    }
    double[] row = new double[vector.length];
    for (int d = 0; d < row.length; d++) row[d] = vector[d];
    return model.predictProbability(new double[][] {row})[0];
  }

  /** The probability positive of each vector, in order; see {@link #probabilityPositive}. */
  public double[] probabilitiesPositive(List<float[]> vectors) {
    double[] out = new double[vectors.size()];
    for (int i = 0; i < out.length; i++) out[i] = probabilityPositive(vectors.get(i));
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SentimentHead h
        && h.language == language
        && h.model.intercept() == model.intercept()
        && Arrays.equals(h.model.coefficients(), model.coefficients());
  }

  @Override
  public int hashCode() {
    return 31 * language.hashCode() + Arrays.hashCode(model.coefficients());
  }

  @Override
  public String toString() {
    return "SentimentHead[" + language + ", " + model.description() + "]";
  }
}
