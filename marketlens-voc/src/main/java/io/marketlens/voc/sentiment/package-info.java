/**
 * Review sentiment: per language, candidate models on sentence embeddings and TF-IDF n-grams
 * ({@link io.marketlens.voc.sentiment.SentimentCandidate}), trained on labelled reviews or on
 * ratings as weak labels; the best on validation is kept, reported on a held-out test split and
 * saved as a {@link io.marketlens.voc.sentiment.SentimentModel}. Entry point: {@link
 * io.marketlens.voc.sentiment.SentimentAnalysis#run}.
 */
package io.marketlens.voc.sentiment;
