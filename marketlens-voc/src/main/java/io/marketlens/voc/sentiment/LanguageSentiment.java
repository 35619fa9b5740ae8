package io.marketlens.voc.sentiment;

import io.marketlens.ml.embed.Language;
import java.util.List;

/**
 * The sentiment model of one language, or why it has none.
 *
 * @param language the language of the texts
 * @param texts non-blank texts in this language
 * @param labelledRows those with a (possibly weak) label
 * @param positives labelled rows that are positive
 * @param trained whether a model was trained (and the texts scored)
 * @param reason why no model was trained; null when trained
 * @param trainRows rows the candidates were fitted on (0 when not trained)
 * @param validationRows rows the candidates (and their penalties) were chosen on
 * @param chosen the candidate kept; null when not trained
 * @param model the chosen model in words, e.g. {@code "L2 lambda 1.0, 57 L-BFGS iterations"}; null
 *     when not trained
 * @param candidates every candidate tried, with its validation metrics, in {@link
 *     SentimentCandidate} order; empty when not trained
 * @param test the chosen model's held-out metrics; null when not trained
 */
public record LanguageSentiment(
    Language language,
    int texts,
    int labelledRows,
    int positives,
    boolean trained,
    String reason,
    int trainRows,
    int validationRows,
    SentimentCandidate chosen,
    String model,
    List<SentimentCandidates.Report> candidates,
    SentimentMetrics test) {

  public LanguageSentiment {
    candidates = candidates == null ? List.of() : List.copyOf(candidates);
  }
}
