package io.marketlens.voc.sentiment;

import io.marketlens.ml.embed.Language;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The trained sentiment model of one language (the candidate chosen on validation), which scores
 * any text of the language from the text and its sentence embedding: a whole review, or one of its
 * sentences for aspect sentiment. A text's probability depends on that text alone. Thread-safe;
 * {@link #close()} frees the native memory of a Transformer.
 */
public final class SentimentHead implements AutoCloseable {

  private final Language language;
  private final String encoder;
  private final int dimension;
  private final Scorer scorer;

  SentimentHead(Language language, String encoder, int dimension, Scorer scorer) {
    this.language = Objects.requireNonNull(language, "language");
    this.encoder = Objects.requireNonNull(encoder, "encoder");
    this.dimension = dimension;
    this.scorer = Objects.requireNonNull(scorer, "scorer");
  }

  /** The language whose texts it scores. */
  public Language language() {
    return language;
  }

  /** The sentence encoder whose vectors it reads ({@code Embedder.modelId}). */
  public String encoder() {
    return encoder;
  }

  /** The embedding dimension it expects. */
  public int dimension() {
    return dimension;
  }

  /** The kind of model. */
  public SentimentCandidate candidate() {
    return scorer.candidate();
  }

  /** The model in words. */
  public String description() {
    return scorer.description();
  }

  Scorer scorer() {
    return scorer;
  }

  /**
   * The probability that {@code text}, embedded as {@code vector}, is positive, in (0, 1).
   *
   * @throws IllegalArgumentException when the vector's dimension is not this language's: it was
   *     made by the other language's encoder
   */
  public double probabilityPositive(String text, float[] vector) {
    return probabilitiesPositive(List.of(text), List.of(vector))[0];
  }

  /** The probability positive of each text, in order; see {@link #probabilityPositive}. */
  public double[] probabilitiesPositive(List<String> texts, List<float[]> vectors) {
    Objects.requireNonNull(texts, "texts");
    Objects.requireNonNull(vectors, "vectors");
    if (texts.size() != vectors.size()) {
      throw new IllegalArgumentException(
          texts.size() + " texts but " + vectors.size() + " vectors");
    }
    for (float[] v : vectors) {
      if (v.length != dimension) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "the %s head reads %d-d vectors, found %d-d: embed the text with its own"
                    + " language's encoder",
                language,
                dimension,
                v.length));
      }
    }
    if (texts.isEmpty()) return new double[0];
    return scorer.score(texts, vectors);
  }

  @Override
  public void close() {
    scorer.close();
  }

  @Override
  public String toString() {
    return "SentimentHead[" + language + ", " + candidate() + ", " + description() + "]";
  }
}
