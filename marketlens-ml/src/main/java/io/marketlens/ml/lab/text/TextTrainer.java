package io.marketlens.ml.lab.text;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import io.marketlens.core.progress.Progress;
import io.marketlens.core.validate.InvalidInputException;
import io.marketlens.ml.embed.Embedder;
import io.marketlens.ml.lab.ClassMetrics;
import io.marketlens.ml.lab.Lab;
import io.marketlens.ml.lab.LossFunction;
import io.marketlens.ml.lab.ModelMetadata;
import io.marketlens.ml.lab.ModelStore;
import io.marketlens.ml.lab.Native;
import io.marketlens.ml.lab.TrainConfig;
import io.marketlens.ml.lab.TrainReport;
import io.marketlens.ml.lab.Trainer;
import io.marketlens.ml.lab.TrainingResult;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

/**
 * Trains the {@code text} task's classifier ({@code marketlens train text}): reads the labelled
 * texts, holds out the test file or a stratified share, builds the vocabulary from the training
 * part, trains the {@link TextTransformer} (or the {@link TextGru}) with the lab's {@link Trainer},
 * measures the held-out metrics after the last epoch, and saves the model directory (metadata,
 * weights and {@code vocabulary.json}).
 */
public final class TextTrainer {

  /** The share of the training part held out for early stopping when patience is set. */
  static final double VALIDATION_SHARE = 0.1;

  /** Texts per forward pass when measuring held-out metrics. */
  static final int EVAL_BATCH = 256;

  private TextTrainer() {}

  /**
   * What to train.
   *
   * @param data the labelled training file
   * @param columns its text, label and optional id columns
   * @param test a labelled file in the same format to measure on, or null to hold out {@code
   *     settings.testShare()} of {@code data}, stratified by label
   * @param settings architecture and preprocessing
   * @param config the training loop; {@code config.dropout()} is the model's dropout
   * @param out the model directory to write (replaced), or null to write none
   */
  public record Request(
      Path data,
      TextColumns columns,
      Path test,
      TextSettings settings,
      TrainConfig config,
      Path out) {

    public Request {
      if (data == null || columns == null || settings == null || config == null) {
        throw new IllegalArgumentException("data, columns, settings and config are required");
      }
      if (columns.label() == null) throw new IllegalArgumentException("a label column is required");
    }
  }

  /**
   * What training gave.
   *
   * @param report the {@code train} command's JSON line
   * @param training the epochs' history and timing
   * @param metrics held-out metrics ({@link ClassMetrics})
   * @param labels the class labels in output order
   * @param trainRows texts trained on
   * @param testRows held-out texts
   * @param vocabularySize token ids, padding and unknown included
   * @param testProbabilities the held-out texts' class probabilities, in held-out order
   */
  public record Result(
      TrainReport report,
      TrainingResult training,
      Map<String, Object> metrics,
      List<String> labels,
      int trainRows,
      int testRows,
      int vocabularySize,
      float[][] testProbabilities) {}

  /** The reference training settings: Adam 1e-3, batch 64, 3 epochs, dropout 0.1, seed 42. */
  public static TrainConfig defaults() {
    return TrainConfig.builder()
        .epochs(3)
        .batchSize(64)
        .optimizer(TrainConfig.Optimizer.ADAM)
        .learningRate(1e-3)
        .dropout(0.1)
        .seed(42)
        .build();
  }

  /**
   * Trains, measures and (when {@code request.out()} is set) saves.
   *
   * @throws InvalidInputException for data that cannot be trained on: a missing column, a single
   *     label, no non-blank text, a test label unseen in training
   */
  public static Result train(Request request, Progress progress) {
    TrainConfig config = request.config();
    TextColumns columns = request.columns();
    TextRows rows = TextReader.read(request.data(), columns, false, progress);
    checkTrainable(rows, columns);
    List<String> labels = labelOrder(rows.labels());
    Map<String, Integer> classOf = new HashMap<>();
    for (int i = 0; i < labels.size(); i++) classOf.put(labels.get(i), i);

    List<String> trainTexts = new ArrayList<>();
    List<Integer> trainLabels = new ArrayList<>();
    List<String> testTexts = new ArrayList<>();
    List<Integer> testLabels = new ArrayList<>();
    String heldOut;
    int[] all = classesOf(rows, classOf, null);
    if (request.test() != null) {
      TextRows test = TextReader.read(request.test(), columns, false, progress);
      int[] testClasses = classesOf(test, classOf, labels);
      for (int i = 0; i < rows.size(); i++) {
        trainTexts.add(rows.texts().get(i));
        trainLabels.add(all[i]);
      }
      for (int i = 0; i < test.size(); i++) {
        testTexts.add(test.texts().get(i));
        testLabels.add(testClasses[i]);
      }
      heldOut = "test file " + request.test();
    } else {
      boolean[] isTest =
          stratifiedSplit(all, labels.size(), request.settings().testShare(), config.seed(), 7);
      for (int i = 0; i < rows.size(); i++) {
        (isTest[i] ? testTexts : trainTexts).add(rows.texts().get(i));
        (isTest[i] ? testLabels : trainLabels).add(all[i]);
      }
      if (testTexts.isEmpty()) {
        throw InvalidInputException.in(request.data())
            .column(columns.label())
            .expected("at least two rows of some label, so that a test part can be held out")
            .found(rows.size() + " rows, one per label")
            .hint("add rows or give a test file with --test")
            .build();
      }
      heldOut =
          String.format(
              java.util.Locale.ROOT,
              "stratified %.0f%% of %s (seed %d)",
              100 * request.settings().testShare(),
              request.data(),
              config.seed());
    }

    if (request.settings().architecture().equals(TextSettings.EMBED_HEAD)) {
      return trainEmbedHead(
          request,
          labels,
          trainTexts,
          trainLabels.stream().mapToInt(Integer::intValue).toArray(),
          testTexts,
          testLabels.stream().mapToInt(Integer::intValue).toArray(),
          heldOut,
          progress);
    }
    TextSettings settings = request.settings();
    if (settings.tokens().equals("auto")) {
      settings = settings.withTokens(TextTokenizer.detect(trainTexts));
    }
    TextTokenizer tokenizer = settings.tokenizer();
    List<List<String>> trainTokens = new ArrayList<>(trainTexts.size());
    for (String t : trainTexts) trainTokens.add(tokenizer.tokens(t));
    TextVocabulary vocabulary = TextVocabulary.build(trainTokens, settings.minCount());
    int[][] trainIds = new int[trainTexts.size()][];
    for (int i = 0; i < trainIds.length; i++) {
      trainIds[i] = vocabulary.encode(trainTokens.get(i), settings.maxLength());
    }
    int[] trainY = trainLabels.stream().mapToInt(Integer::intValue).toArray();
    int[] testY = testLabels.stream().mapToInt(Integer::intValue).toArray();

    Held<int[]> held = validationSplit(Arrays.asList(trainIds), trainY, labels.size(), config);
    TextExamples train = examples(held.fit(), held.fitY(), settings);
    TextExamples validation =
        held.validation().isEmpty()
            ? null
            : examples(held.validation(), held.validationY(), settings);

    Lab.engine(config.threads());
    try (TextClassifier model =
        TextClassifier.create(
            settings,
            vocabulary,
            labels,
            config.dropout(),
            Lab.device(config.device()),
            config.seed())) {
      LossFunction loss =
          loss(settings.labelSmoothing(), classWeights(trainY, labels.size(), config));
      TrainingResult result =
          Trainer.fit(model.manager, model.block, train, validation, loss, config, progress);

      float[][] probabilities = model.probabilities(model.encode(testTexts), EVAL_BATCH, progress);
      Map<String, Object> metrics = ClassMetrics.of(toDouble(probabilities), testY);

      Map<String, Object> training = new LinkedHashMap<>(TrainReport.details(result));
      training.put("trainRows", train.size());
      if (validation != null) training.put("validationRows", validation.size());
      training.put("testRows", testTexts.size());
      training.put("heldOut", heldOut);
      training.put("vocabularySize", vocabulary.size());
      training.put("classes", labels.size());
      training.putAll(TrainReport.timing(result, false));
      List<Map<String, Object>> history = new ArrayList<>();
      for (TrainingResult.Epoch e : result.history()) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("epoch", e.epoch());
        h.put("trainLoss", TrainReport.round(e.trainLoss()));
        if (!Double.isNaN(e.validationLoss())) {
          h.put("validationLoss", TrainReport.round(e.validationLoss()));
        }
        h.put("learningRate", e.learningRate());
        h.put("seconds", TrainReport.round(e.seconds()));
        history.add(h);
      }
      training.put("history", history);

      if (request.out() != null) {
        ModelMetadata metadata =
            new ModelMetadata(
                ModelStore.SCHEMA_VERSION,
                TextFamily.TASK,
                settings.architecture(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                config.seed(),
                request.data().toString(),
                ModelStore.sha256(request.data()),
                hyperparameters(settings, config),
                ModelStore.toMap(columns),
                preprocessing(settings, vocabulary),
                labels,
                metrics,
                training,
                Lab.versions());
        ModelStore.save(
            request.out(), metadata, model.block, Map.of(TextVocabulary.FILE, vocabulary.toJson()));
      }

      Map<String, Object> details = new LinkedHashMap<>(TrainReport.details(result));
      details.put("trainRows", train.size());
      details.put("testRows", testTexts.size());
      details.put("heldOut", heldOut);
      details.put("tokens", settings.tokens());
      details.put("vocabularySize", vocabulary.size());
      details.put("classes", labels.size());
      TrainReport report =
          new TrainReport(
              TextFamily.TASK,
              request.out() == null ? null : request.out().toString(),
              metrics,
              TrainReport.timing(result, false),
              details);
      return new Result(
          report,
          result,
          metrics,
          labels,
          train.size(),
          testTexts.size(),
          vocabulary.size(),
          probabilities);
    }
  }

  /** {@code --arch embed-head}: the sentence encoder's vectors and a dense head (TextEmbedHead). */
  private static Result trainEmbedHead(
      Request request,
      List<String> labels,
      List<String> trainTexts,
      int[] trainY,
      List<String> testTexts,
      int[] testY,
      String heldOut,
      Progress progress) {
    TrainConfig config = request.config();
    Held<String> held = validationSplit(trainTexts, trainY, labels.size(), config);
    List<String> fitTexts = held.fit();
    List<String> valTexts = held.validation();
    Lab.engine(config.threads());
    TextEmbedHead.Trained trained =
        TextEmbedHead.train(
            request.settings(),
            config,
            labels,
            fitTexts,
            held.fitY(),
            valTexts,
            held.validationY(),
            progress);
    try (TextEmbedHead model = trained.model()) {
      TrainingResult result = trained.result();
      float[][] probabilities = model.probabilities(testTexts, EVAL_BATCH, progress);
      Map<String, Object> metrics = ClassMetrics.of(toDouble(probabilities), testY);
      Map<String, Object> details = new LinkedHashMap<>(TrainReport.details(result));
      details.put("trainRows", fitTexts.size());
      if (!valTexts.isEmpty()) details.put("validationRows", valTexts.size());
      details.put("testRows", testTexts.size());
      details.put("heldOut", heldOut);
      details.put("encoder", Embedder.modelId(model.language()));
      details.put("classes", labels.size());
      details.put("embedSeconds", TrainReport.round(trained.embedSeconds()));
      if (request.out() != null) {
        Map<String, Object> hyperparameters = hyperparameters(request.settings(), config);
        hyperparameters.put("head", ModelStore.toMap(model.spec()));
        Map<String, Object> preprocessing = new LinkedHashMap<>();
        preprocessing.put("encoder", Embedder.modelId(model.language()));
        preprocessing.put("language", model.language().name().toLowerCase(java.util.Locale.ROOT));
        preprocessing.put("dimension", model.spec().inputs());
        Map<String, Object> training = new LinkedHashMap<>(details);
        training.putAll(TrainReport.timing(result, false));
        ModelMetadata metadata =
            new ModelMetadata(
                ModelStore.SCHEMA_VERSION,
                TextFamily.TASK,
                TextSettings.EMBED_HEAD,
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                config.seed(),
                request.data().toString(),
                ModelStore.sha256(request.data()),
                hyperparameters,
                ModelStore.toMap(request.columns()),
                preprocessing,
                labels,
                metrics,
                training,
                Lab.versions());
        ModelStore.save(request.out(), metadata, null, Map.of(ModelStore.WEIGHTS, model.weights()));
      }
      TrainReport report =
          new TrainReport(
              TextFamily.TASK,
              request.out() == null ? null : request.out().toString(),
              metrics,
              TrainReport.timing(result, false),
              details);
      return new Result(
          report, result, metrics, labels, fitTexts.size(), testTexts.size(), 0, probabilities);
    }
  }

  private static TextExamples examples(List<int[]> ids, int[] y, TextSettings s) {
    return new TextExamples(ids.toArray(new int[0][]), y, s.maxLength(), s.padToLongest());
  }

  /** The training part split for early stopping: what is fitted and what validates it. */
  record Held<T>(List<T> fit, int[] fitY, List<T> validation, int[] validationY) {}

  /**
   * With {@code config.patience() > 0}, a stratified {@link #VALIDATION_SHARE} of {@code items} for
   * early stopping (the same split for every architecture); otherwise all of them are fitted.
   */
  static <T> Held<T> validationSplit(List<T> items, int[] y, int classes, TrainConfig config) {
    if (config.patience() <= 0) return new Held<>(items, y, List.of(), new int[0]);
    boolean[] isVal = stratifiedSplit(y, classes, VALIDATION_SHARE, config.seed(), 8);
    List<T> fit = new ArrayList<>();
    List<T> val = new ArrayList<>();
    List<Integer> fitY = new ArrayList<>();
    List<Integer> valY = new ArrayList<>();
    for (int i = 0; i < y.length; i++) {
      (isVal[i] ? val : fit).add(items.get(i));
      (isVal[i] ? valY : fitY).add(y[i]);
    }
    return new Held<>(
        fit,
        fitY.stream().mapToInt(Integer::intValue).toArray(),
        val,
        valY.stream().mapToInt(Integer::intValue).toArray());
  }

  private static void checkTrainable(TextRows rows, TextColumns columns) {
    TreeSet<String> distinct = new TreeSet<>(rows.labels());
    if (distinct.size() < 2) {
      throw InvalidInputException.in(rows.source())
          .column(columns.label())
          .expected("at least two different labels")
          .found(
              distinct.isEmpty()
                  ? "no rows"
                  : "only '" + distinct.first() + "' in all " + rows.size() + " rows")
          .hint("a classifier needs examples of two or more classes")
          .build();
    }
    boolean anyText = false;
    for (String t : rows.texts()) {
      if (!t.isBlank()) {
        anyText = true;
        break;
      }
    }
    if (!anyText) {
      throw InvalidInputException.in(rows.source())
          .column(columns.text())
          .expected("texts to learn from")
          .found("all " + rows.size() + " texts blank")
          .hint("check that --text names the column holding the texts")
          .build();
    }
  }

  /** Labels in output order: numerically when all are whole numbers, else alphabetically. */
  static List<String> labelOrder(List<String> labels) {
    TreeSet<String> distinct = new TreeSet<>(labels);
    List<String> out = new ArrayList<>(distinct);
    boolean numeric = true;
    for (String l : out) {
      if (!l.matches("[+-]?\\d{1,18}")) {
        numeric = false;
        break;
      }
    }
    if (numeric) {
      Collections.sort(
          out,
          Comparator.comparingLong((String l) -> Long.parseLong(l))
              .thenComparing(Comparator.naturalOrder()));
    }
    return out;
  }

  /** The class index of each row; labels unknown to {@code known} (when given) are errors. */
  private static int[] classesOf(TextRows rows, Map<String, Integer> classOf, List<String> known) {
    int[] out = new int[rows.size()];
    for (int i = 0; i < out.length; i++) {
      Integer c = classOf.get(rows.labels().get(i));
      if (c == null) {
        throw InvalidInputException.in(rows.source())
            .row(rows.rowNumbers()[i])
            .expected(
                "a label seen in training ("
                    + (known == null ? "" : String.join(", ", first(known, 12)))
                    + ")")
            .found(rows.labels().get(i))
            .build();
      }
      out[i] = c;
    }
    return out;
  }

  static List<String> first(List<String> l, int n) {
    if (l.size() <= n) return l;
    List<String> out = new ArrayList<>(l.subList(0, n));
    out.add("…");
    return out;
  }

  /**
   * Which rows are held out: within each class, a seeded shuffle and the first {@code share} of it
   * (rounded; at least one and never all of a class with two or more rows).
   */
  static boolean[] stratifiedSplit(int[] classes, int k, double share, long seed, long stream) {
    List<List<Integer>> byClass = new ArrayList<>();
    for (int c = 0; c < k; c++) byClass.add(new ArrayList<>());
    for (int i = 0; i < classes.length; i++) byClass.get(classes[i]).add(i);
    boolean[] out = new boolean[classes.length];
    Random rnd = new Random(Lab.mix(seed, stream));
    for (List<Integer> members : byClass) {
      Collections.shuffle(members, rnd);
      int n = members.size();
      if (n < 2) continue;
      int take = (int) Math.max(1, Math.min(n - 1, Math.round(share * n)));
      for (int j = 0; j < take; j++) out[members.get(j)] = true;
    }
    return out;
  }

  private static float[] classWeights(int[] y, int k, TrainConfig config) {
    if (!config.balanceClasses()) return null;
    int[] counts = new int[k];
    for (int c : y) counts[c]++;
    float[] w = new float[k];
    for (int c = 0; c < k; c++) w[c] = counts[c] == 0 ? 0f : (float) y.length / (k * counts[c]);
    return w;
  }

  /** Cross-entropy on logits, with label smoothing {@code smoothing} and optional class weights. */
  static LossFunction loss(double smoothing, float[] classWeights) {
    if (smoothing == 0) return LossFunction.softmaxCrossEntropy(classWeights);
    float s = (float) smoothing;
    return (predictions, labels) -> {
      NDArray logp = predictions.head().logSoftmax(1);
      NDArray y = labels.reshape(-1).toType(DataType.INT64, false);
      NDArray nll = logp.gather(y.reshape(-1, 1), 1).reshape(-1).neg();
      NDArray spread = logp.mean(new int[] {1}).neg();
      NDArray each = Native.scale(nll, 1 - s).add(Native.scale(spread, s));
      if (classWeights != null) {
        NDArray w = logp.getManager().create(classWeights).get(y);
        return each.mul(w).sum().div(w.sum());
      }
      return each.mean();
    };
  }

  private static Map<String, Object> hyperparameters(TextSettings settings, TrainConfig c) {
    Map<String, Object> hp = new LinkedHashMap<>();
    hp.put("model", ModelStore.toMap(settings));
    hp.put("dropout", c.dropout());
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("epochs", c.epochs());
    t.put("stepsPerEpoch", c.stepsPerEpoch());
    t.put("batchSize", c.batchSize());
    t.put("optimizer", c.optimizer().name().toLowerCase(java.util.Locale.ROOT));
    t.put("learningRate", c.learningRate());
    t.put("weightDecay", c.weightDecay());
    t.put("schedule", c.schedule().name().toLowerCase(java.util.Locale.ROOT));
    t.put("warmupSteps", c.warmupSteps());
    t.put("gradientClipNorm", c.gradientClipNorm());
    t.put("patience", c.patience());
    t.put("balanceClasses", c.balanceClasses());
    t.put("seed", c.seed());
    hp.put("training", t);
    return hp;
  }

  private static Map<String, Object> preprocessing(TextSettings s, TextVocabulary v) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("tokens", s.tokens());
    p.put("lowercase", s.tokenizer().mode() == TextTokenizer.Mode.WORD);
    p.put("bigrams", s.bigrams());
    p.put("minCount", s.minCount());
    p.put("maxLength", s.maxLength());
    p.put("vocabulary", TextVocabulary.FILE);
    p.put("vocabularySize", v.size());
    p.put("padId", TextVocabulary.PAD);
    p.put("unkId", TextVocabulary.UNK);
    return p;
  }

  static double[][] toDouble(float[][] p) {
    double[][] out = new double[p.length][];
    for (int i = 0; i < p.length; i++) {
      out[i] = new double[p[i].length];
      for (int j = 0; j < p[i].length; j++) out[i][j] = p[i][j];
    }
    return out;
  }
}
