package io.marketlens.voc.sentiment;

import io.marketlens.ml.embed.Language;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What sentiment analysis found.
 *
 * @param trained whether at least one language got a head (and its texts a score)
 * @param reason why nothing was trained; null when trained
 * @param labelSource where the training labels came from
 * @param texts texts given
 * @param blankTexts texts skipped because they were null or blank
 * @param labelledRows non-blank texts with a usable label, all languages
 * @param byLanguage one entry per language present among the non-blank texts, in {@link Language}
 *     order
 * @param overall held-out metrics pooled over the trained languages' test rows (accuracy,
 *     precision, recall and f1 are thus the test-size-weighted combination); null when nothing was
 *     trained
 * @param languages the language of each text; null for blank texts
 * @param scores the probability positive of each text; NaN for blank texts and texts whose language
 *     got no head
 * @param heads the trained model of each language that got one, to score further texts (for example
 *     the sentences of a review, for aspect sentiment)
 * @param model the models of all languages as one saveable {@link SentimentModel}; null when
 *     nothing was trained. Closing it frees a Transformer's native memory (the heads then no longer
 *     score)
 */
public record SentimentResult(
    boolean trained,
    String reason,
    LabelSource labelSource,
    int texts,
    int blankTexts,
    int labelledRows,
    List<LanguageSentiment> byLanguage,
    SentimentMetrics overall,
    List<Language> languages,
    double[] scores,
    Map<Language, SentimentHead> heads,
    SentimentModel model) {

  public SentimentResult {
    byLanguage = List.copyOf(byLanguage);
    languages = Collections.unmodifiableList(new ArrayList<>(languages));
    scores = scores.clone();
    EnumMap<Language, SentimentHead> copy = new EnumMap<>(Language.class);
    copy.putAll(heads);
    heads = Collections.unmodifiableMap(copy);
    if (languages.size() != texts || scores.length != texts) {
      throw new IllegalArgumentException(
          "languages and scores need one entry per text (" + texts + ")");
    }
  }

  /** A copy of the per-text probabilities positive. */
  @Override
  public double[] scores() {
    return scores.clone();
  }

  /** The probability positive of text {@code i}, empty when it was not scored. */
  public OptionalDouble score(int i) {
    double s = scores[i];
    return Double.isNaN(s) ? OptionalDouble.empty() : OptionalDouble.of(s);
  }

  /** The trained head of {@code language}, empty when that language got none. */
  public Optional<SentimentHead> head(Language language) {
    return Optional.ofNullable(heads.get(language));
  }

  /** The head of {@code language}, or null when the language is not present. */
  public LanguageSentiment of(Language language) {
    for (LanguageSentiment l : byLanguage) {
      if (l.language() == language) return l;
    }
    return null;
  }
}
