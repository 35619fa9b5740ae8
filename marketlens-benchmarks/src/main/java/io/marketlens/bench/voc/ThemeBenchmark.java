package io.marketlens.bench.voc;

import io.marketlens.core.progress.Progress;
import io.marketlens.ml.cluster.Agreement;
import io.marketlens.ml.embed.Embedder;
import io.marketlens.voc.theme.Assignment;
import io.marketlens.voc.theme.Theme;
import io.marketlens.voc.theme.ThemeAnalysis;
import io.marketlens.voc.theme.ThemeOptions;
import io.marketlens.voc.theme.ThemeResult;
import io.marketlens.voc.theme.Tokenizer;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The themes part of {@code bench voc}: themes found in online_shopping_10_cats without its
 * category column, compared with the hidden categories, beside a TF-IDF + k-means baseline computed
 * in the same run.
 *
 * <p>Ours is {@link ThemeAnalysis} with the product's defaults (k chosen by silhouette in 3..12, 10
 * % unassigned), exactly what {@code analyze} runs on a reviews file. Normalised mutual information
 * (arithmetic-mean normalisation) is reported two ways: <em>strict</em>, where the unassigned
 * reviews form one more group of their own (what a user sees), and <em>nearest</em>, where each
 * review counts under its nearest theme. The baseline clusters unit-length TF-IDF rows of the same
 * words ({@link Tokenizer}: HanLP segmentation, stop-words removed) by k-means with k = 10 (the
 * true number of categories, which the baseline is given for free) and with our k; the better of
 * the two is the figure to beat. Stability: the analysis is run again with the same seed (must be
 * identical: assignments and keywords) and with two more seeds; the adjusted Rand index of the
 * nearest-theme labels of every pair of the three seeds is reported.
 */
final class ThemeBenchmark {

  static final double NMI_TARGET = 0.5;
  static final double UNASSIGNED_TARGET = 0.10;
  static final double ARI_TARGET = 0.7;
  static final int BASELINE_RESTARTS = 3;
  static final int TRUE_K = 10;

  private ThemeBenchmark() {}

  /**
   * Runs the themes benchmark on {@code shoppingZip}.
   *
   * @param rows the non-empty reviews of online_shopping_10_cats as {review, category}
   * @param embedder the embedder (its cache makes reruns quick)
   * @param seed the first seed; the stability runs use {@code seed + 1} and {@code seed + 2}
   */
  static VocBenchReport.Themes run(
      List<String[]> rows, Embedder embedder, long seed, PrintStream err) {
    List<String> texts = new ArrayList<>(rows.size());
    Map<String, Integer> categoryIds = new TreeMap<>();
    for (String[] r : rows) categoryIds.putIfAbsent(r[1], categoryIds.size());
    int[] truth = new int[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      texts.add(rows.get(i)[0]);
      truth[i] = categoryIds.get(rows.get(i)[1]);
    }
    err.printf(
        Locale.ROOT,
        "[voc] themes: %,d reviews of %d hidden categories; embedding (cached vectors are reused)%n",
        texts.size(),
        categoryIds.size());
    long t0 = System.nanoTime();
    embedder.embedAll(texts, Progress.NONE);
    double embedSeconds = (System.nanoTime() - t0) / 1e9;

    ThemeOptions options = ThemeOptions.defaults().withSeed(seed);
    t0 = System.nanoTime();
    ThemeResult ours = ThemeAnalysis.run(texts, null, null, options, embedder, Progress.NONE);
    double oursSeconds = (System.nanoTime() - t0) / 1e9;
    int k = ours.themes().size();
    int[] strict = labels(ours, true);
    int[] nearest = labels(ours, false);
    double nmiStrict = Agreement.normalizedMutualInformation(truth, strict);
    double nmiNearest = Agreement.normalizedMutualInformation(truth, nearest);
    err.printf(
        Locale.ROOT,
        "[voc] themes: k = %d in %.1f s; NMI strict %.4f, nearest %.4f; unassigned %.2f%%%n",
        k,
        oursSeconds,
        nmiStrict,
        nmiNearest,
        100 * ours.unassignedShare());

    ThemeResult again = ThemeAnalysis.run(texts, null, null, options, embedder, Progress.NONE);
    boolean identical = sameThemes(ours, again);
    long[] seeds = {seed, seed + 1, seed + 2};
    int[][] bySeed = new int[3][];
    int[] kBySeed = new int[3];
    bySeed[0] = nearest;
    kBySeed[0] = k;
    for (int s = 1; s < 3; s++) {
      ThemeResult other =
          ThemeAnalysis.run(
              texts, null, null, options.withSeed(seeds[s]).withStability(false), embedder, null);
      bySeed[s] = labels(other, false);
      kBySeed[s] = other.themes().size();
    }
    double[] pairAri = {
      Agreement.adjustedRand(bySeed[0], bySeed[1]),
      Agreement.adjustedRand(bySeed[0], bySeed[2]),
      Agreement.adjustedRand(bySeed[1], bySeed[2])
    };
    err.printf(
        Locale.ROOT,
        "[voc] themes: same seed identical: %s; k by seed %d/%d/%d; ARI %.4f %.4f %.4f%n",
        identical,
        kBySeed[0],
        kBySeed[1],
        kBySeed[2],
        pairAri[0],
        pairAri[1],
        pairAri[2]);

    t0 = System.nanoTime();
    List<List<String>> docs = new ArrayList<>(texts.size());
    for (String t : texts) docs.add(Tokenizer.tokens(t));
    List<TfIdfKMeans.Row> tfidf = TfIdfKMeans.vectors(docs, 2);
    int vocabulary = TfIdfKMeans.dims(tfidf);
    double baselineTrueK =
        Agreement.normalizedMutualInformation(
            truth, TfIdfKMeans.cluster(tfidf, TRUE_K, BASELINE_RESTARTS, seed));
    double baselineOurK =
        k == TRUE_K
            ? baselineTrueK
            : Agreement.normalizedMutualInformation(
                truth, TfIdfKMeans.cluster(tfidf, k, BASELINE_RESTARTS, seed));
    double baselineSeconds = (System.nanoTime() - t0) / 1e9;
    err.printf(
        Locale.ROOT,
        "[voc] themes: TF-IDF + k-means (%,d words) NMI %.4f at k = %d, %.4f at k = %d (%.1f s)%n",
        vocabulary,
        baselineTrueK,
        TRUE_K,
        baselineOurK,
        k,
        baselineSeconds);

    List<String> categoryNames = new ArrayList<>(categoryIds.keySet());
    List<VocBenchReport.ThemeRow> themeRows = new ArrayList<>();
    int keywords = 0;
    int chineseWords = 0;
    int longest = 0;
    for (Theme th : ours.themes()) {
      int[] counts = new int[categoryIds.size()];
      for (int i = 0; i < strict.length; i++) if (strict[i] == th.id()) counts[truth[i]]++;
      int top = 0;
      for (int c = 1; c < counts.length; c++) if (counts[c] > counts[top]) top = c;
      themeRows.add(
          new VocBenchReport.ThemeRow(
              th.id(),
              th.language(),
              th.label(),
              th.size(),
              th.keywords(),
              categoryNames.get(top),
              th.size() == 0 ? Double.NaN : (double) counts[top] / th.size()));
      if (!th.language().equals("ZH")) continue; // the few English reviews get English themes
      for (String w : th.keywords()) {
        keywords++;
        if (isChineseWord(w)) chineseWords++;
        longest = Math.max(longest, w.codePointCount(0, w.length()));
      }
    }
    return new VocBenchReport.Themes(
        texts.size(),
        categoryIds.size(),
        k,
        nmiStrict,
        nmiNearest,
        ours.unassignedShare(),
        baselineTrueK,
        baselineOurK,
        vocabulary,
        identical,
        seeds,
        kBySeed,
        pairAri,
        keywords == 0 ? Double.NaN : (double) chineseWords / keywords,
        longest,
        embedSeconds,
        oursSeconds,
        baselineSeconds,
        themeRows);
  }

  /** Theme per review; with {@code strict}, unassigned reviews are -1. */
  static int[] labels(ThemeResult r, boolean strict) {
    List<Assignment> as = r.assignments();
    int[] out = new int[as.size()];
    for (int i = 0; i < out.length; i++) {
      Assignment a = as.get(i);
      out[i] = strict && !a.assigned() ? -1 : a.theme();
    }
    return out;
  }

  /** Same assignments (theme, assigned, confidence) and the same keywords, theme by theme. */
  static boolean sameThemes(ThemeResult a, ThemeResult b) {
    if (!a.assignments().equals(b.assignments())) return false;
    if (a.themes().size() != b.themes().size()) return false;
    for (int t = 0; t < a.themes().size(); t++) {
      if (!a.themes().get(t).keywords().equals(b.themes().get(t).keywords())) return false;
      if (!a.themes().get(t).label().equals(b.themes().get(t).label())) return false;
    }
    return true;
  }

  /** Only Han characters, at most 8 of them: a word, not a phrase or sentence. */
  static boolean isChineseWord(String w) {
    int len = 0;
    for (int i = 0; i < w.length(); ) {
      int cp = w.codePointAt(i);
      if (Character.UnicodeScript.of(cp) != Character.UnicodeScript.HAN) return false;
      len++;
      i += Character.charCount(cp);
    }
    return len >= 1 && len <= 8;
  }
}
