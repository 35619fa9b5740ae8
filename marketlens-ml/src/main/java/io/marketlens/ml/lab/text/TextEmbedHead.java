package io.marketlens.ml.lab.text;

import ai.djl.Device;
import io.marketlens.core.progress.Progress;
import io.marketlens.core.validate.InvalidInputException;
import io.marketlens.ml.embed.Embedder;
import io.marketlens.ml.embed.EmbedderOptions;
import io.marketlens.ml.embed.Language;
import io.marketlens.ml.lab.Lab;
import io.marketlens.ml.lab.ModelMetadata;
import io.marketlens.ml.lab.ModelStore;
import io.marketlens.ml.lab.TrainConfig;
import io.marketlens.ml.lab.TrainingResult;
import io.marketlens.ml.lab.tabular.MlpHead;
import io.marketlens.ml.lab.tabular.TabularMlp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code embed-head} text classifier: each text's vector from the in-jar sentence encoder
 * ({@link Embedder}: bge-small-en-v1.5 or bge-small-zh-v1.5, frozen), then a {@link TabularMlp}
 * with one hidden layer of {@code settings.dim()} ReLU units, dropout, and a softmax over the
 * classes.
 *
 * <p>One encoder per model: the language most of the training texts are in ({@link
 * Language#detect}); every text, in training and later, goes through that encoder, so that the head
 * always sees vectors of the size it was trained on. The encoder's id is saved with the model and a
 * model whose encoder this build does not have is refused. Blank texts get the zero vector.
 */
final class TextEmbedHead implements TextModel {

  private final Language language;
  private final List<String> labels;
  private final TabularMlp head;
  private final int threads;

  private TextEmbedHead(Language language, List<String> labels, TabularMlp head, int threads) {
    this.language = language;
    this.labels = List.copyOf(labels);
    this.head = head;
    this.threads = threads;
  }

  /** The language most of {@code texts} are in (English when tied). */
  static Language language(List<String> texts) {
    int zh = 0;
    int en = 0;
    for (String t : texts) {
      if (t.isBlank()) continue;
      if (Language.detect(t) == Language.ZH) zh++;
      else en++;
    }
    return zh > en ? Language.ZH : Language.EN;
  }

  /** What {@link #train} gives. */
  record Trained(TextEmbedHead model, TrainingResult result, double embedSeconds) {}

  /**
   * Embeds the training texts with the encoder of their language and trains the head.
   *
   * @param validationTexts texts for early stopping (empty: none)
   */
  static Trained train(
      TextSettings settings,
      TrainConfig config,
      List<String> labels,
      List<String> texts,
      int[] classes,
      List<String> validationTexts,
      int[] validationClasses,
      Progress progress) {
    Language language = language(texts);
    int threads = config.threads() > 0 ? config.threads() : 2;
    long t0 = System.nanoTime();
    // one pass of the encoder over the training and validation texts
    List<String> all = new ArrayList<>(texts);
    all.addAll(validationTexts);
    float[][] vectors = embed(all, language, threads, progress);
    float[][] x = java.util.Arrays.copyOf(vectors, texts.size());
    float[][] vx =
        validationTexts.isEmpty()
            ? null
            : java.util.Arrays.copyOfRange(vectors, texts.size(), vectors.length);
    double embedSeconds = (System.nanoTime() - t0) / 1e9;
    TabularMlp.Spec spec =
        new TabularMlp.Spec(
            x[0].length,
            List.of(settings.dim()),
            labels.size(),
            MlpHead.MULTICLASS,
            config.dropout());
    TabularMlp head = TabularMlp.create(spec, config.seed(), config.device());
    try {
      TrainingResult result =
          head.fit(
              x,
              floats(classes),
              vx,
              vx == null ? null : floats(validationClasses),
              config,
              progress);
      return new Trained(new TextEmbedHead(language, labels, head, threads), result, embedSeconds);
    } catch (RuntimeException e) {
      head.close();
      throw e;
    }
  }

  /** The classifier saved in {@code model} (architecture {@code embed-head}). */
  static TextEmbedHead load(ModelStore.SavedModel model, Device device) {
    ModelMetadata meta = model.metadata();
    Map<String, Object> pre = meta.preprocessing();
    Language language;
    TabularMlp.Spec spec;
    try {
      language = Language.valueOf(String.valueOf(pre.get("language")).toUpperCase(Locale.ROOT));
      spec = ModelStore.convert(meta.hyperparameters().get("head"), TabularMlp.Spec.class);
      if (spec == null) throw new IllegalArgumentException("no head");
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.in(model.dir().resolve(ModelStore.METADATA))
          .key("preprocessing.language / hyperparameters.head")
          .expected("the encoder language (en or zh) and the head's shape")
          .found(String.valueOf(e.getMessage()))
          .build();
    }
    String encoder = String.valueOf(pre.get("encoder"));
    if (!encoder.equals(Embedder.modelId(language))) {
      throw InvalidInputException.in(model.dir().resolve(ModelStore.METADATA))
          .key("preprocessing.encoder")
          .expected("vectors of this build's encoder, " + Embedder.modelId(language))
          .found(encoder)
          .hint("retrain the model with this version of Marketlens")
          .build();
    }
    TabularMlp head = TabularMlp.create(spec, 0, device.isGpu() ? "gpu" : "cpu");
    try {
      head.loadWeights(model.file(ModelStore.WEIGHTS));
    } catch (RuntimeException e) {
      head.close();
      throw e;
    }
    // the encoder gets the threads the caller gave PyTorch (evaluate / predict --threads)
    return new TextEmbedHead(language, meta.labels(), head, Lab.intraOpThreads());
  }

  /** The encoder's language. */
  Language language() {
    return language;
  }

  /** The head's shape, saved as {@code hyperparameters.head}. */
  TabularMlp.Spec spec() {
    return head.spec();
  }

  /** The head's weights, saved as {@code weights.params}. */
  byte[] weights() {
    return head.weights();
  }

  @Override
  public List<String> labels() {
    return labels;
  }

  @Override
  public float[][] probabilities(List<String> texts, int batch, Progress progress) {
    float[][] x = embed(texts, language, threads, progress);
    float[] flat = head.predict(x, batch);
    int k = labels.size();
    float[][] out = new float[x.length][];
    for (int i = 0; i < out.length; i++) {
      out[i] = new float[k];
      System.arraycopy(flat, i * k, out[i], 0, k);
    }
    return out;
  }

  /** The vectors of {@code texts} from {@code language}'s encoder; blank texts get zeros. */
  private static float[][] embed(
      List<String> texts, Language language, int threads, Progress progress) {
    List<String> present = new ArrayList<>();
    for (String t : texts) if (!t.isBlank()) present.add(t);
    float[][] out = new float[texts.size()][];
    try (Embedder embedder = Embedder.open(EmbedderOptions.defaults().withThreads(threads))) {
      int dimension = embedder.dimension(language);
      List<float[]> vectors = embedder.embedAll(present, language, progress);
      int next = 0;
      for (int i = 0; i < out.length; i++) {
        out[i] = texts.get(i).isBlank() ? new float[dimension] : vectors.get(next++);
      }
    }
    return out;
  }

  private static float[] floats(int[] classes) {
    float[] f = new float[classes.length];
    for (int i = 0; i < f.length; i++) f[i] = classes[i];
    return f;
  }

  @Override
  public void close() {
    head.close();
  }
}
