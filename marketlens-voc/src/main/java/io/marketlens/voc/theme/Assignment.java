package io.marketlens.voc.theme;

/**
 * The theme of one text.
 *
 * @param theme the nearest theme (always set, also for outliers)
 * @param assigned false when the text is an outlier: less similar to its theme than the threshold
 *     that leaves the target unassigned share
 * @param confidence the cosine between the text and its theme's centre
 * @param margin the confidence minus the cosine to the second-nearest theme of its language (equal
 *     to the confidence when the language has one theme)
 */
public record Assignment(int theme, boolean assigned, double confidence, double margin) {}
