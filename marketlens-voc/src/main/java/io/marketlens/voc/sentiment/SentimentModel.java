package io.marketlens.voc.sentiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.marketlens.core.progress.Progress;
import io.marketlens.core.validate.InvalidInputException;
import io.marketlens.ml.embed.Embedder;
import io.marketlens.ml.embed.EmbedderOptions;
import io.marketlens.ml.embed.Language;
import io.marketlens.ml.lab.ModelMetadata;
import io.marketlens.ml.lab.ModelStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A saved or savable sentiment model: the chosen model of each language that got one, with the
 * sentence encoder each reads. {@link #save} writes a model directory in the model store's format
 * ({@code metadata.json} with task {@value #TASK}, then {@code en.json} / {@code zh.json} holding
 * each language's model, plus the weight and vocabulary files of a Transformer), atomically; {@link
 * #load} reads it back in any process, and {@link #score} then gives the probabilities the analysis
 * gave, bit for bit.
 *
 * <pre>{@code
 * try (SentimentModel model = SentimentModel.load(Path.of("out/models/sentiment"))) {
 *   double[] p = model.score(List.of("The room was spotless", "房间很脏"));
 * }
 * }</pre>
 *
 * <p>Thread-safe. {@link #close()} frees a Transformer's native memory and the embedder the model
 * opened for {@link #score(List)}.
 */
public final class SentimentModel implements AutoCloseable {

  /** The task name in {@code metadata.json}. */
  public static final String TASK = "sentiment";

  /** The class labels, in output order: the probability is that of the second. */
  public static final List<String> LABELS = List.of("negative", "positive");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<Language, SentimentHead> heads;
  private final ModelMetadata metadata;
  private Embedder ownEmbedder;

  SentimentModel(Map<Language, SentimentHead> heads, ModelMetadata metadata) {
    EnumMap<Language, SentimentHead> copy = new EnumMap<>(Language.class);
    copy.putAll(heads);
    this.heads = Collections.unmodifiableMap(copy);
    this.metadata = Objects.requireNonNull(metadata, "metadata");
  }

  /** The metadata written to (or read from) {@code metadata.json}. */
  public ModelMetadata metadata() {
    return metadata;
  }

  /** The languages with a model. */
  public List<Language> languages() {
    return List.copyOf(heads.keySet());
  }

  /** The model of {@code language}, empty when it has none. */
  public Optional<SentimentHead> head(Language language) {
    return Optional.ofNullable(heads.get(language));
  }

  /**
   * The probability positive of each text, embedded with an embedder this model opens (once) with
   * the default options; NaN for null or blank texts and texts of a language without a model.
   */
  public double[] score(List<String> texts) {
    Embedder e;
    synchronized (this) {
      if (ownEmbedder == null) ownEmbedder = Embedder.open(EmbedderOptions.defaults());
      e = ownEmbedder;
    }
    return score(texts, e);
  }

  /** As {@link #score(List)}, with the caller's embedder. */
  public double[] score(List<String> texts, Embedder embedder) {
    Objects.requireNonNull(texts, "texts");
    Objects.requireNonNull(embedder, "embedder");
    double[] out = new double[texts.size()];
    Arrays.fill(out, Double.NaN);
    Map<Language, List<Integer>> byLanguage = new EnumMap<>(Language.class);
    for (int i = 0; i < texts.size(); i++) {
      String t = texts.get(i);
      if (t == null || t.isBlank()) continue;
      Language l = embedder.languageOf(t);
      if (heads.containsKey(l)) byLanguage.computeIfAbsent(l, k -> new ArrayList<>()).add(i);
    }
    for (Map.Entry<Language, List<Integer>> e : byLanguage.entrySet()) {
      List<String> mine = new ArrayList<>();
      for (int i : e.getValue()) mine.add(texts.get(i));
      List<float[]> vectors = embedder.embedAll(mine, Progress.NONE);
      double[] p = heads.get(e.getKey()).probabilitiesPositive(mine, vectors);
      for (int k = 0; k < p.length; k++) out[e.getValue().get(k)] = p[k];
    }
    return out;
  }

  /** The file holding {@code language}'s model. */
  static String fileOf(Language language) {
    return language.name().toLowerCase(Locale.ROOT) + ".json";
  }

  /** The model directory's files other than {@code metadata.json}, by name. */
  Map<String, byte[]> files() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (Map.Entry<Language, SentimentHead> e : heads.entrySet()) {
      String lang = e.getKey().name().toLowerCase(Locale.ROOT);
      SentimentHead h = e.getValue();
      Map<String, byte[]> extra = new LinkedHashMap<>();
      ObjectNode json = h.scorer().toJson(lang + "-", extra);
      json.put("language", lang);
      json.put("encoder", h.encoder());
      json.put("dimension", h.dimension());
      try {
        files.put(fileOf(e.getKey()), JSON.writeValueAsBytes(json));
      } catch (IOException ex) {
        throw new IllegalStateException("cannot write the " + lang + " sentiment model", ex);
      }
      files.putAll(extra);
    }
    return files;
  }

  /** Writes the model directory {@code dir} atomically (replacing what is there). */
  public void save(Path dir) {
    snapshot().write(dir);
  }

  /**
   * The model's files as they would be saved now, to write later (for instance into an output
   * directory that is assembled after the model is closed).
   */
  public Snapshot snapshot() {
    return new Snapshot(metadata, files());
  }

  /**
   * A sentiment model directory in memory.
   *
   * @param metadata what goes to {@code metadata.json}
   * @param files the other files by name
   */
  public record Snapshot(ModelMetadata metadata, Map<String, byte[]> files) {
    public Snapshot {
      Objects.requireNonNull(metadata, "metadata");
      files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }

    /** This snapshot with another {@code trainingData} in its metadata (e.g. the file's path). */
    public Snapshot withTrainingData(String trainingData) {
      ModelMetadata m = metadata;
      return new Snapshot(
          new ModelMetadata(
              m.schemaVersion(),
              m.task(),
              m.architecture(),
              m.createdAt(),
              m.seed(),
              trainingData,
              m.trainingDataSha256(),
              m.hyperparameters(),
              m.inputSchema(),
              m.preprocessing(),
              m.labels(),
              m.metrics(),
              m.training(),
              m.versions()),
          files);
    }

    /** Writes the model directory {@code dir} atomically (replacing what is there). */
    public void write(Path dir) {
      ModelStore.save(dir, metadata, null, files);
    }
  }

  /**
   * Reads a model directory written by {@link #save}.
   *
   * @throws InvalidInputException when {@code dir} holds no sentiment model, one written by a newer
   *     Marketlens, or one whose sentence encoder differs from this build's (its scores would not
   *     be reproduced: retrain)
   */
  public static SentimentModel load(Path dir) {
    ModelStore.SavedModel saved = ModelStore.load(dir);
    ModelMetadata meta = saved.metadata();
    Path metaFile = dir.resolve(ModelStore.METADATA);
    if (!TASK.equals(meta.task())) {
      throw InvalidInputException.in(metaFile)
          .key("task")
          .expected(TASK)
          .found(String.valueOf(meta.task()))
          .build();
    }
    Map<Language, SentimentHead> heads = new EnumMap<>(Language.class);
    try {
      for (Language language : Language.values()) {
        String lang = language.name().toLowerCase(Locale.ROOT);
        if (!(meta.preprocessing().get(lang) instanceof Map<?, ?>)) continue;
        String file = fileOf(language);
        JsonNode json;
        try {
          json = JSON.readTree(saved.file(file));
        } catch (IOException e) {
          throw InvalidInputException.in(dir.resolve(file))
              .expected("the " + lang + " sentiment model as JSON")
              .found("unreadable JSON (" + e.getMessage().lines().findFirst().orElse("") + ")")
              .build();
        }
        String encoder = json.path("encoder").asText();
        if (!encoder.equals(Embedder.modelId(language))) {
          throw InvalidInputException.in(dir.resolve(file))
              .key("encoder")
              .expected(
                  "the " + lang + " sentence encoder of this build, " + Embedder.modelId(language))
              .found(encoder)
              .hint("the model reads other vectors; retrain it (marketlens analyze)")
              .build();
        }
        Scorer scorer;
        try {
          scorer = Scorer.fromJson(json, language, saved::file);
        } catch (IllegalArgumentException e) {
          throw InvalidInputException.in(dir.resolve(file))
              .expected("a " + lang + " sentiment model")
              .found(String.valueOf(e.getMessage()))
              .build();
        }
        heads.put(
            language, new SentimentHead(language, encoder, json.path("dimension").asInt(), scorer));
      }
    } catch (RuntimeException e) {
      heads.values().forEach(SentimentHead::close);
      throw e;
    }
    if (heads.isEmpty()) {
      throw InvalidInputException.in(metaFile)
          .key("preprocessing")
          .expected("at least one language's model (en, zh)")
          .found("none")
          .build();
    }
    return new SentimentModel(heads, meta);
  }

  /** SHA-256 over the training rows (language, label, text), as the metadata's data hash. */
  static String trainingHash(List<String> lines) {
    try {
      java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
      for (String l : lines) {
        md.update(l.getBytes(StandardCharsets.UTF_8));
        md.update((byte) '\n');
      }
      return java.util.HexFormat.of().formatHex(md.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    heads.values().forEach(SentimentHead::close);
    synchronized (this) {
      if (ownEmbedder != null) ownEmbedder.close();
      ownEmbedder = null;
    }
  }
}
