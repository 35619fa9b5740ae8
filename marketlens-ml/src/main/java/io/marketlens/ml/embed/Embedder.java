package io.marketlens.ml.embed;

import io.marketlens.core.progress.Progress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sentence embeddings for English and Chinese text, computed in process from the ONNX encoders in
 * the {@code langchain4j-embeddings-*} jars: bge-small-en-v1.5 (quantised, 384 dimensions, [CLS]
 * pooling) for English and bge-small-zh-v1.5 (quantised, 512 dimensions, [CLS] pooling) for
 * Chinese. Each text goes to the encoder of its own {@link Language}; vectors are L2-normalised.
 *
 * <p><b>Consistency.</b> Every text is encoded on its own, never in a padded batch, so a text's
 * vector is bit-identical whether it is embedded alone, with {@link #embed}, or among thousands,
 * with {@link #embedAll}, and whatever the thread count. {@link #embedAll} gets its speed by
 * encoding several texts at once on a thread pool, one thread per text.
 *
 * <p><b>Cache.</b> Vectors are cached by SHA-256 of the model id and the text: in memory for the
 * life of the embedder, and in one file per model under {@link EmbedderOptions#cacheDirectory()}
 * when one is given (written atomically after each {@link #embedAll} and on {@link #close}).
 *
 * <p><b>Lifecycle.</b> One instance owns both models, loads each on first use, and frees them and
 * its threads on {@link #close}. Thread-safe. Runs offline: nothing is downloaded.
 *
 * <pre>{@code
 * try (Embedder embedder = Embedder.open(EmbedderOptions.defaults())) {
 *   float[] a = embedder.embed("The delivery was late");
 *   float[] b = embedder.embed("Shipping took forever");
 *   double similarity = Embedder.cosine(a, b);
 * }
 * }</pre>
 */
public final class Embedder implements AutoCloseable {

  private final EmbedderOptions options;
  private final Map<Language, VectorCache> caches = new EnumMap<>(Language.class);
  private final Map<Language, OnnxEncoder> encoders = new ConcurrentHashMap<>();
  private final AtomicLong modelCalls = new AtomicLong();
  private ExecutorService pool;
  private volatile boolean closed;

  private Embedder(EmbedderOptions options) {
    this.options = options;
    for (Language language : Language.values()) {
      ModelSpec spec = ModelSpec.of(language);
      Path dir = options.cacheDirectory();
      Path file = dir == null ? null : dir.resolve("embeddings-" + spec.fileName() + ".bin");
      caches.put(language, new VectorCache(spec.id(), spec.dimension, file));
    }
  }

  /** An embedder; models and threads are created on first use. */
  public static Embedder open(EmbedderOptions options) {
    Objects.requireNonNull(options, "options");
    OrtInit.beforeFirstSession();
    return new Embedder(options);
  }

  /** The language {@code text} is routed by; see {@link Language#detect}. */
  public Language languageOf(String text) {
    return Language.detect(text);
  }

  /** 384 for {@link Language#EN}, 512 for {@link Language#ZH}. */
  public int dimension(Language language) {
    return ModelSpec.of(language).dimension;
  }

  /**
   * Identifies the vectors {@code language}'s encoder makes (model file, jar version, pipeline
   * version), e.g. {@code bge-small-en-v1.5-q@1.20.0-beta30/p1}: what is stored beside anything
   * derived from the vectors (a sentiment head, theme centres), so that vectors of another encoder
   * are never mixed with them. Does not load the model.
   */
  public static String modelId(Language language) {
    return ModelSpec.of(language).id();
  }

  /**
   * The L2-normalised vector of {@code text}, of {@link #dimension}({@link #languageOf}(text)).
   *
   * @throws IllegalArgumentException when text is null, empty or blank
   */
  public float[] embed(String text) {
    requireText(text, -1);
    ensureOpen();
    Language language = languageOf(text);
    VectorCache cache = caches.get(language);
    ByteBuffer key = cache.key(text);
    float[] v = cache.get(key);
    if (v == null) {
      v = compute(language, text);
      cache.put(key, v);
    }
    return v.clone();
  }

  /**
   * The vectors of {@code texts}, in order; each is exactly what {@link #embed} gives for that
   * text. Texts are encoded in parallel; repeated and cached texts are encoded once. Reports one
   * unit of progress per text.
   *
   * @throws IllegalArgumentException when a text is null, empty or blank (the message names its
   *     index)
   */
  public List<float[]> embedAll(List<String> texts, Progress progress) {
    return embedAll(texts, null, progress);
  }

  /**
   * As {@link #embedAll(List, Progress)}, but every text goes to {@code language}'s encoder
   * whatever its own language, so that all vectors have that encoder's dimension: for a model
   * trained on one encoder's vectors (a classifier head). A text of the other language gets a
   * poorer vector, not a wrong-sized one. Null routes each text by its own language.
   */
  public List<float[]> embedAll(List<String> texts, Language language, Progress progress) {
    Objects.requireNonNull(texts, "texts");
    Progress p = progress == null ? Progress.NONE : progress;
    for (int i = 0; i < texts.size(); i++) requireText(texts.get(i), i);
    ensureOpen();
    float[][] out = new float[texts.size()][];
    Map<ByteBuffer, Miss> misses = new LinkedHashMap<>();
    for (int i = 0; i < texts.size(); i++) {
      String text = texts.get(i);
      Language route = language != null ? language : languageOf(text);
      VectorCache cache = caches.get(route);
      ByteBuffer key = cache.key(text);
      float[] v = cache.get(key);
      if (v != null) {
        out[i] = v;
      } else {
        misses.computeIfAbsent(key, k -> new Miss(route, text, k)).indices.add(i);
      }
    }
    try (Progress.Step step = p.start("embed texts", texts.size(), "texts")) {
      step.advance(texts.size() - misses.values().stream().mapToInt(m -> m.indices.size()).sum());
      computeAll(misses.values(), out, step);
    }
    flush();
    List<float[]> result = new ArrayList<>(out.length);
    for (float[] v : out) result.add(v.clone());
    return result;
  }

  private void computeAll(Iterable<Miss> misses, float[][] out, Progress.Step step) {
    ExecutorCompletionService<Miss> done = new ExecutorCompletionService<>(pool());
    List<Future<Miss>> futures = new ArrayList<>();
    for (Miss m : misses) {
      futures.add(
          done.submit(
              () -> {
                m.vector = compute(m.language, m.text);
                return m;
              }));
    }
    try {
      for (int n = 0; n < futures.size(); n++) {
        Miss m = done.take().get();
        caches.get(m.language).put(m.key, m.vector);
        for (int i : m.indices) out[i] = m.vector;
        step.advance(m.indices.size());
      }
    } catch (InterruptedException e) {
      futures.forEach(f -> f.cancel(true));
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while embedding texts", e);
    } catch (ExecutionException e) {
      futures.forEach(f -> f.cancel(true));
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) throw r;
      throw new IllegalStateException("embedding failed: " + cause, cause);
    }
  }

  /**
   * Cosine similarity of two vectors from this embedder, in [-1, 1].
   *
   * @throws IllegalArgumentException when their dimensions differ: they come from different models
   *     (languages), whose vectors must never be compared
   */
  public static double cosine(float[] a, float[] b) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    if (a.length != b.length) {
      throw new IllegalArgumentException(
          "cannot compare a "
              + a.length
              + "-d vector with a "
              + b.length
              + "-d one: they come from different models (languages); compare vectors of one"
              + " language only");
    }
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += (double) a[i] * b[i];
      na += (double) a[i] * a[i];
      nb += (double) b[i] * b[i];
    }
    if (na == 0 || nb == 0) return 0;
    return Math.max(-1, Math.min(1, dot / Math.sqrt(na * nb)));
  }

  /** Writes the cache files of both models, where a cache directory was given and they changed. */
  public void flush() {
    for (VectorCache cache : caches.values()) cache.flush();
  }

  /**
   * Writes the caches, then frees the models and threads. Call it once the embedding calls have
   * returned; later calls throw {@link IllegalStateException}. Idempotent.
   */
  @Override
  public void close() {
    if (closed) return;
    flush();
    synchronized (this) {
      closed = true;
      if (pool != null) {
        pool.shutdownNow();
        try {
          // A text being encoded finishes first: its session must not be freed under it.
          pool.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      for (OnnxEncoder e : encoders.values()) e.close();
      encoders.clear();
    }
  }

  /** How many texts the encoders have run on (cache misses); for tests. */
  long modelCalls() {
    return modelCalls.get();
  }

  private float[] compute(Language language, String text) {
    float[] v = encoder(language).encode(text);
    modelCalls.incrementAndGet();
    return v;
  }

  private OnnxEncoder encoder(Language language) {
    OnnxEncoder e = encoders.get(language);
    if (e != null) return e;
    synchronized (this) {
      ensureOpen();
      return encoders.computeIfAbsent(language, l -> OnnxEncoder.load(ModelSpec.of(l)));
    }
  }

  private synchronized ExecutorService pool() {
    if (pool == null) {
      AtomicInteger n = new AtomicInteger();
      ThreadFactory threads =
          r -> {
            Thread t = new Thread(r, "marketlens-embed-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
          };
      pool = Executors.newFixedThreadPool(options.threads(), threads);
    }
    return pool;
  }

  private void ensureOpen() {
    if (closed) throw new IllegalStateException("this embedder is closed");
  }

  private static void requireText(String text, int index) {
    if (text == null || text.isBlank()) {
      String where = index < 0 ? "" : " at index " + index;
      String found = text == null ? "null" : "'" + text + "'";
      throw new IllegalArgumentException(
          "cannot embed an empty text" + where + " (found " + found + "); filter blank texts out");
    }
  }

  /** A text that is not cached yet, and where it occurs in the input. */
  private static final class Miss {
    final Language language;
    final String text;
    final ByteBuffer key;
    final List<Integer> indices = new ArrayList<>(1);
    float[] vector;

    Miss(Language language, String text, ByteBuffer key) {
      this.language = language;
      this.text = text;
      this.key = key;
    }
  }
}
