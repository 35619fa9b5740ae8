package io.marketlens.voc.sentiment;

import io.marketlens.core.progress.Progress;
import io.marketlens.core.validate.InvalidInputException;
import io.marketlens.ml.embed.Embedder;
import io.marketlens.ml.embed.Language;
import io.marketlens.ml.tabular.LogisticRegression;
import io.marketlens.ml.tabular.Metrics;
import io.marketlens.ml.tabular.StratifiedSplit;
import io.marketlens.ml.tabular.TabularData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Sentiment of reviews: one logistic-regression head per language on the texts' sentence embeddings
 * (English and Chinese vectors differ in dimension and meaning, so they never share a head). The
 * heads learn from sentiment labels, or, when there are none, from ratings as weak labels. Each
 * language's labelled rows are split stratified into train, validation and test; the L2 strength
 * with the best validation AUC is kept and its test metrics reported; the head then scores every
 * text of its language.
 */
public final class SentimentAnalysis {

  /** A rating at or above this is a weak positive label. */
  public static final double POSITIVE_RATING = 4;

  /** A rating at or below this is a weak negative label. */
  public static final double NEGATIVE_RATING = 2;

  private static final int UNLABELLED = -1;

  private SentimentAnalysis() {}

  /**
   * Trains and applies sentiment heads.
   *
   * @param texts the review texts; null or blank ones are skipped and counted
   * @param labels a sentiment label per text (positive/negative, pos/neg, 1/0, true/false, yes/no,
   *     any case; null or blank for unknown), or null for none
   * @param ratings a rating per text (null or NaN for none), used as weak labels when {@code
   *     labels} is null or holds no label, or null for none
   * @param options how to train
   * @param embedder the sentence embedder
   * @param progress progress reporting, may be null
   * @return the heads, metrics and per-text scores; a result saying nothing was trained when no
   *     language has enough labelled rows
   * @throws InvalidInputException when a label is not one of the known values, or a list has the
   *     wrong length
   */
  public static SentimentResult run(
      List<String> texts,
      List<String> labels,
      List<Double> ratings,
      SentimentOptions options,
      Embedder embedder,
      Progress progress) {
    Objects.requireNonNull(texts, "texts");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(embedder, "embedder");
    Progress p = progress == null ? Progress.NONE : progress;
    int n = texts.size();
    requireSize("labels", labels, n);
    requireSize("ratings", ratings, n);

    int[] y = new int[n];
    Arrays.fill(y, UNLABELLED);
    LabelSource source = LabelSource.NONE;
    if (labels != null && labels.stream().anyMatch(l -> l != null && !l.isBlank())) {
      source = LabelSource.LABELS;
      for (int i = 0; i < n; i++) y[i] = parseLabel(labels.get(i), i);
    } else if (ratings != null && ratings.stream().anyMatch(r -> r != null && !r.isNaN())) {
      source = LabelSource.RATINGS;
      for (int i = 0; i < n; i++) y[i] = weakLabel(ratings.get(i));
    }

    List<Integer> kept = new ArrayList<>();
    List<String> keptTexts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String t = texts.get(i);
      if (t != null && !t.isBlank()) {
        kept.add(i);
        keptTexts.add(t);
      }
    }
    int blank = n - kept.size();
    List<Language> languages = new ArrayList<>(java.util.Collections.nCopies(n, null));
    for (int k = 0; k < kept.size(); k++) {
      languages.set(kept.get(k), embedder.languageOf(keptTexts.get(k)));
    }
    double[] scores = new double[n];
    Arrays.fill(scores, Double.NaN);
    int labelled = (int) kept.stream().filter(i -> y[i] != UNLABELLED).count();

    if (source == LabelSource.NONE || labelled == 0) {
      String reason =
          source == LabelSource.NONE
              ? "no sentiment labels or ratings were given"
              : "no non-blank text has a usable label";
      List<LanguageSentiment> none = new ArrayList<>();
      for (Language language : Language.values()) {
        LanguageSentiment l = untrained(language, kept, languages, y, reason);
        if (l.texts() > 0) none.add(l);
      }
      return new SentimentResult(
          false, reason, source, n, blank, labelled, none, null, languages, scores, Map.of());
    }

    List<float[]> vectors = embedder.embedAll(keptTexts, p);
    float[][] byRow = new float[n][];
    for (int k = 0; k < kept.size(); k++) byRow[kept.get(k)] = vectors.get(k);

    List<LanguageSentiment> byLanguage = new ArrayList<>();
    Map<Language, SentimentHead> heads = new EnumMap<>(Language.class);
    List<Double> pooledP = new ArrayList<>();
    List<Integer> pooledY = new ArrayList<>();
    try (Progress.Step step = p.start("train sentiment", Language.values().length, "languages")) {
      for (Language language : Language.values()) {
        int[] rows =
            kept.stream().filter(i -> languages.get(i) == language).mapToInt(i -> i).toArray();
        step.advance(1);
        if (rows.length == 0) continue;
        int[] lab = Arrays.stream(rows).filter(i -> y[i] != UNLABELLED).toArray();
        int pos = (int) Arrays.stream(lab).filter(i -> y[i] == 1).count();
        int neg = lab.length - pos;
        if (lab.length < options.minRows() || Math.min(pos, neg) < options.minPerClass()) {
          String reason =
              String.format(
                  Locale.ROOT,
                  "%d labelled rows (%d positive, %d negative); a head needs %d with %d of each"
                      + " class",
                  lab.length,
                  pos,
                  neg,
                  options.minRows(),
                  options.minPerClass());
          byLanguage.add(untrained(language, kept, languages, y, reason));
          continue;
        }
        StratifiedSplit split =
            StratifiedSplit.of(
                y, lab, options.trainFraction(), options.validationFraction(), options.seed());
        int dim = byRow[rows[0]].length;
        List<String> names = IntStream.range(0, dim).mapToObj(j -> "e" + j).toList();
        TabularData train = data(split.train(), byRow, y, names);
        TabularData validation = data(split.validation(), byRow, y, names);
        TabularData test = data(split.test(), byRow, y, names);
        LogisticRegression.Model model =
            new LogisticRegression(options.lambdas(), 100).fit(train, validation, options.seed());
        double[] testP = model.predictProbability(test.features());
        SentimentMetrics metrics = SentimentMetrics.of(Metrics.binary(testP, test.labels()));
        for (int k = 0; k < testP.length; k++) {
          pooledP.add(testP[k]);
          pooledY.add(test.labels()[k]);
        }
        double[][] all = new double[rows.length][];
        for (int k = 0; k < rows.length; k++) all[k] = toDouble(byRow[rows[k]]);
        double[] all_p = model.predictProbability(all);
        for (int k = 0; k < rows.length; k++) scores[rows[k]] = all_p[k];
        heads.put(language, new SentimentHead(language, model));
        byLanguage.add(
            new LanguageSentiment(
                language,
                rows.length,
                lab.length,
                pos,
                true,
                null,
                split.train().length,
                split.validation().length,
                model.description(),
                model.lambda(),
                metrics));
      }
    }
    if (pooledP.isEmpty()) {
      String reason = "no language has enough labelled rows for a sentiment head";
      return new SentimentResult(
          false, reason, source, n, blank, labelled, byLanguage, null, languages, scores, heads);
    }
    SentimentMetrics overall =
        SentimentMetrics.of(
            Metrics.binary(
                pooledP.stream().mapToDouble(Double::doubleValue).toArray(),
                pooledY.stream().mapToInt(Integer::intValue).toArray()));
    return new SentimentResult(
        true, null, source, n, blank, labelled, byLanguage, overall, languages, scores, heads);
  }

  /**
   * 1 for positive, 0 for negative, -1 for a null or blank label.
   *
   * @throws InvalidInputException for any other value, naming it
   */
  static int parseLabel(String label, int index) {
    if (label == null || label.isBlank()) return UNLABELLED;
    switch (label.strip().toLowerCase(Locale.ROOT)) {
      case "positive", "pos", "1", "true", "yes":
        return 1;
      case "negative", "neg", "0", "false", "no":
        return 0;
      default:
        throw InvalidInputException.in(null)
            .row(index + 1L)
            .column("sentiment label")
            .expected("positive/negative, pos/neg, 1/0, true/false or yes/no")
            .found(label)
            .build();
    }
  }

  /** 1 for ratings of 4 and above, 0 for 2 and below, -1 otherwise (3, null, NaN). */
  static int weakLabel(Double rating) {
    if (rating == null || rating.isNaN()) return UNLABELLED;
    if (rating >= POSITIVE_RATING) return 1;
    if (rating <= NEGATIVE_RATING) return 0;
    return UNLABELLED;
  }

  private static void requireSize(String name, List<?> list, int n) {
    if (list != null && list.size() != n) {
      throw InvalidInputException.usage(
          name + " with one entry per text (" + n + ")", list.size() + " entries");
    }
  }

  private static LanguageSentiment untrained(
      Language language, List<Integer> kept, List<Language> languages, int[] y, String reason) {
    int texts = 0;
    int labelled = 0;
    int pos = 0;
    for (int i : kept) {
      if (languages.get(i) != language) continue;
      texts++;
      if (y[i] != UNLABELLED) labelled++;
      if (y[i] == 1) pos++;
    }
    return new LanguageSentiment(
        language, texts, labelled, pos, false, reason, 0, 0, null, Double.NaN, null);
  }

  private static TabularData data(int[] rows, float[][] byRow, int[] y, List<String> names) {
    double[][] x = new double[rows.length][];
    int[] labels = new int[rows.length];
    for (int k = 0; k < rows.length; k++) {
      x[k] = toDouble(byRow[rows[k]]);
      labels[k] = y[rows[k]];
    }
    return TabularData.of(x, names, labels);
  }

  private static double[] toDouble(float[] v) {
    double[] d = new double[v.length];
    for (int j = 0; j < v.length; j++) d[j] = v[j];
    return d;
  }
}
