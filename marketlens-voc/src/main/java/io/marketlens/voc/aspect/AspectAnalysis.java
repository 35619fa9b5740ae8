package io.marketlens.voc.aspect;

import io.marketlens.core.progress.Progress;
import io.marketlens.ml.embed.Embedder;
import io.marketlens.ml.embed.Language;
import io.marketlens.voc.sentiment.SentimentHead;
import io.marketlens.voc.sentiment.SentimentResult;
import io.marketlens.voc.theme.Theme;
import io.marketlens.voc.theme.ThemeAnalysis;
import io.marketlens.voc.theme.ThemeResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Aspect sentiment: each review is split into sentences ({@link SentenceSplitter}), each sentence
 * is embedded in its own language, assigned to the nearest theme of that language by cosine to the
 * theme centres, and scored by that language's sentiment head, so one review can praise the
 * location and criticise the service. Sentences too far from every theme are left unassigned, the
 * same way {@link io.marketlens.voc.theme.ThemeAnalysis} leaves outlying reviews: per language, the
 * least similar {@link AspectOptions#targetUnassignedShare()} of them.
 *
 * <p>Sentence vectors go through the embedder's cache like review vectors; a one-sentence review is
 * embedded once. Deterministic; no randomness is involved.
 */
public final class AspectAnalysis {

  private AspectAnalysis() {}

  /**
   * The aspects of {@code texts}.
   *
   * @param texts the reviews: usually those the themes were found on, but any reviews can be read
   *     against existing themes; null or blank ones have no sentences
   * @param themes the themes, whose centres the sentences are assigned to
   * @param sentiment a sentiment result whose heads score the sentences; null (or a language
   *     without a head) leaves sentences {@link Polarity#UNSCORED}
   * @param options the settings
   * @param embedder the sentence embedder the themes were found with
   * @param progress progress reports, may be null
   */
  public static AspectResult run(
      List<String> texts,
      ThemeResult themes,
      SentimentResult sentiment,
      AspectOptions options,
      Embedder embedder,
      Progress progress) {
    Objects.requireNonNull(texts, "texts");
    Objects.requireNonNull(themes, "themes");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(embedder, "embedder");
    Progress p = progress == null ? Progress.NONE : progress;
    int n = texts.size();

    List<Draft> drafts = new ArrayList<>();
    try (Progress.Step step = p.start("split sentences", n, "reviews")) {
      for (int i = 0; i < n; i++) {
        String t = texts.get(i);
        if (t != null && !t.isBlank()) {
          for (SentenceSplitter.Span s : SentenceSplitter.split(t)) {
            drafts.add(new Draft(i, s.start(), s.end(), s.of(t)));
          }
        }
        step.advance(1);
      }
    }
    List<float[]> vectors = embedder.embedAll(drafts.stream().map(d -> d.text).toList(), p);

    List<Theme> all = themes.themes();
    for (int k = 0; k < drafts.size(); k++) {
      Draft d = drafts.get(k);
      d.language = embedder.languageOf(d.text);
      float[] v = vectors.get(k);
      double best = Double.NEGATIVE_INFINITY;
      double second = Double.NEGATIVE_INFINITY;
      for (int t = 0; t < all.size(); t++) {
        Theme th = all.get(t);
        if (!th.language().equals(d.language.name()) || th.centroid().dimension() != v.length) {
          continue;
        }
        double cos = th.centroid().cosine(v);
        if (cos > best) {
          second = best;
          best = cos;
          d.theme = t;
        } else if (cos > second) {
          second = cos;
        }
      }
      if (d.theme >= 0) {
        d.confidence = best;
        d.margin = second == Double.NEGATIVE_INFINITY ? best : best - second;
      }
      Optional<SentimentHead> head =
          sentiment == null ? Optional.empty() : sentiment.head(d.language);
      if (head.isPresent()) d.probability = head.get().probabilityPositive(d.text, v);
    }

    Map<String, Double> thresholds = new TreeMap<>();
    for (Language language : Language.values()) {
      double[] conf =
          drafts.stream()
              .filter(d -> d.language == language && d.theme >= 0)
              .mapToDouble(d -> d.confidence)
              .toArray();
      if (conf.length == 0) continue;
      double threshold = ThemeAnalysis.threshold(conf, options.targetUnassignedShare());
      thresholds.put(language.name(), threshold);
      for (Draft d : drafts) {
        if (d.language == language && d.theme >= 0) d.assigned = d.confidence >= threshold;
      }
    }

    List<Sentence> sentences = new ArrayList<>(drafts.size());
    for (Draft d : drafts) {
      sentences.add(
          new Sentence(
              d.review,
              d.start,
              d.end,
              d.text,
              d.language,
              d.theme,
              d.assigned,
              d.confidence,
              d.margin,
              d.probability,
              Polarity.of(d.probability, options.neutralMargin())));
    }
    return new AspectResult(
        sentences,
        reviewAspects(sentences, n),
        themeAspects(sentences, all.size(), options),
        thresholds,
        options);
  }

  /**
   * Per review, one aspect per (theme, polarity) its assigned sentences have, in order of first
   * mention: a review that praises the room and criticises the restaurant has two aspects, even
   * when both sentences fall in one broad theme (averaging them would call it neutral).
   */
  private static List<List<Aspect>> reviewAspects(List<Sentence> sentences, int reviews) {
    List<Map<List<Object>, double[]>> byReview = new ArrayList<>(reviews);
    for (int i = 0; i < reviews; i++) byReview.add(new LinkedHashMap<>());
    for (Sentence s : sentences) {
      if (!s.assigned()) continue;
      // {theme, sentences, sum of probabilities}
      double[] acc =
          byReview
              .get(s.review())
              .computeIfAbsent(
                  List.of(s.theme(), s.polarity()), k -> new double[] {s.theme(), 0, 0});
      acc[1]++;
      acc[2] += s.probabilityPositive();
    }
    List<List<Aspect>> out = new ArrayList<>(reviews);
    for (Map<List<Object>, double[]> m : byReview) {
      List<Aspect> aspects = new ArrayList<>(m.size());
      m.forEach(
          (key, acc) ->
              aspects.add(
                  new Aspect((int) acc[0], (Polarity) key.get(1), acc[2] / acc[1], (int) acc[1])));
      out.add(aspects);
    }
    return out;
  }

  private static List<ThemeAspects> themeAspects(
      List<Sentence> sentences, int themes, AspectOptions options) {
    List<ThemeAspects> out = new ArrayList<>(themes);
    for (int t = 0; t < themes; t++) {
      int nearest = 0;
      int assigned = 0;
      int scored = 0;
      int positive = 0;
      int negative = 0;
      double sum = 0;
      Set<Integer> reviews = new HashSet<>();
      List<Integer> pos = new ArrayList<>();
      List<Integer> neg = new ArrayList<>();
      for (int k = 0; k < sentences.size(); k++) {
        Sentence s = sentences.get(k);
        if (s.theme() != t) continue;
        nearest++;
        if (!s.assigned()) continue;
        assigned++;
        reviews.add(s.review());
        if (s.polarity() == Polarity.UNSCORED) continue;
        scored++;
        sum += s.probabilityPositive();
        if (s.polarity() == Polarity.POSITIVE) {
          positive++;
          pos.add(k);
        } else if (s.polarity() == Polarity.NEGATIVE) {
          negative++;
          neg.add(k);
        }
      }
      out.add(
          new ThemeAspects(
              t,
              nearest,
              assigned,
              reviews.size(),
              scored,
              positive,
              negative,
              scored - positive - negative,
              scored == 0 ? Double.NaN : sum / scored,
              scored == 0 ? Double.NaN : (double) positive / scored,
              examples(sentences, pos, options.examples()),
              examples(sentences, neg, options.examples())));
    }
    return out;
  }

  /**
   * The {@code count} sentences that are at once close to the theme's centre and clearly polar
   * (highest confidence × |2p − 1|), one per distinct text: the head's calls near 0.5 are the ones
   * most often wrong, so they make poor examples.
   */
  private static List<Integer> examples(List<Sentence> sentences, List<Integer> from, int count) {
    List<Integer> sorted = new ArrayList<>(from);
    sorted.sort(
        Comparator.<Integer>comparingDouble(k -> -exampleScore(sentences.get(k)))
            .thenComparingInt(k -> k));
    List<Integer> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int k : sorted) {
      if (out.size() >= count) break;
      if (seen.add(sentences.get(k).text().strip())) out.add(k);
    }
    return out;
  }

  private static double exampleScore(Sentence s) {
    return s.confidence() * Math.abs(2 * s.probabilityPositive() - 1);
  }

  /** A sentence being built. */
  private static final class Draft {
    final int review;
    final int start;
    final int end;
    final String text;
    Language language;
    int theme = -1;
    boolean assigned;
    double confidence = Double.NaN;
    double margin = Double.NaN;
    double probability = Double.NaN;

    Draft(int review, int start, int end, String text) {
      this.review = review;
      this.start = start;
      this.end = end;
      this.text = text;
    }
  }
}
