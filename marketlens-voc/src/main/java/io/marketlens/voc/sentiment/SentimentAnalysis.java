package io.marketlens.voc.sentiment;

import io.marketlens.core.progress.Progress;
import io.marketlens.core.validate.InvalidInputException;
import io.marketlens.ml.embed.Embedder;
import io.marketlens.ml.embed.Language;
import io.marketlens.ml.lab.ModelMetadata;
import io.marketlens.ml.lab.ModelStore;
import io.marketlens.ml.tabular.Metrics;
import io.marketlens.ml.tabular.StratifiedSplit;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Sentiment of reviews: one model per language (English and Chinese sentence vectors differ in
 * dimension and meaning, so they never share one), learnt from sentiment labels or, when there are
 * none, from ratings as weak labels. Each language's labelled rows are split stratified into train,
 * validation and test; the {@link SentimentCandidate candidates} (logistic regression and the model
 * lab's MLP on the sentence embeddings, TF-IDF n-grams alone, beside the embeddings or averaged
 * with them, and the lab's Transformer on larger sets) are trained on train, the best on validation
 * is kept ({@link SentimentCandidates}) and its test metrics reported; it then scores every text of
 * its language, and the result carries it as a {@link SentimentModel} to save.
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
          false, reason, source, n, blank, labelled, none, null, languages, scores, Map.of(), null);
    }

    List<float[]> vectors = embedder.embedAll(keptTexts, p);
    float[][] byRow = new float[n][];
    for (int k = 0; k < kept.size(); k++) byRow[kept.get(k)] = vectors.get(k);

    List<LanguageSentiment> byLanguage = new ArrayList<>();
    Map<Language, SentimentHead> heads = new EnumMap<>(Language.class);
    List<Double> pooledP = new ArrayList<>();
    List<Integer> pooledY = new ArrayList<>();
    List<String> trainingLines = new ArrayList<>();
    for (Language language : Language.values()) {
      int[] rows =
          kept.stream().filter(i -> languages.get(i) == language).mapToInt(i -> i).toArray();
      if (rows.length == 0) continue;
      int[] lab = Arrays.stream(rows).filter(i -> y[i] != UNLABELLED).toArray();
      int pos = (int) Arrays.stream(lab).filter(i -> y[i] == 1).count();
      int neg = lab.length - pos;
      if (lab.length < options.minRows() || Math.min(pos, neg) < options.minPerClass()) {
        String reason =
            String.format(
                Locale.ROOT,
                "%d labelled rows (%d positive, %d negative); a model needs %d with %d of each"
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
      SentimentCandidates.Labelled train = labelled(split.train(), texts, byRow, y);
      SentimentCandidates.Labelled validation = labelled(split.validation(), texts, byRow, y);
      SentimentCandidates.Labelled test = labelled(split.test(), texts, byRow, y);
      String lang = language.name().toLowerCase(Locale.ROOT);
      for (int i : split.train()) trainingLines.add(lang + "\t" + y[i] + "\t" + texts.get(i));
      SentimentCandidates.Selection selection =
          SentimentCandidates.select(
              language, Embedder.modelId(language), train, validation, options, p);
      selection.closeOthers();
      SentimentHead head = selection.head();
      double[] testP = head.probabilitiesPositive(test.texts(), test.vectors());
      SentimentMetrics metrics = SentimentMetrics.of(Metrics.binary(testP, test.labels()));
      for (int k = 0; k < testP.length; k++) {
        pooledP.add(testP[k]);
        pooledY.add(test.labels()[k]);
      }
      List<String> all = new ArrayList<>(rows.length);
      List<float[]> allVectors = new ArrayList<>(rows.length);
      for (int i : rows) {
        all.add(texts.get(i));
        allVectors.add(byRow[i]);
      }
      double[] allP = head.probabilitiesPositive(all, allVectors);
      for (int k = 0; k < rows.length; k++) scores[rows[k]] = allP[k];
      heads.put(language, head);
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
              selection.chosen(),
              head.description(),
              selection.reports(),
              metrics));
    }
    if (pooledP.isEmpty()) {
      String reason = "no language has enough labelled rows for a sentiment model";
      return new SentimentResult(
          false,
          reason,
          source,
          n,
          blank,
          labelled,
          byLanguage,
          null,
          languages,
          scores,
          heads,
          null);
    }
    SentimentMetrics overall =
        SentimentMetrics.of(
            Metrics.binary(
                pooledP.stream().mapToDouble(Double::doubleValue).toArray(),
                pooledY.stream().mapToInt(Integer::intValue).toArray()));
    SentimentModel model =
        new SentimentModel(
            heads, metadata(options, source, byLanguage, heads, overall, trainingLines));
    return new SentimentResult(
        true,
        null,
        source,
        n,
        blank,
        labelled,
        byLanguage,
        overall,
        languages,
        scores,
        heads,
        model);
  }

  private static SentimentCandidates.Labelled labelled(
      int[] rows, List<String> texts, float[][] byRow, int[] y) {
    List<String> t = new ArrayList<>(rows.length);
    List<float[]> v = new ArrayList<>(rows.length);
    int[] labels = new int[rows.length];
    for (int k = 0; k < rows.length; k++) {
      t.add(texts.get(rows[k]));
      v.add(byRow[rows[k]]);
      labels[k] = y[rows[k]];
    }
    return new SentimentCandidates.Labelled(t, v, labels);
  }

  /** The candidates' reports as plain JSON values. */
  static List<Map<String, Object>> reportMaps(List<SentimentCandidates.Report> reports) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (SentimentCandidates.Report r : reports) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("candidate", r.candidate().id());
      m.put("status", r.status());
      if (r.note() != null) m.put("note", r.note());
      if (r.description() != null) m.put("description", r.description());
      if (r.validation() != null) m.put("validation", ModelStore.toMap(r.validation()));
      m.put("seconds", r.seconds());
      m.put("chosen", r.chosen());
      out.add(m);
    }
    return out;
  }

  /** The saved model's metadata: choices, metrics and provenance. */
  private static ModelMetadata metadata(
      SentimentOptions options,
      LabelSource source,
      List<LanguageSentiment> byLanguage,
      Map<Language, SentimentHead> heads,
      SentimentMetrics overall,
      List<String> trainingLines) {
    Map<String, Object> hyper = new LinkedHashMap<>();
    hyper.put("candidates", options.candidates().stream().map(SentimentCandidate::id).toList());
    hyper.put("lambdas", options.lambdas());
    hyper.put("trainFraction", options.trainFraction());
    hyper.put("validationFraction", options.validationFraction());
    hyper.put("transformerMinRows", options.transformerMinRows());
    hyper.put("transformerMaxRows", options.transformerMaxRows());
    hyper.put("transformerEpochs", options.transformerEpochs());
    Map<String, Object> preprocessing = new LinkedHashMap<>();
    Map<String, Object> metrics = new LinkedHashMap<>();
    Map<String, Object> training = new LinkedHashMap<>();
    List<String> chosen = new ArrayList<>();
    for (LanguageSentiment l : byLanguage) {
      if (!l.trained()) continue;
      String lang = l.language().name().toLowerCase(Locale.ROOT);
      SentimentHead h = heads.get(l.language());
      chosen.add(lang + ":" + l.chosen().id());
      Map<String, Object> pre = new LinkedHashMap<>();
      pre.put("file", SentimentModel.fileOf(l.language()));
      pre.put("encoder", h.encoder());
      pre.put("dimension", h.dimension());
      pre.put("candidate", l.chosen().id());
      pre.put("description", l.model());
      preprocessing.put(lang, pre);
      metrics.put(lang, ModelStore.toMap(l.test()));
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("trainRows", l.trainRows());
      t.put("validationRows", l.validationRows());
      t.put("testRows", l.test().rows());
      t.put("candidates", reportMaps(l.candidates()));
      training.put(lang, t);
    }
    metrics.put("overall", ModelStore.toMap(overall));
    training.put("labelSource", source.name().toLowerCase(Locale.ROOT));
    Map<String, String> versions = new LinkedHashMap<>();
    versions.put(
        "marketlens", String.valueOf(SentimentModel.class.getPackage().getImplementationVersion()));
    versions.put("java", System.getProperty("java.version"));
    for (Language language : heads.keySet()) {
      versions.put(
          "encoder." + language.name().toLowerCase(Locale.ROOT), Embedder.modelId(language));
    }
    return new ModelMetadata(
        ModelStore.SCHEMA_VERSION,
        SentimentModel.TASK,
        String.join(",", chosen),
        Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
        options.seed(),
        "labelled texts (training split)",
        SentimentModel.trainingHash(trainingLines),
        hyper,
        Map.of("input", "texts", "languages", List.copyOf(preprocessing.keySet())),
        preprocessing,
        SentimentModel.LABELS,
        metrics,
        training,
        versions);
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
        language, texts, labelled, pos, false, reason, 0, 0, null, null, List.of(), null);
  }
}
