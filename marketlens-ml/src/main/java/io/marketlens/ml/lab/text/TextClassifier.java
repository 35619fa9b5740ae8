package io.marketlens.ml.lab.text;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import io.marketlens.core.progress.Progress;
import io.marketlens.core.validate.InvalidInputException;
import io.marketlens.ml.lab.Lab;
import io.marketlens.ml.lab.ModelMetadata;
import io.marketlens.ml.lab.ModelStore;
import io.marketlens.ml.lab.Trainer;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * A text classifier in memory: tokenizer, vocabulary, class labels and the network (a {@link
 * TextTransformer} or a {@link TextGru}) with its native memory. Built for training or loaded from
 * a model directory; one thread at a time.
 */
final class TextClassifier implements TextModel {

  final TextSettings settings;
  final TextTokenizer tokenizer;
  final TextVocabulary vocabulary;
  final List<String> labels;
  final NDManager manager;
  final AbstractBlock block;

  private TextClassifier(
      TextSettings settings,
      TextVocabulary vocabulary,
      List<String> labels,
      NDManager manager,
      AbstractBlock block) {
    this.settings = settings;
    this.tokenizer = settings.tokenizer();
    this.vocabulary = vocabulary;
    this.labels = List.copyOf(labels);
    this.manager = manager;
    this.block = block;
  }

  /**
   * A new classifier with weights initialised from {@code seed}.
   *
   * @param settings settings with the token mode resolved
   */
  static TextClassifier create(
      TextSettings settings,
      TextVocabulary vocabulary,
      List<String> labels,
      double dropout,
      Device device,
      long seed) {
    NDManager manager = Lab.engine(-1).newBaseManager(device);
    try {
      AbstractBlock block = newBlock(settings, vocabulary.size(), labels.size(), dropout);
      Lab.seed(seed, 0);
      block.initialize(manager, DataType.FLOAT32, new Shape(1, settings.maxLength()));
      return new TextClassifier(settings, vocabulary, labels, manager, block);
    } catch (RuntimeException e) {
      manager.close();
      throw e;
    }
  }

  /** The classifier saved in {@code model} (task {@code text}). */
  static TextClassifier load(ModelStore.SavedModel model, Device device) {
    ModelMetadata meta = model.metadata();
    TextSettings settings;
    double dropout;
    try {
      Map<String, Object> hp = meta.hyperparameters();
      // Settings added after a model was saved take the reference model's values.
      Map<String, Object> saved =
          new java.util.LinkedHashMap<>(ModelStore.toMap(TextSettings.defaults()));
      if (hp.get("model") instanceof Map<?, ?> m) {
        m.forEach((k, v) -> saved.put(String.valueOf(k), v));
      }
      settings = ModelStore.convert(saved, TextSettings.class);
      Object d = hp.get("dropout");
      dropout = d instanceof Number n ? n.doubleValue() : 0.0;
    } catch (IllegalArgumentException | InvalidInputException e) {
      throw InvalidInputException.in(model.dir().resolve(ModelStore.METADATA))
          .key("hyperparameters.model")
          .expected("the text classifier's settings")
          .found(String.valueOf(e.getMessage()).lines().findFirst().orElse(""))
          .build();
    }
    TextVocabulary vocabulary;
    try {
      vocabulary = TextVocabulary.fromJson(model.file(TextVocabulary.FILE));
    } catch (IOException e) {
      throw InvalidInputException.in(model.dir().resolve(TextVocabulary.FILE))
          .expected("the model's vocabulary as JSON")
          .found(e.getMessage())
          .build();
    }
    if (meta.labels().size() < 2) {
      throw InvalidInputException.in(model.dir().resolve(ModelStore.METADATA))
          .key("labels")
          .expected("the names of at least two classes")
          .found(meta.labels().toString())
          .build();
    }
    NDManager manager = Lab.engine(-1).newBaseManager(device);
    try {
      AbstractBlock block = newBlock(settings, vocabulary.size(), meta.labels().size(), dropout);
      block.initialize(manager, DataType.FLOAT32, new Shape(1, settings.maxLength()));
      model.loadWeights(block, manager);
      return new TextClassifier(settings, vocabulary, meta.labels(), manager, block);
    } catch (RuntimeException e) {
      manager.close();
      throw e;
    }
  }

  /** A CPU classifier with the weights {@link Trainer#saveParams} wrote for the same settings. */
  static TextClassifier fromWeights(
      TextSettings settings,
      TextVocabulary vocabulary,
      List<String> labels,
      double dropout,
      byte[] weights) {
    NDManager manager = Lab.engine(-1).newBaseManager(Device.cpu());
    try {
      AbstractBlock block = newBlock(settings, vocabulary.size(), labels.size(), dropout);
      block.initialize(manager, DataType.FLOAT32, new Shape(1, settings.maxLength()));
      Trainer.loadParams(block, manager, weights);
      return new TextClassifier(settings, vocabulary, labels, manager, block);
    } catch (RuntimeException e) {
      manager.close();
      throw e;
    }
  }

  private static AbstractBlock newBlock(
      TextSettings s, int vocabularySize, int classes, double dropout) {
    if (s.architecture().equals(TextSettings.GRU)) {
      return new TextGru(
          vocabularySize,
          classes,
          s.maxLength(),
          s.dim(),
          s.layers(),
          (float) dropout,
          (float) s.tokenDropout(),
          (float) s.embeddingStd());
    }
    return new TextTransformer(
        vocabularySize,
        classes,
        s.maxLength(),
        s.dim(),
        s.heads(),
        s.layers(),
        s.ffDim(),
        (float) dropout,
        (float) s.tokenDropout(),
        (float) s.embeddingStd());
  }

  @Override
  public List<String> labels() {
    return labels;
  }

  @Override
  public float[][] probabilities(List<String> texts, int batch, Progress progress) {
    return probabilities(encode(texts), batch, progress);
  }

  /** Token ids of each text, cut to the maximum length. */
  int[][] encode(List<String> texts) {
    int[][] out = new int[texts.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = vocabulary.encode(tokenizer.tokens(texts.get(i)), settings.maxLength());
    }
    return out;
  }

  /** Class probabilities of each encoded text, {@code batch} texts per forward pass. */
  float[][] probabilities(int[][] ids, int batch, Progress progress) {
    int n = ids.length;
    int classes = labels.size();
    float[][] out = new float[n][];
    ParameterStore store = new ParameterStore(manager, false);
    int length = settings.padToLongest() ? 0 : settings.maxLength();
    try (Progress.Step step = progress.start("predict", n, "texts")) {
      for (int start = 0; start < n; start += batch) {
        int[] idx = Trainer.range(start, Math.min(n, start + batch));
        try (NDManager sub = manager.newSubManager()) {
          NDArray x = TextExamples.tokens(sub, ids, idx, length);
          NDArray logits = block.forward(store, new NDList(x), false).head();
          float[] p = logits.softmax(-1).toFloatArray();
          for (int r = 0; r < idx.length; r++) {
            float[] row = new float[classes];
            System.arraycopy(p, r * classes, row, 0, classes);
            out[start + r] = row;
          }
        }
        step.advance(idx.length);
      }
    }
    return out;
  }

  @Override
  public void close() {
    manager.close();
  }
}
