package io.marketlens.voc.aspect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Aspect sentiment of a set of reviews: every sentence with its theme and polarity, each review's
 * aspects, and per theme how often it is praised and criticised.
 *
 * @param sentences all sentences, review by review, in order
 * @param reviews per review (input order), its aspects (one per theme and polarity of its assigned
 *     sentences) in the order they first occur; empty for a review without an assigned sentence
 * @param themes one per theme, aligned with {@link io.marketlens.voc.theme.ThemeResult#themes()}
 * @param thresholdByLanguage per language ("EN", "ZH"), the lowest cosine to a theme's centre that
 *     still assigns a sentence to it
 * @param options the settings used
 */
public record AspectResult(
    List<Sentence> sentences,
    List<List<Aspect>> reviews,
    List<ThemeAspects> themes,
    Map<String, Double> thresholdByLanguage,
    AspectOptions options) {

  public AspectResult {
    sentences = List.copyOf(sentences);
    List<List<Aspect>> copy = new ArrayList<>(reviews.size());
    for (List<Aspect> r : reviews) copy.add(List.copyOf(r));
    reviews = List.copyOf(copy);
    themes = List.copyOf(themes);
    thresholdByLanguage = java.util.Collections.unmodifiableMap(new TreeMap<>(thresholdByLanguage));
  }

  /** The aspects of review {@code review}: theme index and polarity, in order of first mention. */
  public List<Aspect> aspectsOf(int review) {
    return reviews.get(review);
  }

  /** The sentences of review {@code review}, in order. */
  public List<Sentence> sentencesOf(int review) {
    return sentences.stream().filter(s -> s.review() == review).toList();
  }

  /** Sentences assigned to a theme. */
  public int assignedSentences() {
    return (int) sentences.stream().filter(Sentence::assigned).count();
  }

  /** The share of sentences left unassigned; 0 without sentences. */
  public double unassignedShare() {
    return sentences.isEmpty() ? 0 : 1 - (double) assignedSentences() / sentences.size();
  }

  /** Sentences of the given polarity (assigned or not). */
  public int count(Polarity polarity) {
    return (int) sentences.stream().filter(s -> s.polarity() == polarity).count();
  }

  /** Reviews with at least one aspect. */
  public int reviewsWithAspects() {
    return (int) reviews.stream().filter(r -> !r.isEmpty()).count();
  }

  /** Reviews with at least one praised aspect and one criticised aspect. */
  public int mixedReviews() {
    int n = 0;
    for (List<Aspect> r : reviews) {
      boolean pos = r.stream().anyMatch(a -> a.polarity() == Polarity.POSITIVE);
      boolean neg = r.stream().anyMatch(a -> a.polarity() == Polarity.NEGATIVE);
      if (pos && neg) n++;
    }
    return n;
  }
}
