package io.marketlens.voc.sentiment;

import io.marketlens.core.validate.Checks;
import io.marketlens.core.validate.InvalidInputException;
import java.util.Arrays;
import java.util.List;

/**
 * The kinds of sentiment model tried for each language; the one with the best validation accuracy
 * is kept. In the default order, which also breaks exact ties (simpler first).
 */
public enum SentimentCandidate {
  /** Logistic regression on the sentence embedding. */
  EMBEDDING_LR("embedding-lr"),
  /** The model lab's MLP on the sentence embedding (standardised). */
  EMBEDDING_MLP("embedding-mlp"),
  /** Logistic regression on TF-IDF n-grams (the peer's model). */
  TFIDF_LR("tfidf-lr"),
  /** One logistic regression on TF-IDF n-grams and the sentence embedding side by side. */
  TFIDF_EMBEDDING_LR("tfidf-embedding-lr"),
  /** The mean of the TF-IDF and the embedding logistic regressions' probabilities. */
  TFIDF_EMBEDDING_AVERAGE("tfidf-embedding-average"),
  /** The model lab's Transformer text classifier, trained from scratch on the texts. */
  TRANSFORMER("transformer");

  private final String id;

  SentimentCandidate(String id) {
    this.id = id;
  }

  /** The name used in results, options and saved models. */
  public String id() {
    return id;
  }

  /**
   * The candidate called {@code id}.
   *
   * @throws InvalidInputException naming the valid names when there is none by that name
   */
  public static SentimentCandidate of(String id) {
    for (SentimentCandidate c : values()) if (c.id.equals(id)) return c;
    List<String> ids = Arrays.stream(values()).map(SentimentCandidate::id).toList();
    throw InvalidInputException.in(null)
        .key("sentiment candidates")
        .expected("one of " + String.join(", ", ids))
        .found(id)
        .hint(Checks.suggestion(id, ids))
        .build();
  }

  @Override
  public String toString() {
    return id;
  }
}
