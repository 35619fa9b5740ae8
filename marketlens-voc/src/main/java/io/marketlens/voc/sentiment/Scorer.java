package io.marketlens.voc.sentiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.marketlens.core.progress.Progress;
import io.marketlens.ml.embed.Language;
import io.marketlens.ml.lab.tabular.TabularMlp;
import io.marketlens.ml.lab.text.TextClassifierModel;
import io.marketlens.ml.tabular.SparseLogisticRegression;
import io.marketlens.ml.tabular.SparseRows;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A trained sentiment model of one language: the probability positive of texts, given the texts and
 * their sentence embeddings. Scores depend on each text alone (never on the texts scored with it),
 * so a saved model gives back the same probabilities, bit for bit. Each kind writes itself as JSON
 * (plus, for the Transformer, its weight and vocabulary files) and is read back by {@link
 * #fromJson}; doubles are written as their shortest exact decimals, float arrays (the MLP's
 * weights) as base64 of their IEEE 754 bytes, so nothing is lost.
 */
sealed interface Scorer extends AutoCloseable
    permits Scorer.EmbeddingLr,
        Scorer.EmbeddingMlp,
        Scorer.TfIdfLr,
        Scorer.TfIdfEmbeddingLr,
        Scorer.Average,
        Scorer.Transformer {

  JsonNodeFactory NODES = JsonNodeFactory.instance;

  SentimentCandidate candidate();

  /** The model in words, e.g. {@code "L2 lambda 1.0, 57 L-BFGS iterations"}. */
  String description();

  /** The probability positive of each text; {@code vectors} are the texts' embeddings. */
  double[] score(List<String> texts, List<float[]> vectors);

  /**
   * The model as JSON; extra files go to {@code files}, their names starting with {@code prefix}.
   */
  ObjectNode toJson(String prefix, Map<String, byte[]> files);

  /** Frees native memory, if any. */
  @Override
  default void close() {}

  /**
   * Reads what {@link #toJson} wrote.
   *
   * @param files reads an extra file by name
   * @throws IllegalArgumentException when the JSON is not a known kind of model
   */
  static Scorer fromJson(JsonNode json, Language language, Function<String, byte[]> files) {
    SentimentCandidate c = SentimentCandidate.of(json.path("candidate").asText());
    return switch (c) {
      case EMBEDDING_LR -> new EmbeddingLr(readLr(json.path("lr")));
      case EMBEDDING_MLP -> EmbeddingMlp.fromJson(json.path("mlp"));
      case TFIDF_LR ->
          new TfIdfLr(readTfIdf(json.path("tfidf"), language), readLr(json.path("lr")));
      case TFIDF_EMBEDDING_LR ->
          new TfIdfEmbeddingLr(
              readTfIdf(json.path("tfidf"), language),
              json.path("embeddingScale").asDouble(),
              readLr(json.path("lr")));
      case TFIDF_EMBEDDING_AVERAGE ->
          new Average(
              new TfIdfLr(readTfIdf(json.path("tfidf"), language), readLr(json.path("tfidfLr"))),
              new EmbeddingLr(readLr(json.path("embeddingLr"))));
      case TRANSFORMER -> Transformer.fromJson(json.path("transformer"), files);
    };
  }

  private static ObjectNode header(SentimentCandidate c, String description) {
    ObjectNode n = NODES.objectNode();
    n.put("candidate", c.id());
    n.put("description", description);
    return n;
  }

  /** Logistic regression on the sentence embedding. */
  record EmbeddingLr(SparseLogisticRegression.Model lr) implements Scorer {
    @Override
    public SentimentCandidate candidate() {
      return SentimentCandidate.EMBEDDING_LR;
    }

    @Override
    public String description() {
      return lr.description();
    }

    @Override
    public double[] score(List<String> texts, List<float[]> vectors) {
      return lr.predictProbability(SparseRows.dense(vectors, lr.dense().length));
    }

    @Override
    public ObjectNode toJson(String prefix, Map<String, byte[]> files) {
      ObjectNode n = header(candidate(), description());
      n.set("lr", writeLr(lr));
      return n;
    }
  }

  /** The model lab's MLP on the standardised embedding, scored in Java from its weights. */
  record EmbeddingMlp(
      double[] mean, double[] scale, List<TabularMlp.Dense> layers, String description)
      implements Scorer {

    @Override
    public SentimentCandidate candidate() {
      return SentimentCandidate.EMBEDDING_MLP;
    }

    @Override
    public double[] score(List<String> texts, List<float[]> vectors) {
      double[] out = new double[vectors.size()];
      List<float[]> w = new ArrayList<>();
      List<float[]> b = new ArrayList<>();
      for (TabularMlp.Dense d : layers) {
        w.add(d.weights());
        b.add(d.bias());
      }
      for (int r = 0; r < out.length; r++) {
        float[] v = vectors.get(r);
        if (v.length != mean.length) {
          throw new IllegalArgumentException(
              "the MLP reads " + mean.length + "-d vectors, found " + v.length + "-d");
        }
        double[] x = new double[v.length];
        for (int j = 0; j < x.length; j++) x[j] = (v[j] - mean[j]) / scale[j];
        for (int l = 0; l < layers.size(); l++) {
          TabularMlp.Dense d = layers.get(l);
          float[] weights = w.get(l);
          float[] bias = b.get(l);
          double[] y = new double[d.outputs()];
          for (int o = 0; o < y.length; o++) {
            double s = bias[o];
            int base = o * d.inputs();
            for (int i = 0; i < d.inputs(); i++) s += weights[base + i] * x[i];
            y[o] = l < layers.size() - 1 ? Math.max(0, s) : s;
          }
          x = y;
        }
        out[r] = sigmoid(x[0]);
      }
      return out;
    }

    @Override
    public ObjectNode toJson(String prefix, Map<String, byte[]> files) {
      ObjectNode n = header(candidate(), description);
      ObjectNode m = n.putObject("mlp");
      m.set("mean", doubles(mean));
      m.set("scale", doubles(scale));
      ArrayNode ls = m.putArray("layers");
      for (TabularMlp.Dense d : layers) {
        ObjectNode l = ls.addObject();
        l.put("inputs", d.inputs());
        l.put("outputs", d.outputs());
        l.set("weights", floats(d.weights()));
        l.set("bias", floats(d.bias()));
      }
      return n;
    }

    static EmbeddingMlp fromJson(JsonNode m) {
      List<TabularMlp.Dense> layers = new ArrayList<>();
      for (JsonNode l : m.path("layers")) {
        layers.add(
            new TabularMlp.Dense(
                l.path("inputs").asInt(),
                l.path("outputs").asInt(),
                readFloats(l.path("weights")),
                readFloats(l.path("bias"))));
      }
      if (layers.isEmpty() || layers.get(layers.size() - 1).outputs() != 1) {
        throw new IllegalArgumentException("an MLP needs layers ending in one output");
      }
      return new EmbeddingMlp(
          readDoubles(m.path("mean")),
          readDoubles(m.path("scale")),
          layers,
          m.path("description").asText("MLP"));
    }
  }

  /** Logistic regression on TF-IDF n-grams. */
  record TfIdfLr(TfIdf tfidf, SparseLogisticRegression.Model lr) implements Scorer {
    @Override
    public SentimentCandidate candidate() {
      return SentimentCandidate.TFIDF_LR;
    }

    @Override
    public String description() {
      return String.format(
          Locale.ROOT, "%,d %s, %s", tfidf.size(), ngrams(tfidf.language()), lr.description());
    }

    @Override
    public double[] score(List<String> texts, List<float[]> vectors) {
      return lr.predictProbability(rows(tfidf, texts, null, 0));
    }

    @Override
    public ObjectNode toJson(String prefix, Map<String, byte[]> files) {
      ObjectNode n = header(candidate(), description());
      n.set("tfidf", writeTfIdf(tfidf));
      n.set("lr", writeLr(lr));
      return n;
    }
  }

  /** One logistic regression on the embedding (times a scale) and the TF-IDF n-grams together. */
  record TfIdfEmbeddingLr(TfIdf tfidf, double embeddingScale, SparseLogisticRegression.Model lr)
      implements Scorer {
    @Override
    public SentimentCandidate candidate() {
      return SentimentCandidate.TFIDF_EMBEDDING_LR;
    }

    @Override
    public String description() {
      return String.format(
          Locale.ROOT,
          "embedding x %s and %,d %s, %s",
          embeddingScale,
          tfidf.size(),
          ngrams(tfidf.language()),
          lr.description());
    }

    @Override
    public double[] score(List<String> texts, List<float[]> vectors) {
      return lr.predictProbability(rows(tfidf, texts, vectors, embeddingScale));
    }

    @Override
    public ObjectNode toJson(String prefix, Map<String, byte[]> files) {
      ObjectNode n = header(candidate(), description());
      n.put("embeddingScale", embeddingScale);
      n.set("tfidf", writeTfIdf(tfidf));
      n.set("lr", writeLr(lr));
      return n;
    }
  }

  /** The mean of a TF-IDF and an embedding logistic regression's probabilities. */
  record Average(TfIdfLr tfidf, EmbeddingLr embedding) implements Scorer {
    @Override
    public SentimentCandidate candidate() {
      return SentimentCandidate.TFIDF_EMBEDDING_AVERAGE;
    }

    @Override
    public String description() {
      return "mean of (" + tfidf.description() + ") and (" + embedding.description() + ")";
    }

    @Override
    public double[] score(List<String> texts, List<float[]> vectors) {
      double[] a = tfidf.score(texts, vectors);
      double[] b = embedding.score(texts, vectors);
      double[] out = new double[a.length];
      for (int i = 0; i < out.length; i++) out[i] = (a[i] + b[i]) / 2;
      return out;
    }

    @Override
    public ObjectNode toJson(String prefix, Map<String, byte[]> files) {
      ObjectNode n = header(candidate(), description());
      n.set("tfidf", writeTfIdf(tfidf.tfidf()));
      n.set("tfidfLr", writeLr(tfidf.lr()));
      n.set("embeddingLr", writeLr(embedding.lr()));
      return n;
    }
  }

  /**
   * The model lab's Transformer classifier on the texts (class 1 is positive), one text per forward
   * pass; calls are serialised (one network).
   */
  record Transformer(TextClassifierModel model, String description) implements Scorer {

    static final String WEIGHTS = "transformer.params";
    static final String VOCABULARY = "transformer-vocabulary.json";

    @Override
    public SentimentCandidate candidate() {
      return SentimentCandidate.TRANSFORMER;
    }

    @Override
    public double[] score(List<String> texts, List<float[]> vectors) {
      float[][] p;
      synchronized (this) {
        p = model.probabilities(texts, Progress.NONE);
      }
      double[] out = new double[p.length];
      for (int i = 0; i < out.length; i++) out[i] = p[i][1];
      return out;
    }

    @Override
    public ObjectNode toJson(String prefix, Map<String, byte[]> files) {
      ObjectNode n = header(candidate(), description);
      TextClassifierModel.Parts parts = model.parts();
      ObjectNode t = n.putObject("transformer");
      t.set("settings", io.marketlens.core.result.ResultsJson.MAPPER.valueToTree(parts.settings()));
      t.put("dropout", parts.dropout());
      ArrayNode labels = t.putArray("labels");
      parts.labels().forEach(labels::add);
      t.put("weights", prefix + WEIGHTS);
      t.put("vocabulary", prefix + VOCABULARY);
      files.put(prefix + WEIGHTS, parts.weights());
      files.put(prefix + VOCABULARY, parts.vocabulary());
      return n;
    }

    static Transformer fromJson(JsonNode t, Function<String, byte[]> files) {
      @SuppressWarnings("unchecked")
      Map<String, Object> settings =
          io.marketlens.core.result.ResultsJson.MAPPER.convertValue(t.path("settings"), Map.class);
      List<String> labels = new ArrayList<>();
      t.path("labels").forEach(l -> labels.add(l.asText()));
      TextClassifierModel.Parts parts =
          new TextClassifierModel.Parts(
              settings,
              t.path("dropout").asDouble(),
              labels,
              files.apply(t.path("vocabulary").asText()),
              files.apply(t.path("weights").asText()));
      return new Transformer(
          TextClassifierModel.fromParts(parts), t.path("description").asText("transformer"));
    }

    @Override
    public void close() {
      model.close();
    }
  }

  /** The rows of {@code texts}: the embedding (times {@code scale}) when given, then TF-IDF. */
  static SparseRows rows(TfIdf tfidf, List<String> texts, List<float[]> vectors, double scale) {
    List<int[]> idx = new ArrayList<>(texts.size());
    List<float[]> val = new ArrayList<>(texts.size());
    for (String t : texts) {
      TfIdf.Row r = tfidf.transform(t);
      idx.add(r.indices());
      val.add(r.values());
    }
    if (vectors == null) return new SparseRows(0, tfidf.size(), null, idx, val);
    List<float[]> dense = vectors;
    if (scale != 1) {
      dense = new ArrayList<>(vectors.size());
      for (float[] v : vectors) {
        float[] s = new float[v.length];
        for (int j = 0; j < s.length; j++) s[j] = (float) (v[j] * scale);
        dense.add(s);
      }
    }
    int d = vectors.isEmpty() ? 0 : vectors.get(0).length;
    return new SparseRows(d, tfidf.size(), dense, idx, val);
  }

  private static String ngrams(Language language) {
    return language == Language.ZH ? "character 1-3-grams" : "word 1-2-grams";
  }

  static double sigmoid(double e) {
    return e >= 0 ? 1 / (1 + Math.exp(-e)) : Math.exp(e) / (1 + Math.exp(e));
  }

  private static ObjectNode writeLr(SparseLogisticRegression.Model lr) {
    ObjectNode n = NODES.objectNode();
    n.put("intercept", lr.intercept());
    n.put("lambda", lr.lambda());
    n.put("iterations", lr.iterations());
    n.set("dense", doubles(lr.dense()));
    n.set("sparse", doubles(lr.sparse()));
    return n;
  }

  private static SparseLogisticRegression.Model readLr(JsonNode n) {
    if (!n.path("intercept").isNumber()) {
      throw new IllegalArgumentException("a logistic regression without an intercept");
    }
    return new SparseLogisticRegression.Model(
        n.path("intercept").asDouble(),
        readDoubles(n.path("dense")),
        readDoubles(n.path("sparse")),
        n.path("lambda").asDouble(),
        n.path("iterations").asInt());
  }

  private static ObjectNode writeTfIdf(TfIdf t) {
    ObjectNode n = NODES.objectNode();
    n.put("ngrams", ngrams(t.language()));
    n.put("minDf", t.minDf());
    ArrayNode terms = n.putArray("terms");
    t.terms().forEach(terms::add);
    n.set("idf", doubles(t.idf()));
    return n;
  }

  private static TfIdf readTfIdf(JsonNode n, Language language) {
    List<String> terms = new ArrayList<>();
    n.path("terms").forEach(x -> terms.add(x.asText()));
    return TfIdf.of(language, n.path("minDf").asInt(1), terms, readDoubles(n.path("idf")));
  }

  private static ArrayNode doubles(double[] v) {
    ArrayNode a = NODES.arrayNode(v.length);
    for (double x : v) a.add(x);
    return a;
  }

  /** Floats as base64 of their big-endian IEEE 754 bytes: exact, and a quarter the size. */
  private static com.fasterxml.jackson.databind.node.TextNode floats(float[] v) {
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4 * v.length);
    b.asFloatBuffer().put(v);
    return NODES.textNode(java.util.Base64.getEncoder().encodeToString(b.array()));
  }

  private static double[] readDoubles(JsonNode a) {
    if (!a.isArray()) throw new IllegalArgumentException("expected an array of numbers");
    double[] out = new double[a.size()];
    for (int i = 0; i < out.length; i++) {
      JsonNode x = a.get(i);
      if (!x.isNumber()) throw new IllegalArgumentException("a non-numeric value " + x);
      out[i] = x.asDouble();
    }
    return out;
  }

  private static float[] readFloats(JsonNode a) {
    if (!a.isTextual()) throw new IllegalArgumentException("expected base64 float32 values");
    byte[] bytes;
    try {
      bytes = java.util.Base64.getDecoder().decode(a.asText());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("float values that are not base64: " + e.getMessage());
    }
    if (bytes.length % 4 != 0) throw new IllegalArgumentException("float32 values cut short");
    float[] out = new float[bytes.length / 4];
    java.nio.ByteBuffer.wrap(bytes).asFloatBuffer().get(out);
    return out;
  }
}
