package io.marketlens.voc.sentiment;

import io.marketlens.core.progress.Progress;
import io.marketlens.ml.embed.Language;
import io.marketlens.ml.lab.TrainConfig;
import io.marketlens.ml.lab.TrainingResult;
import io.marketlens.ml.lab.tabular.MlpHead;
import io.marketlens.ml.lab.tabular.TabularMlp;
import io.marketlens.ml.lab.text.TextClassifierModel;
import io.marketlens.ml.lab.text.TextSettings;
import io.marketlens.ml.tabular.Metrics;
import io.marketlens.ml.tabular.SparseLogisticRegression;
import io.marketlens.ml.tabular.SparseRows;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Trains the sentiment candidates of one language on its training rows and keeps the one with the
 * best accuracy on the validation rows (ties: the lower validation log-loss, then the earlier
 * candidate in {@link SentimentCandidate} order). Every candidate is seeded, so the same rows and
 * seed give the same models and the same choice.
 *
 * <ul>
 *   <li>{@code embedding-lr}: L2 logistic regression on the embedding, the penalty chosen on
 *       validation log-loss among {@link SentimentOptions#lambdas()};
 *   <li>{@code embedding-mlp}: the model lab's MLP (Dense 128 ReLU, Dense 64 ReLU, sigmoid; Adam
 *       1e-3, batch 32) on the embedding standardised with the training rows' mean and deviation,
 *       stopped when the validation loss has not improved for {@value #MLP_PATIENCE} epochs, the
 *       best epoch kept; scored in Java from its weights, so scores never depend on batching;
 *   <li>{@code tfidf-lr}: logistic regression on TF-IDF n-grams ({@link TfIdf}: words 1-2 for
 *       English, characters 1-3 for Chinese, sublinear tf), the peer's model;
 *   <li>{@code tfidf-embedding-lr}: one logistic regression on the embedding (times {@value
 *       #EMBEDDING_SCALE}) and the TF-IDF n-grams side by side;
 *   <li>{@code tfidf-embedding-average}: the mean of the two logistic regressions' probabilities;
 *   <li>{@code transformer}: the model lab's Transformer text classifier trained from scratch
 *       (tokens as the lab detects them, with bigrams; 2 layers of width 128, 4 heads; 128 tokens;
 *       {@link SentimentOptions#transformerEpochs()} epochs, the best validation epoch kept), only
 *       from {@link SentimentOptions#transformerMinRows()} training rows and on at most {@link
 *       SentimentOptions#transformerMaxRows()} of them (a seeded sample, stratified by label).
 * </ul>
 */
public final class SentimentCandidates {

  /** The MLP's early-stopping patience in epochs. */
  static final int MLP_PATIENCE = 4;

  /** The factor on the (unit-length) embedding beside the (unit-length) TF-IDF vector. */
  static final double EMBEDDING_SCALE = 2.0;

  private SentimentCandidates() {}

  /**
   * Labelled texts of one language with their sentence embeddings.
   *
   * @param texts the texts
   * @param vectors their embeddings, in order
   * @param labels 1 positive, 0 negative
   */
  public record Labelled(List<String> texts, List<float[]> vectors, int[] labels) {
    public Labelled {
      texts = List.copyOf(texts);
      vectors = List.copyOf(vectors);
      labels = labels.clone();
      if (texts.size() != vectors.size() || texts.size() != labels.length) {
        throw new IllegalArgumentException("texts, vectors and labels differ in length");
      }
    }

    @Override
    public int[] labels() {
      return labels.clone();
    }

    public int size() {
      return texts.size();
    }
  }

  /**
   * How one candidate did.
   *
   * @param candidate the kind of model
   * @param status {@code trained}, {@code skipped} (by the size rule) or {@code failed} (e.g. the
   *     PyTorch engine did not load)
   * @param note why it was skipped or failed; null when trained
   * @param description the trained model in words; null when not trained
   * @param validation its metrics on the validation rows; null when not trained
   * @param seconds training time (fit and validation scoring)
   * @param chosen whether it was kept
   */
  public record Report(
      SentimentCandidate candidate,
      String status,
      String note,
      String description,
      SentimentMetrics validation,
      double seconds,
      boolean chosen) {}

  /**
   * The candidates of one language and the one chosen. Holds every trained model (the bench scores
   * them all); {@link #close()} frees them.
   *
   * @param language the language
   * @param reports one per candidate tried, in {@link SentimentCandidate} order
   * @param chosen the candidate kept
   * @param heads every trained candidate's model
   */
  public record Selection(
      Language language,
      List<Report> reports,
      SentimentCandidate chosen,
      Map<SentimentCandidate, SentimentHead> heads)
      implements AutoCloseable {

    public Selection {
      reports = List.copyOf(reports);
      heads = Collections.unmodifiableMap(new EnumMap<>(heads));
    }

    /** The chosen model. */
    public SentimentHead head() {
      return heads.get(chosen);
    }

    /** Frees every model but the chosen one, which the caller keeps. */
    void closeOthers() {
      heads.forEach(
          (c, h) -> {
            if (c != chosen) h.close();
          });
    }

    @Override
    public void close() {
      heads.values().forEach(SentimentHead::close);
    }
  }

  /**
   * Trains the candidates of {@code options} on {@code train} and chooses on {@code validation}.
   *
   * @param encoder the id of the encoder that made the vectors ({@code Embedder.modelId})
   * @throws IllegalArgumentException when a set lacks one of the two classes
   */
  public static Selection select(
      Language language,
      String encoder,
      Labelled train,
      Labelled validation,
      SentimentOptions options,
      Progress progress) {
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(train, "train");
    Objects.requireNonNull(validation, "validation");
    requireBothClasses("training", train);
    requireBothClasses("validation", validation);
    Progress p = progress == null ? Progress.NONE : progress;
    int dim = train.vectors().get(0).length;
    int[] y = train.labels();
    int[] vy = validation.labels();
    List<SentimentCandidate> wanted = options.candidates();
    Map<SentimentCandidate, Scorer> scorers = new EnumMap<>(SentimentCandidate.class);
    Map<SentimentCandidate, Report> reports = new EnumMap<>(SentimentCandidate.class);
    SparseLogisticRegression lr = new SparseLogisticRegression(options.lambdas(), 1000);
    String where = language.name().toLowerCase(Locale.ROOT);

    try (Progress.Step step = p.start("sentiment candidates (" + where + ")", wanted.size(), "")) {
      Scorer.EmbeddingLr embeddingLr = null;
      if (wanted.contains(SentimentCandidate.EMBEDDING_LR)
          || wanted.contains(SentimentCandidate.TFIDF_EMBEDDING_AVERAGE)) {
        long t0 = System.nanoTime();
        embeddingLr =
            new Scorer.EmbeddingLr(
                lr.fit(
                    SparseRows.dense(train.vectors(), dim),
                    y,
                    SparseRows.dense(validation.vectors(), dim),
                    vy));
        if (wanted.contains(SentimentCandidate.EMBEDDING_LR)) {
          add(scorers, reports, embeddingLr, validation, t0);
        }
      }
      step.advance(1);
      if (wanted.contains(SentimentCandidate.EMBEDDING_MLP)) {
        long t0 = System.nanoTime();
        try {
          add(scorers, reports, mlp(train, validation, options.seed()), validation, t0);
        } catch (IllegalStateException e) {
          reports.put(
              SentimentCandidate.EMBEDDING_MLP, failed(SentimentCandidate.EMBEDDING_MLP, e));
        }
      }
      step.advance(1);
      TfIdf tfidf = null;
      Scorer.TfIdfLr tfidfLr = null;
      if (wanted.contains(SentimentCandidate.TFIDF_LR)
          || wanted.contains(SentimentCandidate.TFIDF_EMBEDDING_LR)
          || wanted.contains(SentimentCandidate.TFIDF_EMBEDDING_AVERAGE)) {
        long t0 = System.nanoTime();
        tfidf = TfIdf.fit(language, train.texts(), TfIdf.defaultMinDf(language));
        if (wanted.contains(SentimentCandidate.TFIDF_LR)
            || wanted.contains(SentimentCandidate.TFIDF_EMBEDDING_AVERAGE)) {
          tfidfLr =
              new Scorer.TfIdfLr(
                  tfidf,
                  lr.fit(
                      Scorer.rows(tfidf, train.texts(), null, 0),
                      y,
                      Scorer.rows(tfidf, validation.texts(), null, 0),
                      vy));
          if (wanted.contains(SentimentCandidate.TFIDF_LR)) {
            add(scorers, reports, tfidfLr, validation, t0);
          }
        }
      }
      step.advance(1);
      if (wanted.contains(SentimentCandidate.TFIDF_EMBEDDING_LR)) {
        long t0 = System.nanoTime();
        SparseLogisticRegression.Model m =
            lr.fit(
                Scorer.rows(tfidf, train.texts(), train.vectors(), EMBEDDING_SCALE),
                y,
                Scorer.rows(tfidf, validation.texts(), validation.vectors(), EMBEDDING_SCALE),
                vy);
        add(
            scorers,
            reports,
            new Scorer.TfIdfEmbeddingLr(tfidf, EMBEDDING_SCALE, m),
            validation,
            t0);
      }
      step.advance(1);
      if (wanted.contains(SentimentCandidate.TFIDF_EMBEDDING_AVERAGE)) {
        long t0 = System.nanoTime();
        add(scorers, reports, new Scorer.Average(tfidfLr, embeddingLr), validation, t0);
      }
      step.advance(1);
      if (wanted.contains(SentimentCandidate.TRANSFORMER)) {
        SentimentCandidate c = SentimentCandidate.TRANSFORMER;
        if (train.size() < options.transformerMinRows()) {
          reports.put(
              c,
              new Report(
                  c,
                  "skipped",
                  String.format(
                      Locale.ROOT,
                      "%d training rows; the Transformer is tried from %d",
                      train.size(),
                      options.transformerMinRows()),
                  null,
                  null,
                  0,
                  false));
        } else {
          long t0 = System.nanoTime();
          try {
            add(scorers, reports, transformer(train, validation, options, p), validation, t0);
          } catch (IllegalStateException e) {
            reports.put(c, failed(c, e));
          }
        }
      }
      step.advance(1);
    }

    SentimentCandidate best = null;
    for (SentimentCandidate c : SentimentCandidate.values()) {
      Report r = reports.get(c);
      if (r == null || r.validation() == null) continue;
      if (best == null || better(r.validation(), reports.get(best).validation())) best = c;
    }
    if (best == null) {
      throw new IllegalStateException(
          "no sentiment candidate could be trained: "
              + reports.values().stream().map(Report::note).collect(Collectors.joining("; ")));
    }
    List<Report> ordered = new ArrayList<>();
    for (SentimentCandidate c : SentimentCandidate.values()) {
      Report r = reports.get(c);
      if (r == null) continue;
      ordered.add(
          new Report(
              r.candidate(),
              r.status(),
              r.note(),
              r.description(),
              r.validation(),
              r.seconds(),
              c == best));
    }
    Map<SentimentCandidate, SentimentHead> heads = new EnumMap<>(SentimentCandidate.class);
    scorers.forEach((c, s) -> heads.put(c, new SentimentHead(language, encoder, dim, s)));
    return new Selection(language, ordered, best, heads);
  }

  /** Higher accuracy wins; equal accuracy, lower log-loss. */
  private static boolean better(SentimentMetrics a, SentimentMetrics b) {
    if (a.accuracy() != b.accuracy()) return a.accuracy() > b.accuracy();
    return a.logLoss() < b.logLoss();
  }

  private static void add(
      Map<SentimentCandidate, Scorer> scorers,
      Map<SentimentCandidate, Report> reports,
      Scorer s,
      Labelled validation,
      long t0) {
    double[] p = s.score(validation.texts(), validation.vectors());
    SentimentMetrics m = SentimentMetrics.of(Metrics.binary(p, validation.labels()));
    scorers.put(s.candidate(), s);
    reports.put(
        s.candidate(),
        new Report(
            s.candidate(),
            "trained",
            null,
            s.description(),
            m,
            (System.nanoTime() - t0) / 1e9,
            false));
  }

  private static Report failed(SentimentCandidate c, RuntimeException e) {
    return new Report(c, "failed", String.valueOf(e.getMessage()), null, null, 0, false);
  }

  private static void requireBothClasses(String which, Labelled set) {
    int pos = 0;
    for (int v : set.labels) pos += v;
    if (pos == 0 || pos == set.size()) {
      throw new IllegalArgumentException(
          "the " + which + " rows need both classes, found " + pos + " positive of " + set.size());
    }
  }

  /** The MLP candidate, trained with PyTorch and kept as plain weights. */
  private static Scorer.EmbeddingMlp mlp(Labelled train, Labelled validation, long seed) {
    int f = train.vectors().get(0).length;
    double[] mean = new double[f];
    double[] scale = new double[f];
    for (float[] v : train.vectors()) for (int j = 0; j < f; j++) mean[j] += v[j];
    for (int j = 0; j < f; j++) mean[j] /= train.size();
    for (float[] v : train.vectors()) {
      for (int j = 0; j < f; j++) scale[j] += (v[j] - mean[j]) * (v[j] - mean[j]);
    }
    for (int j = 0; j < f; j++) {
      double sd = Math.sqrt(scale[j] / train.size());
      scale[j] = sd > 0 ? sd : 1;
    }
    int batch = 32;
    int stepsPerEpoch = (train.size() + batch - 1) / batch;
    // Small sets need more passes to converge; early stopping ends large ones.
    int epochs = Math.max(20, Math.min(200, 2_000 / stepsPerEpoch));
    TrainConfig config =
        TrainConfig.builder()
            .epochs(epochs)
            .batchSize(batch)
            .learningRate(1e-3)
            .patience(MLP_PATIENCE)
            .restoreBest(true)
            .seed(seed)
            .device("cpu")
            .build();
    List<Integer> hidden = List.of(128, 64);
    TabularMlp.Spec spec = new TabularMlp.Spec(f, hidden, 1, MlpHead.BINARY, 0.0);
    try (TabularMlp net = TabularMlp.create(spec, seed, "cpu")) {
      TrainingResult r =
          net.fit(
              standardise(train.vectors(), mean, scale),
              floats(train.labels),
              standardise(validation.vectors(), mean, scale),
              floats(validation.labels),
              config,
              Progress.NONE);
      String description =
          String.format(
              Locale.ROOT,
              "128-64 ReLU, Adam 1e-3, batch %d, %d epochs (best %d)",
              batch,
              r.history().size(),
              r.bestEpoch());
      return new Scorer.EmbeddingMlp(mean, scale, net.denseLayers(), description);
    }
  }

  private static float[][] standardise(List<float[]> vectors, double[] mean, double[] scale) {
    float[][] out = new float[vectors.size()][];
    for (int i = 0; i < out.length; i++) {
      float[] v = vectors.get(i);
      float[] row = new float[v.length];
      for (int j = 0; j < row.length; j++) row[j] = (float) ((v[j] - mean[j]) / scale[j]);
      out[i] = row;
    }
    return out;
  }

  private static float[] floats(int[] labels) {
    float[] out = new float[labels.length];
    for (int i = 0; i < out.length; i++) out[i] = labels[i];
    return out;
  }

  /**
   * {@code max} of the rows, each class in proportion (a seeded shuffle per class, then the first
   * rows of each, in their original order); all of them when there are no more.
   */
  static Labelled sample(Labelled rows, int max, long seed) {
    if (rows.size() <= max) return rows;
    int[] y = rows.labels;
    int positives = 0;
    for (int v : y) positives += v;
    int keepPositive = (int) Math.round((double) positives * max / rows.size());
    int[] keep = {max - keepPositive, keepPositive};
    java.util.Random random = new java.util.Random(seed);
    boolean[] chosen = new boolean[rows.size()];
    for (int cls = 0; cls <= 1; cls++) {
      List<Integer> members = new ArrayList<>();
      for (int i = 0; i < y.length; i++) if (y[i] == cls) members.add(i);
      Collections.shuffle(members, random);
      for (int k = 0; k < keep[cls]; k++) chosen[members.get(k)] = true;
    }
    List<String> texts = new ArrayList<>(max);
    List<float[]> vectors = new ArrayList<>(max);
    int[] labels = new int[max];
    int n = 0;
    for (int i = 0; i < chosen.length; i++) {
      if (!chosen[i]) continue;
      texts.add(rows.texts.get(i));
      vectors.add(rows.vectors.get(i));
      labels[n++] = y[i];
    }
    return new Labelled(texts, vectors, labels);
  }

  /** The Transformer's settings for sentiment: the lab's, with bigrams, 128 tokens, smoothing. */
  static TextSettings transformerSettings() {
    return new TextSettings(
        TextSettings.TRANSFORMER, "auto", true, 2, 128, 128, 4, 2, 256, 0.1, 0.2, 0.1, 0.02, true);
  }

  private static Scorer.Transformer transformer(
      Labelled train, Labelled validation, SentimentOptions options, Progress progress) {
    TrainConfig config =
        TrainConfig.builder()
            .epochs(options.transformerEpochs())
            .batchSize(64)
            .optimizer(TrainConfig.Optimizer.ADAM)
            .learningRate(1e-3)
            .schedule(TrainConfig.Schedule.COSINE)
            .dropout(0.1)
            .restoreBest(true)
            .seed(options.seed())
            .device("cpu")
            .build();
    Labelled fit = sample(train, options.transformerMaxRows(), options.seed());
    TextClassifierModel model =
        TextClassifierModel.train(
            fit.texts(),
            fit.labels(),
            List.of("negative", "positive"),
            validation.texts(),
            validation.labels(),
            transformerSettings(),
            config,
            progress);
    TrainingResult r = model.training();
    String description =
        String.format(
            Locale.ROOT,
            "2 x 128 (4 heads), %s tokens + bigrams, vocabulary %,d, %,d training rows, %d epochs"
                + " (best %d)",
            model.settings().tokens(),
            model.vocabularySize(),
            fit.size(),
            r.history().size(),
            r.bestEpoch());
    return new Scorer.Transformer(model, description);
  }
}
