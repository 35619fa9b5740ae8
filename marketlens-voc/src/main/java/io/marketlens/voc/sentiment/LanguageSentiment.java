package io.marketlens.voc.sentiment;

import io.marketlens.ml.embed.Language;

/**
 * The sentiment head of one language, or why it has none.
 *
 * @param language the language of the texts
 * @param texts non-blank texts in this language
 * @param labelledRows those with a (possibly weak) label
 * @param positives labelled rows that are positive
 * @param trained whether a head was trained (and the texts scored)
 * @param reason why no head was trained; null when trained
 * @param trainRows rows the head was fitted on (0 when not trained)
 * @param validationRows rows the L2 strength was chosen on
 * @param model the chosen model in words, e.g. {@code "L2 lambda 1.0"}; null when not trained
 * @param lambda the chosen L2 strength; NaN when not trained
 * @param test held-out metrics; null when not trained
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
    String model,
    double lambda,
    SentimentMetrics test) {}
