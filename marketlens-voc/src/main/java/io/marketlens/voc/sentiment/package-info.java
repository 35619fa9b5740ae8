/**
 * Review sentiment: a logistic-regression head per language on sentence embeddings, trained on
 * labelled reviews or on ratings as weak labels, chosen on validation and reported on a held-out
 * test split. Entry point: {@link io.marketlens.voc.sentiment.SentimentAnalysis#run}.
 */
package io.marketlens.voc.sentiment;
