package io.marketlens.voc.aspect;

import io.marketlens.ml.embed.Language;

/**
 * One sentence of a review, with its theme and sentiment.
 *
 * @param review the index of its review in the input
 * @param start the index of its first character in the review
 * @param end the index after its last character in the review
 * @param text the sentence
 * @param language the language it was embedded (and scored) in
 * @param theme the index of its nearest theme of that language in {@link
 *     io.marketlens.voc.theme.ThemeResult#themes()}, or -1 when that language has no theme
 * @param assigned whether it counts as an aspect of that theme: false when it is less similar to
 *     every theme than the language's threshold, or has no theme
 * @param confidence the cosine between the sentence and its theme's centre; NaN without a theme
 * @param margin the confidence minus the cosine to the second-nearest theme (the confidence when
 *     the language has one theme); NaN without a theme
 * @param probabilityPositive from the language's sentiment head; NaN when it has none
 * @param polarity the polarity of that probability
 */
public record Sentence(
    int review,
    int start,
    int end,
    String text,
    Language language,
    int theme,
    boolean assigned,
    double confidence,
    double margin,
    double probabilityPositive,
    Polarity polarity) {}
