/**
 * Themes of customer reviews: {@link io.marketlens.voc.theme.ThemeAnalysis} clusters sentence
 * embeddings per language, leaves outliers unassigned, and describes each theme by c-TF-IDF
 * keywords, a label, size, sentiment, monthly trend and representative quotes.
 */
package io.marketlens.voc.theme;
