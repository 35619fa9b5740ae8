package io.marketlens.bench.lab;

import com.fasterxml.jackson.databind.JsonNode;
import io.marketlens.bench.PythonRun;
import io.marketlens.core.io.ReadOptions;
import io.marketlens.core.io.TableReader;
import io.marketlens.core.progress.Progress;
import io.marketlens.core.table.Column;
import io.marketlens.core.table.Table;
import io.marketlens.ml.lab.ClassMetrics;
import io.marketlens.ml.lab.Lab;
import io.marketlens.ml.lab.TrainConfig;
import io.marketlens.ml.lab.TrainingResult;
import io.marketlens.ml.lab.tabular.MlpHead;
import io.marketlens.ml.lab.tabular.TabularMlp;
import io.marketlens.ml.lab.tabular.TabularMlpOptions;
import io.marketlens.ml.lab.tabular.TabularSplit;
import io.marketlens.ml.lab.tabular.TabularTraining;
import io.marketlens.ml.tabular.StratifiedSplit;
import io.marketlens.ml.tabular.TabularEncoder;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code bench lab} part {@code churn}: the lab's tabular MLP against {@code churn_mlp.py} on IBM's
 * Telco churn table, stratified 80/20 split by the seed, Dense 128 ReLU → Dense 64 ReLU → Dense 1,
 * Glorot-uniform weights, zero biases, Adam 1e-3, BCE on logits, batch 32 reshuffled every epoch,
 * 10 epochs, on both sides. Ours is trained twice on the same split:
 *
 * <ul>
 *   <li>the <em>seed recipe</em>, the peer's work exactly: its encoding ({@code tenure}, {@code
 *       MonthlyCharges} and {@code TotalCharges} (blank → 0) standardised with the training mean
 *       and deviation, {@code SeniorCitizen} as 0/1, the 15 other columns one-hot with the training
 *       levels in sorted order: 45 features) and no dropout. Its seconds per epoch are the time
 *       figure, and it is timed predicting the test rows tiled to 1,000,000 rows in batches of
 *       10,000 (encoding not timed);
 *   <li>the product's default ({@code train tabular} without options): our {@code TabularEncoder}
 *       and dropout {@value TabularTraining#DEFAULT_DROPOUT} after each hidden layer. Its held-out
 *       ROC-AUC is the quality figure: it is what a user gets.
 * </ul>
 *
 * The split itself differs from the peer's (Java's and NumPy's generators), so the quality figures
 * are comparable but not identical.
 *
 * <p>Timing: one run of a 10-epoch training lasts about 1.5 s, so a busy spell of a small machine
 * moves it by a third either way. The seed recipe is therefore timed in {@link
 * LabBenchOptions#timingRuns} fresh processes per side (the first of ours is the in-process run
 * above, the others {@link ChurnTimingRun new JVMs}; every peer run is a new Python process), ours
 * and the peer alternating, and the medians are compared. Every run's figure is reported.
 */
final class ChurnMlpBench implements LabBenchPart {

  static final String FILE = "telco_churn/Telco-Customer-Churn.csv";
  static final List<String> NUMERIC = List.of("tenure", "MonthlyCharges", "TotalCharges");
  static final int EPOCHS = 10;
  static final int BATCH = 32;
  static final int PREDICT_ROWS = 1_000_000;
  static final int PREDICT_BATCH = 10_000;

  @Override
  public String name() {
    return "churn";
  }

  @Override
  public LabBenchResult run(LabBenchOptions options, PrintStream err) throws InterruptedException {
    Ours ours = ours(options, err);
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("ours_default_accuracy", round(ours.product.accuracy));
    extra.put("ours_default_f1", round(ours.product.f1));
    extra.put("ours_default_log_loss", round(ours.product.logLoss));
    extra.put("ours_default_features", ours.product.features);
    extra.put("ours_default_s_per_epoch", round(ours.product.secondsPerEpoch));
    extra.put("ours_seed_recipe_auc", round(ours.recipe.auc));
    extra.put("ours_seed_recipe_accuracy", round(ours.recipe.accuracy));
    extra.put("ours_seed_recipe_log_loss", round(ours.recipe.logLoss));
    extra.put("ours_seed_recipe_train_s", round(ours.recipe.trainSeconds));
    extra.put("ours_seed_recipe_warm_s_per_epoch", ours.warmSecondsPerEpoch);
    extra.put("ours_predict_rows_per_s", Math.round(ours.rowsPerSecond));
    JsonNode peer = null;
    String note = "";
    if (options.runPeer()) {
      try {
        peer = peer(options, err);
      } catch (PythonRun.UnavailableException e) {
        note = "peer did not run: " + e.getMessage();
      }
    } else {
      note = "peer not run (--no-peer)";
    }
    List<Double> oursTimes = new ArrayList<>(List.of(ours.recipe.secondsPerEpoch));
    List<Double> exactTimes = new ArrayList<>();
    List<Double> peerTimes = new ArrayList<>();
    if (peer != null) peerTimes.add(peer.path("s_per_epoch").asDouble());
    for (int r = 1; r <= options.timingRuns(); r++) {
      // alternating fresh processes, so that a busy spell of the machine hits both sides alike
      if (r > 1) {
        err.printf(
            Locale.ROOT, "[churn] timing run %d/%d: ours in a new JVM%n", r, options.timingRuns());
        oursTimes.add(ChurnTimingRun.fork(options, false, err));
      }
      if (ours.intraOpThreads != options.threads()) {
        err.printf(
            Locale.ROOT,
            "[churn] timing run %d/%d: ours on exactly %d intra-op threads, in a new JVM%n",
            r,
            options.timingRuns(),
            options.threads());
        exactTimes.add(ChurnTimingRun.fork(options, true, err));
      }
      if (r == 1) continue; // the peer's first run is the one above
      if (peer != null) {
        try {
          peerTimes.add(peer(options, err).path("s_per_epoch").asDouble());
        } catch (PythonRun.UnavailableException e) {
          note = "peer timing run " + r + " did not run: " + e.getMessage();
        }
      }
    }
    extra.put("ours_seed_recipe_s_per_epoch_runs", round(oursTimes));
    extra.put("ours_intra_op_threads", ours.intraOpThreads);
    if (!exactTimes.isEmpty()) {
      extra.put("ours_exact_threads_s_per_epoch_runs", round(exactTimes));
      extra.put("ours_exact_threads_s_per_epoch", round(median(exactTimes)));
      if (!peerTimes.isEmpty()) {
        extra.put("ours_exact_threads_ratio", round(median(exactTimes) / median(peerTimes)));
      }
    }
    extra.put("peer_s_per_epoch_runs", round(peerTimes));
    extra.put(
        "timing",
        "median s/epoch of "
            + options.timingRuns()
            + " fresh processes per side, ours and the peer alternating"
            + (exactTimes.isEmpty()
                ? ""
                : "; ours trains this small network on "
                    + ours.intraOpThreads
                    + " intra-op thread (TabularMlp.trainingThreads), timed also on exactly "
                    + options.threads()));
    extra.put("peer_train_s", peer == null ? Double.NaN : peer.path("train_s").asDouble());
    extra.put("peer_accuracy", peer == null ? Double.NaN : peer.path("accuracy").asDouble());
    extra.put("peer_f1", peer == null ? Double.NaN : peer.path("f1").asDouble());
    extra.put("peer_log_loss", peer == null ? Double.NaN : peer.path("log_loss").asDouble());
    extra.put(
        "peer_predict_rows_per_s",
        peer == null ? Double.NaN : peer.path("predict_rows_per_s").asDouble());
    if (peer != null) extra.put("peer_features", peer.path("n_features").asInt());
    return new LabBenchResult(
        name(),
        "telco_churn",
        "roc_auc",
        true,
        round(ours.product.auc),
        peer == null ? Double.NaN : peer.path("roc_auc").asDouble(),
        "s_per_epoch",
        round(median(oursTimes)),
        peer == null ? Double.NaN : median(peerTimes),
        extra,
        note);
  }

  /** Held-out figures of one training. */
  private record Run(
      double auc,
      double accuracy,
      double f1,
      double logLoss,
      double trainSeconds,
      double secondsPerEpoch,
      int features) {

    static Run of(Map<String, Object> m, TrainingResult r, int features) {
      return new Run(
          ((Number) m.get("auc")).doubleValue(),
          ((Number) m.get("accuracy")).doubleValue(),
          ((Number) m.get("f1")).doubleValue(),
          ((Number) m.get("logLoss")).doubleValue(),
          r.trainSeconds(),
          r.secondsPerEpoch(),
          features);
    }
  }

  private record Ours(
      Run recipe,
      Run product,
      double warmSecondsPerEpoch,
      double rowsPerSecond,
      int intraOpThreads) {}

  /** The split and the peer's encoding of it. */
  record Prepared(
      Table table,
      StratifiedSplit split,
      int width,
      float[][] xTrain,
      float[] yTrain,
      float[][] xTest,
      int[] yTest) {}

  /** Reads the table, splits it by the seed and encodes it as the peer does. */
  static Prepared prepare(LabBenchOptions options) {
    Path file = options.data().resolve(FILE);
    Table t = TableReader.read("customers", file, ReadOptions.defaults(), Progress.NONE).table();
    Column churn = t.column("Churn");
    int[] labels = new int[t.rowCount()];
    int[] all = new int[t.rowCount()];
    for (int r = 0; r < labels.length; r++) {
      labels[r] = churn.getDouble(r) != 0 ? 1 : 0;
      all[r] = r;
    }
    StratifiedSplit split = TabularSplit.stratified(labels, all, 2, 0.8, 0.0, options.seed());
    Encoding enc = Encoding.fit(t, split.train());
    float[][] xTrain = enc.encode(t, split.train());
    float[][] xTest = enc.encode(t, split.test());
    float[] yTrain = new float[split.train().length];
    for (int i = 0; i < yTrain.length; i++) yTrain[i] = labels[split.train()[i]];
    int[] yTest = new int[split.test().length];
    for (int i = 0; i < yTest.length; i++) yTest[i] = labels[split.test()[i]];
    return new Prepared(t, split, enc.width(), xTrain, yTrain, xTest, yTest);
  }

  /** The seed recipe's settings: Adam 1e-3, batch 32, 10 epochs, no dropout. */
  static TrainConfig recipeConfig(LabBenchOptions options) {
    return TrainConfig.builder()
        .epochs(EPOCHS)
        .batchSize(BATCH)
        .learningRate(1e-3)
        .seed(options.seed())
        .threads(options.threads())
        .device(options.device())
        .build();
  }

  static TabularMlp.Spec recipeSpec(int width) {
    return new TabularMlp.Spec(
        width, TabularMlpOptions.defaults().hidden(), 1, MlpHead.BINARY, 0.0);
  }

  /** Held-out ROC-AUC of a trained network on the prepared test rows. */
  static double testAuc(TabularMlp mlp, Prepared p) {
    return ((Number) testMetrics(mlp, p.xTest(), p.yTest()).get("auc")).doubleValue();
  }

  private static Ours ours(LabBenchOptions options, PrintStream err) {
    Prepared p = prepare(options);
    Table t = p.table();
    StratifiedSplit split = p.split();
    float[][] xTrain = p.xTrain();
    float[] yTrain = p.yTrain();
    float[][] xTest = p.xTest();
    int[] yTest = p.yTest();
    err.printf(
        Locale.ROOT,
        "[churn] ours: train %d rows, test %d rows, %d features, %d threads%n",
        xTrain.length,
        xTest.length,
        p.width(),
        options.threads());

    Lab.engine(options.threads());
    TrainConfig config = recipeConfig(options);
    TabularMlp.Spec spec = recipeSpec(p.width());
    try (TabularMlp mlp = TabularMlp.create(spec, options.seed(), options.device())) {
      TrainingResult result = mlp.fit(xTrain, yTrain, null, null, config, Progress.NONE);
      for (TrainingResult.Epoch e : result.history()) {
        err.printf(
            Locale.ROOT,
            "[churn] ours: epoch %d/%d loss %.4f (%.3fs)%n",
            e.epoch(),
            EPOCHS,
            e.trainLoss(),
            e.seconds());
      }
      Map<String, Object> m = testMetrics(mlp, xTest, yTest);

      float[][] big = new float[PREDICT_ROWS][];
      for (int i = 0; i < PREDICT_ROWS; i++) big[i] = xTest[i % xTest.length];
      mlp.predict(java.util.Arrays.copyOf(big, PREDICT_BATCH), PREDICT_BATCH); // warm-up
      long t0 = System.nanoTime();
      mlp.predict(big, PREDICT_BATCH);
      double predictSeconds = (System.nanoTime() - t0) / 1e9;
      err.printf(
          Locale.ROOT, "[churn] ours: predicted %,d rows in %.2fs%n", PREDICT_ROWS, predictSeconds);
      double warm = warmSecondsPerEpoch(spec, xTrain, yTrain, config, options);
      err.printf(
          Locale.ROOT,
          "[churn] ours: same training again in this JVM (JIT warm): %.3f s/epoch%n",
          warm);
      Run recipe = Run.of(m, result, p.width());
      err.printf(
          Locale.ROOT,
          "[churn] ours, seed recipe (peer's encoding, no dropout): AUC %.4f, %.3f s/epoch%n",
          recipe.auc(),
          recipe.secondsPerEpoch());
      Run product = productDefault(t, split, yTrain, yTest, config, options, err);
      return new Ours(
          recipe,
          product,
          warm,
          PREDICT_ROWS / predictSeconds,
          mlp.trainingThreads(config.batchSize(), options.threads()));
    }
  }

  /** Held-out metrics of {@code mlp}'s probabilities on the test rows. */
  static Map<String, Object> testMetrics(TabularMlp mlp, float[][] xTest, int[] yTest) {
    float[] p = mlp.predict(xTest, PREDICT_BATCH);
    double[][] probs = new double[p.length][];
    for (int i = 0; i < p.length; i++) probs[i] = new double[] {p[i]};
    return ClassMetrics.of(probs, yTest);
  }

  /**
   * What {@code train tabular} does by default, on the same split: our encoder (numbers
   * standardised with missing values imputed and flagged, categories one-hot) and the family's
   * default training settings, which add dropout after each hidden layer to the seed recipe.
   */
  private static Run productDefault(
      Table t,
      StratifiedSplit split,
      float[] yTrain,
      int[] yTest,
      TrainConfig recipe,
      LabBenchOptions options,
      PrintStream err) {
    List<String> features = new ArrayList<>();
    for (String name : t.columnNames()) {
      if (!name.equals("customerID") && !name.equals("Churn")) features.add(name);
    }
    TabularEncoder encoder =
        TabularEncoder.fit(t, features, split.train(), TabularEncoder.Options.defaults());
    float[][] xTrain = TabularTraining.floats(encoder.encode(t, split.train()));
    float[][] xTest = TabularTraining.floats(encoder.encode(t, split.test()));
    TrainConfig defaults = TabularTraining.defaults();
    TrainConfig config = recipe.toBuilder().dropout(defaults.dropout()).build();
    int width = encoder.featureNames().size();
    TabularMlp.Spec spec =
        new TabularMlp.Spec(
            width, TabularMlpOptions.defaults().hidden(), 1, MlpHead.BINARY, config.dropout());
    try (TabularMlp mlp = TabularMlp.create(spec, options.seed(), options.device())) {
      TrainingResult result = mlp.fit(xTrain, yTrain, null, null, config, Progress.NONE);
      Run run = Run.of(testMetrics(mlp, xTest, yTest), result, width);
      err.printf(
          Locale.ROOT,
          "[churn] ours, product default (%d features, dropout %.1f): AUC %.4f, %.3f s/epoch%n",
          width,
          config.dropout(),
          run.auc(),
          run.secondsPerEpoch());
      return run;
    }
  }

  /**
   * The same training repeated on a fresh network once the JVM has compiled the training loop: the
   * reported s_per_epoch is the first (cold) run, as a one-off {@code train tabular} pays it and as
   * the peer's single run measures; this figure shows how much of it was JIT compilation (which
   * competes with training for the two cores).
   */
  private static double warmSecondsPerEpoch(
      TabularMlp.Spec spec, float[][] x, float[] y, TrainConfig config, LabBenchOptions options) {
    try (TabularMlp again = TabularMlp.create(spec, options.seed(), options.device())) {
      return round(again.fit(x, y, null, null, config, Progress.NONE).secondsPerEpoch());
    }
  }

  /** The peer's encoding: standardised numbers, SeniorCitizen as is, sorted one-hot levels. */
  private record Encoding(
      List<String> categorical, List<List<String>> levels, double[] mean, double[] sd) {

    static Encoding fit(Table t, int[] rows) {
      double[] mean = new double[NUMERIC.size()];
      double[] sd = new double[NUMERIC.size()];
      for (int j = 0; j < NUMERIC.size(); j++) {
        Column c = t.column(NUMERIC.get(j));
        double s = 0;
        for (int r : rows) s += number(c, r);
        mean[j] = s / rows.length;
        double ss = 0;
        for (int r : rows) ss += (number(c, r) - mean[j]) * (number(c, r) - mean[j]);
        double v = Math.sqrt(ss / rows.length); // StandardScaler: population deviation
        sd[j] = v > 0 ? v : 1;
      }
      Set<String> skip = Set.of("customerID", "Churn", "SeniorCitizen");
      List<String> categorical = new ArrayList<>();
      List<List<String>> levels = new ArrayList<>();
      for (String name : t.columnNames()) {
        if (skip.contains(name) || NUMERIC.contains(name)) continue;
        Column c = t.column(name);
        TreeSet<String> seen = new TreeSet<>();
        for (int r : rows) seen.add(String.valueOf(c.getString(r)));
        categorical.add(name);
        levels.add(List.copyOf(seen));
      }
      return new Encoding(categorical, levels, mean, sd);
    }

    int width() {
      int w = NUMERIC.size() + 1;
      for (List<String> l : levels) w += l.size();
      return w;
    }

    float[][] encode(Table t, int[] rows) {
      float[][] x = new float[rows.length][width()];
      Column senior = t.column("SeniorCitizen");
      Column[] numeric = new Column[NUMERIC.size()];
      for (int j = 0; j < numeric.length; j++) numeric[j] = t.column(NUMERIC.get(j));
      Column[] cat = new Column[categorical.size()];
      for (int j = 0; j < cat.length; j++) cat[j] = t.column(categorical.get(j));
      for (int i = 0; i < rows.length; i++) {
        int r = rows[i];
        int k = 0;
        for (int j = 0; j < numeric.length; j++) {
          x[i][k++] = (float) ((number(numeric[j], r) - mean[j]) / sd[j]);
        }
        x[i][k++] = (float) senior.getDouble(r);
        for (int j = 0; j < cat.length; j++) {
          int at = levels.get(j).indexOf(String.valueOf(cat[j].getString(r)));
          if (at >= 0) x[i][k + at] = 1; // unseen level: all zeros (handle_unknown="ignore")
          k += levels.get(j).size();
        }
      }
      return x;
    }

    private static double number(Column c, int r) {
      return c.isMissing(r) ? 0.0 : c.getDouble(r); // TotalCharges " " → 0, as the peer
    }
  }

  static JsonNode peer(LabBenchOptions o, PrintStream err)
      throws PythonRun.UnavailableException, InterruptedException {
    return LabPeer.run(
        o,
        "churn_mlp.py",
        List.of(
            "--epochs",
            Integer.toString(EPOCHS),
            "--batch",
            Integer.toString(BATCH),
            "--predict-rows",
            Integer.toString(PREDICT_ROWS),
            "--predict-batch",
            Integer.toString(PREDICT_BATCH)),
        err);
  }

  private static double round(double v) {
    return Math.round(v * 1e4) / 1e4;
  }

  private static List<Double> round(List<Double> vs) {
    return vs.stream().map(ChurnMlpBench::round).toList();
  }

  /** The median (the mean of the middle two for an even count); NaN for none. */
  static double median(List<Double> vs) {
    if (vs.isEmpty()) return Double.NaN;
    double[] a = vs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int m = a.length / 2;
    return a.length % 2 == 1 ? a[m] : (a[m - 1] + a[m]) / 2;
  }
}
