package io.marketlens.voc.theme;

import io.marketlens.core.progress.Progress;
import io.marketlens.core.validate.InvalidInputException;
import io.marketlens.ml.cluster.Agreement;
import io.marketlens.ml.cluster.AutoK;
import io.marketlens.ml.cluster.AutoKOptions;
import io.marketlens.ml.cluster.AutoKResult;
import io.marketlens.ml.cluster.KMeans;
import io.marketlens.ml.cluster.KMeansModel;
import io.marketlens.ml.cluster.KMeansOptions;
import io.marketlens.ml.cluster.Points;
import io.marketlens.ml.embed.Embedder;
import io.marketlens.ml.embed.Language;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Themes of customer reviews: sentence embeddings clustered by k-means, per language, with the
 * number of themes chosen by silhouette; outliers left unassigned up to a target share; keywords by
 * class-based TF-IDF; labels, sizes, sentiment, monthly trend and representative quotes per theme;
 * quality figures (coherence, diversity, outlier share, stability across seeds).
 *
 * <p>English and Chinese texts are embedded by different encoders whose vectors do not share a
 * space, so each language is clustered on its own. Deterministic for a given seed.
 */
public final class ThemeAnalysis {

  static final int QUOTE_CHARS = 160;
  static final int QUALITY_KEYWORDS = 10;
  static final int TEXTS_PER_THEME = 20;

  private ThemeAnalysis() {}

  /**
   * The themes of {@code texts}.
   *
   * @param texts the reviews, none null or blank
   * @param times the date of each text (ISO, {@code 2024-03-05} or a date-time starting so), or
   *     null; null or unparseable entries are left out of the trends
   * @param sentiment the probability positive of each text, or null; NaN entries are skipped
   * @param options the settings
   * @param embedder the sentence embedder
   * @param progress progress reports, may be null
   * @throws InvalidInputException when a text is null or blank, or times or sentiment do not have
   *     one entry per text
   */
  public static ThemeResult run(
      List<String> texts,
      List<String> times,
      double[] sentiment,
      ThemeOptions options,
      Embedder embedder,
      Progress progress) {
    Objects.requireNonNull(texts, "texts");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(embedder, "embedder");
    Progress p = progress == null ? Progress.NONE : progress;
    int n = texts.size();
    for (int i = 0; i < n; i++) {
      String t = texts.get(i);
      if (t == null || t.isBlank()) {
        throw InvalidInputException.usage("a non-blank text", "a blank text at index " + i);
      }
    }
    if (times != null && times.size() != n) {
      throw InvalidInputException.usage(n + " times (one per text)", times.size() + " times");
    }
    if (sentiment != null && sentiment.length != n) {
      throw InvalidInputException.usage(
          n + " sentiment values (one per text)", sentiment.length + " values");
    }
    if (n == 0) {
      return new ThemeResult(
          List.of(),
          List.of(),
          new ThemeQuality(Double.NaN, Double.NaN, 0, Double.NaN, Map.of(), Map.of()));
    }

    List<float[]> vectors = embedder.embedAll(texts, p);
    Map<Language, List<Integer>> byLanguage = new LinkedHashMap<>();
    for (Language l : Language.values()) byLanguage.put(l, new ArrayList<>());
    for (int i = 0; i < n; i++) byLanguage.get(embedder.languageOf(texts.get(i))).add(i);

    List<List<String>> tokens = new ArrayList<>(n);
    try (Progress.Step step = p.start("theme keywords", n, "texts")) {
      for (String t : texts) {
        tokens.add(Tokenizer.tokens(t));
        step.advance(1);
      }
    }

    List<Theme> themes = new ArrayList<>();
    Assignment[] assignments = new Assignment[n];
    Map<String, Integer> kByLanguage = new TreeMap<>();
    Map<String, Double> silhouetteByLanguage = new TreeMap<>();
    double stabilitySum = 0;
    int stabilityWeight = 0;
    double coherenceSum = 0;
    int coherenceCount = 0;
    List<String> topWords = new ArrayList<>();

    for (Map.Entry<Language, List<Integer>> entry : byLanguage.entrySet()) {
      List<Integer> idx = entry.getValue();
      if (idx.isEmpty()) continue;
      String lang = entry.getKey().name();
      int m = idx.size();
      double[][] rows = new double[m][];
      for (int j = 0; j < m; j++) {
        float[] v = vectors.get(idx.get(j));
        double[] r = new double[v.length];
        for (int d = 0; d < v.length; d++) r[d] = v[d];
        rows[j] = r;
      }
      Clustering c = cluster(rows, options);
      kByLanguage.put(lang, c.k);
      silhouetteByLanguage.put(lang, c.silhouette);
      if (!Double.isNaN(c.stability)) {
        stabilitySum += c.stability * m;
        stabilityWeight += m;
      }

      // confidence, margin and the outlier threshold
      double[] own = new double[m];
      double[] margin = new double[m];
      for (int j = 0; j < m; j++) {
        double best = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < c.k; t++) {
          double cos = dot(rows[j], c.centroids[t]);
          if (t == c.labels[j]) own[j] = cos;
          else best = Math.max(best, cos);
        }
        margin[j] = c.k == 1 ? own[j] : own[j] - best;
      }
      double threshold = threshold(own, options.targetUnassignedShare());
      boolean[] assigned = new boolean[m];
      for (int j = 0; j < m; j++) assigned[j] = own[j] >= threshold;

      // themes ordered by size, largest first
      int[] size = new int[c.k];
      int[] nearest = new int[c.k];
      for (int j = 0; j < m; j++) {
        nearest[c.labels[j]]++;
        if (assigned[j]) size[c.labels[j]]++;
      }
      Integer[] order = new Integer[c.k];
      for (int t = 0; t < c.k; t++) order[t] = t;
      Arrays.sort(
          order,
          Comparator.<Integer>comparingInt(t -> -size[t])
              .thenComparingInt(t -> -nearest[t])
              .thenComparingInt(t -> t));
      int[] rank = new int[c.k];
      for (int r = 0; r < c.k; r++) rank[order[r]] = r;
      int base = themes.size();
      for (int j = 0; j < m; j++) {
        assignments[idx.get(j)] =
            new Assignment(base + rank[c.labels[j]], assigned[j], own[j], margin[j]);
      }

      // keywords
      List<List<String>> docs = new ArrayList<>(m);
      int[] classOf = new int[m];
      for (int j = 0; j < m; j++) {
        docs.add(tokens.get(idx.get(j)));
        classOf[j] = assigned[j] ? rank[c.labels[j]] : -1;
      }
      int minDocs = m >= 50 ? 2 : 1;
      int top = Math.max(options.keywords(), QUALITY_KEYWORDS);
      List<List<ClassTfIdf.Keyword>> keywords =
          ClassTfIdf.keywords(docs, classOf, c.k, top, minDocs);
      Map<String, BitSet> occurrence = occurrence(docs);
      Set<String> labelWords = new HashSet<>();

      for (int r = 0; r < c.k; r++) {
        int cluster = order[r];
        List<ClassTfIdf.Keyword> ks = keywords.get(r);
        List<String> words = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        for (int q = 0; q < Math.min(options.keywords(), ks.size()); q++) {
          words.add(ks.get(q).term());
          scores.add(ks.get(q).score());
        }
        List<String> quality = new ArrayList<>();
        for (int q = 0; q < Math.min(QUALITY_KEYWORDS, ks.size()); q++) {
          quality.add(ks.get(q).term());
        }
        topWords.addAll(quality);
        double coherence = npmi(quality, occurrence, m);
        if (!Double.isNaN(coherence)) {
          coherenceSum += coherence;
          coherenceCount++;
        }

        List<Integer> members = new ArrayList<>();
        for (int j = 0; j < m; j++) if (c.labels[j] == cluster && assigned[j]) members.add(j);
        members.sort(Comparator.<Integer>comparingDouble(j -> -own[j]).thenComparingInt(j -> j));
        List<String> quotes = new ArrayList<>();
        List<Integer> quoteIndices = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int j : members) {
          if (quotes.size() >= options.quotes()) break;
          String text = texts.get(idx.get(j)).strip();
          if (!seen.add(text)) continue;
          quotes.add(shorten(text));
          quoteIndices.add(idx.get(j));
        }

        double meanPositive = Double.NaN;
        double sharePositive = Double.NaN;
        if (sentiment != null) {
          double sum = 0;
          int pos = 0;
          int count = 0;
          for (int j : members) {
            double s = sentiment[idx.get(j)];
            if (Double.isNaN(s)) continue;
            sum += s;
            if (s >= 0.5) pos++;
            count++;
          }
          if (count > 0) {
            meanPositive = sum / count;
            sharePositive = (double) pos / count;
          }
        }
        TreeMap<YearMonth, Integer> trend = new TreeMap<>();
        if (times != null) {
          for (int j : members) {
            YearMonth ym = month(times.get(idx.get(j)));
            if (ym != null) trend.merge(ym, 1, Integer::sum);
          }
        }
        themes.add(
            new Theme(
                base + r,
                lang,
                label(words, labelWords),
                words,
                scores,
                size[cluster],
                (double) size[cluster] / n,
                nearest[cluster],
                meanPositive,
                sharePositive,
                trend,
                quotes,
                quoteIndices,
                Centroid.of(c.centroids[cluster])));
      }
    }

    int unassigned = 0;
    for (Assignment a : assignments) if (!a.assigned()) unassigned++;
    double diversity =
        topWords.isEmpty() ? Double.NaN : (double) new HashSet<>(topWords).size() / topWords.size();
    ThemeQuality quality =
        new ThemeQuality(
            coherenceCount == 0 ? Double.NaN : coherenceSum / coherenceCount,
            diversity,
            (double) unassigned / n,
            stabilityWeight == 0 ? Double.NaN : stabilitySum / stabilityWeight,
            kByLanguage,
            silhouetteByLanguage);
    return new ThemeResult(themes, Arrays.asList(assignments), quality);
  }

  /** The clustering of one language: labels, unit-length centres, k and quality. */
  record Clustering(
      int k, int[] labels, double[][] centroids, double silhouette, double stability) {}

  static Clustering cluster(double[][] rows, ThemeOptions options) {
    int m = rows.length;
    int maxK = Math.min(options.maxK(), m / TEXTS_PER_THEME);
    KMeansOptions km =
        KMeansOptions.of(2).withRestarts(options.restarts()).withSeed(options.seed());
    Points points = Points.of(rows);
    if (maxK < 2 || m < 3 || points.distinct(2) < 2) {
      double[] mean = new double[rows[0].length];
      for (double[] r : rows) for (int d = 0; d < mean.length; d++) mean[d] += r[d];
      return new Clustering(
          1, new int[m], new double[][] {normalise(mean)}, Double.NaN, Double.NaN);
    }
    int minK = Math.min(options.minK(), maxK);
    AutoKResult auto = AutoK.choose(points, new AutoKOptions(minK, maxK, km));
    KMeansModel model = auto.model();
    int k = model.k();
    int[] labels = model.labels();
    double[][] centroids = model.centroids();
    for (int t = 0; t < k; t++) centroids[t] = normalise(centroids[t]);
    double stability = Double.NaN;
    if (options.stability()) {
      double sum = 0;
      for (int s = 1; s <= 2; s++) {
        KMeansModel other = KMeans.fit(points, km.withK(k).withSeed(options.seed() + s));
        sum += Agreement.adjustedRand(labels, other.labels());
      }
      stability = sum / 2;
    }
    return new Clustering(k, labels, centroids, auto.chosen().silhouette(), stability);
  }

  /**
   * The lowest similarity kept: the value below which at most {@code share} of {@code values} lie.
   * This is the unassigned rule for reviews here and for sentences in aspect sentiment.
   *
   * @param values the similarity of each text to its nearest theme's centre
   * @param share the target share left unassigned, in [0, 1)
   * @return the threshold; negative infinity when nothing is to be left out
   */
  public static double threshold(double[] values, double share) {
    int drop = (int) Math.floor(share * values.length + 1e-9);
    if (drop <= 0) return Double.NEGATIVE_INFINITY;
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[drop];
  }

  /** Mean NPMI over the pairs of {@code words}, by document co-occurrence; NaN under 2 words. */
  static double npmi(List<String> words, Map<String, BitSet> occurrence, int docs) {
    double sum = 0;
    int pairs = 0;
    for (int a = 0; a < words.size(); a++) {
      BitSet x = occurrence.get(words.get(a));
      for (int b = a + 1; b < words.size(); b++) {
        BitSet y = occurrence.get(words.get(b));
        pairs++;
        if (x == null || y == null) {
          sum -= 1;
          continue;
        }
        BitSet both = (BitSet) x.clone();
        both.and(y);
        double pxy = (double) both.cardinality() / docs;
        if (pxy == 0) {
          sum -= 1;
        } else if (pxy == 1) {
          sum += 1;
        } else {
          double px = (double) x.cardinality() / docs;
          double py = (double) y.cardinality() / docs;
          sum += Math.log(pxy / (px * py)) / -Math.log(pxy);
        }
      }
    }
    return pairs == 0 ? Double.NaN : sum / pairs;
  }

  static Map<String, BitSet> occurrence(List<List<String>> docs) {
    Map<String, BitSet> out = new HashMap<>();
    for (int i = 0; i < docs.size(); i++) {
      for (String t : docs.get(i)) out.computeIfAbsent(t, w -> new BitSet()).set(i);
    }
    return out;
  }

  /**
   * The top 3 keywords joined, skipping words already in the label of a larger theme of the same
   * language (kept in {@code used}) while that leaves at least 2, and words inside another part.
   */
  static String label(List<String> keywords, Set<String> used) {
    List<String> parts = pick(keywords, used);
    if (parts.size() < 2) parts = pick(keywords, Set.of());
    used.addAll(parts);
    return parts.isEmpty() ? "(no keywords)" : String.join(" / ", parts);
  }

  private static List<String> pick(List<String> keywords, Set<String> skip) {
    List<String> parts = new ArrayList<>();
    for (String w : keywords) {
      if (parts.size() == 3) break;
      if (skip.contains(w)) continue;
      boolean overlaps = false;
      for (String p : parts) overlaps |= p.contains(w) || w.contains(p);
      if (!overlaps) parts.add(w);
    }
    return parts;
  }

  /**
   * {@code text} on one line, cut at a word boundary to at most 160 characters with an ellipsis:
   * how quotes (and aspect examples) are shown.
   */
  public static String shorten(String text) {
    String t = text.replaceAll("\\s+", " ").strip();
    if (t.codePointCount(0, t.length()) <= QUOTE_CHARS) return t;
    int end = t.offsetByCodePoints(0, QUOTE_CHARS - 1);
    int space = t.lastIndexOf(' ', end);
    if (space > end - 30 && space > 0) end = space;
    return t.substring(0, end).strip() + "…";
  }

  static YearMonth month(String time) {
    if (time == null || time.length() < 7) return null;
    try {
      if (time.length() >= 10) return YearMonth.from(LocalDate.parse(time.substring(0, 10)));
      return YearMonth.parse(time.substring(0, 7));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static double[] normalise(double[] v) {
    double s = 0;
    for (double x : v) s += x * x;
    double norm = Math.sqrt(s);
    double[] out = v.clone();
    if (norm > 0) for (int d = 0; d < out.length; d++) out[d] /= norm;
    return out;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int d = 0; d < a.length; d++) s += a[d] * b[d];
    return s;
  }
}
