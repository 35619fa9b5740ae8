package io.marketlens.ml.lab.textgen;

import io.marketlens.core.progress.Progress;
import io.marketlens.core.validate.InvalidInputException;
import io.marketlens.ml.lab.Lab;
import io.marketlens.ml.lab.ModelFamily;
import io.marketlens.ml.lab.ModelMetadata;
import io.marketlens.ml.lab.ModelStore;
import io.marketlens.ml.lab.RunOptions;
import io.marketlens.ml.lab.TrainConfig;
import io.marketlens.ml.lab.TrainReport;
import io.marketlens.ml.lab.Trainer;
import io.marketlens.ml.lab.TrainingResult;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code textgen} task: GRU and LSTM language models over characters or words, as the peer
 * {@code char_rnn.py} trains them.
 *
 * <p>Training: the corpus is tokenised; the first 90 % of the tokens train, the last 10 % validate
 * (nanoGPT's split). Each step draws {@code batch} windows of {@code seq} tokens at random starts
 * (with replacement) from the training part and minimises the softmax cross-entropy at every
 * position; the hidden state starts at zero in every window. Training runs in epochs of {@code
 * stepsPerEpoch} steps (default 100), so checkpoints and {@code --resume} work per epoch. The
 * validation loss (nats per token) is the mean over {@code validationBatches} batches of windows
 * drawn once from the validation part with a generator seeded by the run's seed; it is measured
 * after every epoch (early stopping and keeping the best epoch work on it) and reported with its
 * perplexity {@code exp(valLoss)}.
 *
 * <p>{@link #evaluate} scores a saved model on another text file, all of it: consecutive windows of
 * {@code seq} tokens, each from a zero state as in training, so every token but the first is
 * predicted exactly once. {@link #predict} does not apply to language models; {@link #generate}
 * samples text.
 */
public final class TextGenFamily implements ModelFamily {

  /** The one instance, as {@link io.marketlens.ml.lab.LabModels} registers it. */
  public static final TextGenFamily INSTANCE = new TextGenFamily();

  /** The vocabulary's file in the model directory. */
  static final String VOCABULARY_FILE = "vocabulary.json";

  /** Default steps of one epoch (a checkpoint after each). */
  public static final int STEPS_PER_EPOCH = 100;

  /** Default training steps (the peer's). */
  public static final int DEFAULT_STEPS = 1000;

  private static final double TRAIN_SHARE = 0.9;

  private TextGenFamily() {}

  @Override
  public String task() {
    return "textgen";
  }

  /**
   * The peer's training loop: Adam 2e-3, batch 64, 1,000 steps as 10 epochs of 100 random-window
   * steps, no gradient clipping, seed 42.
   */
  public static TrainConfig defaults() {
    return TrainConfig.builder()
        .optimizer(TrainConfig.Optimizer.ADAM)
        .learningRate(2e-3)
        .batchSize(64)
        .stepsPerEpoch(STEPS_PER_EPOCH)
        .epochs(DEFAULT_STEPS / STEPS_PER_EPOCH)
        .seed(42)
        .build();
  }

  /**
   * {@code config} set to train {@code steps} steps: {@code epochs = ceil(steps / stepsPerEpoch)}
   * equal epochs of {@code ceil(steps / epochs)} steps each. That is exactly {@code steps} when
   * {@code epochs} divides it, otherwise at most {@code epochs - 1} steps more (250 steps at 100
   * per epoch: 3 epochs of 84).
   */
  public static TrainConfig withSteps(TrainConfig config, int steps) {
    if (steps < 1) {
      throw InvalidInputException.in(null)
          .key("--steps")
          .expected("a whole number >= 1")
          .found(Integer.toString(steps))
          .build();
    }
    if (config.stepsPerEpoch() < 1) {
      throw InvalidInputException.in(null)
          .key("--steps-per-epoch")
          .expected("a whole number >= 1 with --steps (a language model trains on random windows)")
          .found(Integer.toString(config.stepsPerEpoch()))
          .build();
    }
    int epochs = (steps + config.stepsPerEpoch() - 1) / config.stepsPerEpoch();
    int perEpoch = (steps + epochs - 1) / epochs;
    return config.toBuilder().epochs(epochs).stepsPerEpoch(perEpoch).build();
  }

  /**
   * Trains a language model on {@code corpus} and saves it to {@code out}.
   *
   * @return the report {@code train textgen} prints
   * @throws InvalidInputException for a corpus that cannot be used (missing, empty, binary, not
   *     UTF-8, too short for the window length)
   */
  public static TrainReport train(
      Path corpus, Path out, TextGenOptions options, TrainConfig config, Progress progress) {
    if (config.dropout() > 0) {
      throw InvalidInputException.in(null)
          .key("--dropout")
          .expected("0 for a language model (one recurrent layer has no dropout between layers)")
          .found(Double.toString(config.dropout()))
          .build();
    }
    if (config.balanceClasses()) {
      throw InvalidInputException.in(null)
          .key("--balance-classes")
          .expected("no class balancing for a language model (its classes are the next tokens)")
          .found("--balance-classes")
          .build();
    }
    String text = Corpus.read(corpus);
    TokenLevel level = options.tokenLevel();
    List<String> tokens = level.tokenize(text);
    int n = tokens.size();
    int nTrain = (int) (n * TRAIN_SHARE);
    int seq = options.seq();
    if (nTrain < seq + 1 || n - nTrain < seq + 1) {
      int need = seq + 1;
      while ((int) (need * TRAIN_SHARE) < seq + 1 || need - (int) (need * TRAIN_SHARE) < seq + 1) {
        need++;
      }
      throw InvalidInputException.in(corpus)
          .expected(
              String.format(
                  Locale.ROOT,
                  "at least %,d %s tokens (the last 10 %% validates and must hold a window of"
                      + " --seq %d + 1)",
                  need,
                  level.id(),
                  seq))
          .found(String.format(Locale.ROOT, "%,d", n))
          .hint("use a longer text or a smaller --seq")
          .build();
    }
    Vocabulary vocab =
        level == TokenLevel.CHAR
            ? Vocabulary.ofChars(tokens)
            : Vocabulary.ofWords(tokens.subList(0, nTrain), options.minCount());
    int[] ids = vocab.encode(tokens);
    int[] train = Arrays.copyOfRange(ids, 0, nTrain);
    int[] val = Arrays.copyOfRange(ids, nTrain, n);
    int valWindows = options.validationBatches() * config.batchSize();
    Windows validation = Windows.sample(val, seq, valWindows, config.seed());
    Lab.engine(config.threads());
    ai.djl.Device device = Lab.device(config.device());

    try (LanguageModel model =
        LanguageModel.create(
            options.arch(),
            vocab,
            options.embedding(),
            options.hidden(),
            seq,
            config.seed(),
            device)) {
      TrainingResult result =
          Trainer.fit(
              model.manager(),
              model.block(),
              Windows.all(train, seq),
              validation,
              LanguageModel.LOSS,
              config,
              progress);
      // The trainer measured it after every epoch, on the same windows and in the same batches
      // as validationLoss() recomputes it; best() is the epoch whose weights the block holds.
      double valLoss = result.best().validationLoss();

      Map<String, Object> metrics = new LinkedHashMap<>();
      metrics.put("valLoss", valLoss);
      metrics.put("perplexity", Math.exp(valLoss));
      metrics.put("trainLoss", result.last().trainLoss());
      metrics.put("valWindows", valWindows);

      Map<String, Object> hyper = new LinkedHashMap<>();
      hyper.put("embedding", options.embedding());
      hyper.put("hidden", options.hidden());
      hyper.put("layers", 1);
      hyper.put("seq", seq);
      hyper.put("vocabularySize", vocab.size());
      hyper.put("parameters", model.parameterCount());
      hyper.put("batch", config.batchSize());
      hyper.put("steps", result.steps());
      hyper.put("epochs", config.epochs());
      hyper.put("stepsPerEpoch", config.stepsPerEpoch());
      hyper.put("optimizer", config.optimizer().name().toLowerCase(Locale.ROOT));
      hyper.put("learningRate", config.learningRate());
      hyper.put("schedule", config.schedule().name().toLowerCase(Locale.ROOT));
      hyper.put("weightDecay", config.weightDecay());
      hyper.put("clip", config.gradientClipNorm());
      hyper.put("validationBatches", options.validationBatches());

      Map<String, Object> input = new LinkedHashMap<>();
      input.put("format", "UTF-8 text");
      input.put("level", level.id());

      Map<String, Object> prep = new LinkedHashMap<>();
      prep.put("level", level.id());
      prep.put("vocabularyFile", VOCABULARY_FILE);
      prep.put("vocabularySize", vocab.size());
      if (level == TokenLevel.WORD) {
        prep.put("unknownToken", Vocabulary.UNKNOWN);
        prep.put("minCount", options.minCount());
        prep.put("unknownShare", unknownShare(ids));
      }
      prep.put("split", "first 90 % of the tokens train, last 10 % validate");
      prep.put("trainTokens", nTrain);
      prep.put("validationTokens", n - nTrain);

      Map<String, Object> training = new LinkedHashMap<>(TrainReport.details(result));
      training.put("trainSeconds", result.trainSeconds());
      training.put("secondsPerStep", result.secondsPerStep());
      List<Map<String, Object>> history = new ArrayList<>();
      for (TrainingResult.Epoch e : result.history()) history.add(ModelStore.toMap(e));
      training.put("history", history);

      ModelMetadata meta =
          new ModelMetadata(
              ModelStore.SCHEMA_VERSION,
              "textgen",
              options.arch().id(),
              Instant.now().toString(),
              config.seed(),
              corpus.toString(),
              ModelStore.sha256(corpus),
              hyper,
              input,
              prep,
              List.of(),
              metrics,
              training,
              Lab.versions());
      ModelStore.save(out, meta, model.block(), Map.of(VOCABULARY_FILE, vocab.toJson()));

      Map<String, Object> reportMetrics = new LinkedHashMap<>();
      reportMetrics.put("valLoss", TrainReport.round(valLoss));
      reportMetrics.put("perplexity", TrainReport.round(Math.exp(valLoss)));
      Map<String, Object> details = new LinkedHashMap<>(TrainReport.details(result));
      details.put("architecture", options.arch().id());
      details.put("level", level.id());
      details.put("vocabularySize", vocab.size());
      details.put("parameters", model.parameterCount());
      details.put("trainTokens", nTrain);
      details.put("validationTokens", n - nTrain);
      return new TrainReport(
          "textgen", out.toString(), reportMetrics, TrainReport.timing(result, true), details);
    }
  }

  private static double unknownShare(int[] ids) {
    long unk = 0;
    for (int id : ids) if (id == 0) unk++;
    return TrainReport.round((double) unk / ids.length);
  }

  /**
   * Generates text from the saved model in {@code modelDir}.
   *
   * @throws InvalidInputException for a directory that is not a textgen model, or (character level)
   *     a prompt with characters the model does not know
   */
  public static Generation generate(Path modelDir, GenerateRequest request, RunOptions run) {
    ModelStore.SavedModel saved = ModelStore.load(modelDir);
    requireTask(saved);
    try (LanguageModel model = load(saved, run)) {
      Vocabulary vocab = model.vocabulary();
      TokenLevel level = vocab.level();
      List<String> promptTokens = level.tokenize(request.prompt());
      if (promptTokens.isEmpty()) {
        throw InvalidInputException.in(null)
            .key("--prompt")
            .expected("at least one word")
            .found(request.prompt())
            .build();
      }
      int[] ids = vocab.encode(promptTokens);
      Set<String> unknown = new LinkedHashSet<>();
      for (int i = 0; i < ids.length; i++) {
        if (ids[i] < 0 || (level == TokenLevel.WORD && ids[i] == 0))
          unknown.add(promptTokens.get(i));
      }
      if (level == TokenLevel.CHAR && !unknown.isEmpty()) {
        throw InvalidInputException.in(null)
            .key("--prompt")
            .expected(
                "characters the model was trained on (its vocabulary has "
                    + vocab.size()
                    + " characters)")
            .found("unknown characters " + describe(unknown))
            .hint("remove or replace them")
            .build();
      }
      long t0 = System.nanoTime();
      int[] drawn =
          model.generate(
              ids, request.length(), request.temperature(), request.topK(), request.seed());
      double seconds = (System.nanoTime() - t0) / 1e9;
      String p = request.prompt();
      boolean endsWithSpace = Character.isWhitespace(p.charAt(p.length() - 1));
      String previous = endsWithSpace ? null : promptTokens.get(promptTokens.size() - 1);
      String continuation = level.join(vocab.decode(drawn), previous);
      return new Generation(p, continuation, drawn.length, new ArrayList<>(unknown), seconds);
    }
  }

  private static String describe(Set<String> chars) {
    List<String> parts = new ArrayList<>();
    for (String c : chars) {
      int cp = c.codePointAt(0);
      parts.add(String.format(Locale.ROOT, "'%s' (U+%04X)", c, cp));
      if (parts.size() == 10) {
        parts.add("…");
        break;
      }
    }
    return String.join(", ", parts);
  }

  @Override
  public Map<String, Object> evaluate(
      ModelStore.SavedModel saved, Path data, RunOptions run, Progress progress) {
    requireTask(saved);
    String text = Corpus.read(data);
    try (LanguageModel model = load(saved, run)) {
      Vocabulary vocab = model.vocabulary();
      List<String> tokens = vocab.level().tokenize(text);
      if (tokens.size() < 2) {
        throw InvalidInputException.in(data)
            .expected("at least 2 " + vocab.level().id() + " tokens to score")
            .found(Integer.toString(tokens.size()))
            .build();
      }
      int[] ids = vocab.encode(tokens);
      for (int i = 0; i < ids.length; i++) {
        if (ids[i] < 0) {
          int charIndex = text.offsetByCodePoints(0, i);
          long[] lc = Corpus.lineAndColumn(text, charIndex);
          throw InvalidInputException.in(data)
              .row(lc[0])
              .column(Long.toString(lc[1]))
              .expected(
                  "characters the model was trained on (its vocabulary has "
                      + vocab.size()
                      + " characters)")
              .found("the unknown character " + describe(Set.of(tokens.get(i))))
              .build();
        }
      }
      double[] loss;
      try (Progress.Step step = progress.start("score " + data.getFileName(), 1, "texts")) {
        loss = model.sequenceLoss(ids, run.batchSize());
        step.advance(1);
      }
      double mean = loss[0] / loss[1];
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("valLoss", TrainReport.round(mean));
      m.put("perplexity", TrainReport.round(Math.exp(mean)));
      m.put("tokens", (long) loss[1]);
      m.put("level", vocab.level().id());
      if (vocab.level() == TokenLevel.WORD) m.put("unknownShare", unknownShare(ids));
      m.put(
          "method",
          "every token after the first, in consecutive windows of "
              + model.seq()
              + " from a zero state");
      return m;
    }
  }

  @Override
  public long predict(
      ModelStore.SavedModel saved, Path data, OutputStream out, RunOptions run, Progress progress) {
    throw InvalidInputException.in(saved.dir())
        .expected("a model that predicts rows (tabular, image or text)")
        .found("a textgen language model")
        .hint(
            "use marketlens generate --model "
                + saved.dir()
                + " --prompt TEXT, or marketlens evaluate for its loss on a text")
        .build();
  }

  /**
   * The validation loss of a saved model recomputed on its training corpus exactly as at training
   * time (same split, same seeded windows, same batching): equal to {@code metrics.valLoss} in its
   * metadata when the weights and the engine are the same.
   */
  static double validationLoss(ModelStore.SavedModel saved, Path corpus, RunOptions run) {
    requireTask(saved);
    try (LanguageModel model = load(saved, run)) {
      Vocabulary vocab = model.vocabulary();
      List<String> tokens = vocab.level().tokenize(Corpus.read(corpus));
      int nTrain = (int) (tokens.size() * TRAIN_SHARE);
      int[] ids = vocab.encode(tokens);
      int[] val = Arrays.copyOfRange(ids, nTrain, ids.length);
      Map<String, Object> h = saved.metadata().hyperparameters();
      int batch = intValue(saved, h, "batch");
      int windows = intValue(saved, h, "validationBatches") * batch;
      Windows validation = Windows.sample(val, model.seq(), windows, saved.metadata().seed());
      // Trainer.meanLoss's batching (at least 256 windows per pass), so the sums are the same
      return model.meanLoss(validation, Math.max(batch, 256));
    }
  }

  /** Loads a saved model's block, weights and vocabulary. */
  static LanguageModel load(ModelStore.SavedModel saved, RunOptions run) {
    Lab.engine(run.threads());
    ai.djl.Device device = Lab.device(run.device());
    Vocabulary vocab;
    try {
      vocab = Vocabulary.fromJson(saved.file(VOCABULARY_FILE));
    } catch (IOException e) {
      throw InvalidInputException.in(saved.dir().resolve(VOCABULARY_FILE))
          .expected("the model's vocabulary")
          .found(e.getMessage())
          .build();
    }
    CharRnnBlock.Architecture arch =
        CharRnnBlock.Architecture.parse(saved.metadata().architecture());
    if (arch == null) {
      throw InvalidInputException.in(saved.dir().resolve(ModelStore.METADATA))
          .key("architecture")
          .expected("gru or lstm")
          .found(saved.metadata().architecture())
          .build();
    }
    Map<String, Object> h = saved.metadata().hyperparameters();
    int vocabSize = intValue(saved, h, "vocabularySize");
    if (vocabSize != vocab.size()) {
      throw InvalidInputException.in(saved.dir().resolve(VOCABULARY_FILE))
          .expected(vocabSize + " tokens, as metadata.json says")
          .found(Integer.toString(vocab.size()))
          .build();
    }
    LanguageModel model =
        LanguageModel.create(
            arch,
            vocab,
            intValue(saved, h, "embedding"),
            intValue(saved, h, "hidden"),
            intValue(saved, h, "seq"),
            saved.metadata().seed(),
            device);
    try {
      saved.loadWeights(model.block(), model.manager());
      return model;
    } catch (RuntimeException e) {
      model.close();
      throw e;
    }
  }

  private static void requireTask(ModelStore.SavedModel saved) {
    if (!"textgen".equals(saved.metadata().task())) {
      throw InvalidInputException.in(saved.dir().resolve(ModelStore.METADATA))
          .key("task")
          .expected("a textgen model (trained with marketlens train textgen)")
          .found(saved.metadata().task())
          .build();
    }
  }

  private static int intValue(ModelStore.SavedModel saved, Map<String, Object> map, String key) {
    Object v = map.get(key);
    if (!(v instanceof Number num) || num.intValue() < 1) {
      throw InvalidInputException.in(saved.dir().resolve(ModelStore.METADATA))
          .key("hyperparameters." + key)
          .expected("a whole number >= 1")
          .found(String.valueOf(v))
          .build();
    }
    return num.intValue();
  }
}
