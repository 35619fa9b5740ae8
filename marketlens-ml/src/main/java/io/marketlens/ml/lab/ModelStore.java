package io.marketlens.ml.lab;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.marketlens.core.output.AtomicOutput;
import io.marketlens.core.validate.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Saves and loads models as directories: {@code metadata.json} ({@code schemaVersion} first),
 * {@code weights.params} (DJL's parameter format) and any extra files a family needs. A model
 * directory is written to a temporary sibling and renamed into place, so a crash never leaves half
 * a model.
 */
public final class ModelStore {

  /** The metadata format this build writes and the newest it reads. */
  public static final int SCHEMA_VERSION = 1;

  /** The metadata file name. */
  public static final String METADATA = "metadata.json";

  /** The weights file name. */
  public static final String WEIGHTS = "weights.params";

  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ModelStore() {}

  /**
   * Writes a model directory atomically.
   *
   * @param dir the model directory (replaced if it exists)
   * @param metadata the metadata
   * @param block the trained block, or null for a model without DJL weights
   * @param extras more files by name (e.g. a vocabulary), or an empty map
   */
  public static void save(
      Path dir, ModelMetadata metadata, Block block, Map<String, byte[]> extras) {
    if (metadata.schemaVersion() != SCHEMA_VERSION) {
      throw new IllegalArgumentException("metadata must carry schemaVersion " + SCHEMA_VERSION);
    }
    try (AtomicOutput.Staged staged = AtomicOutput.stageDirectory(dir)) {
      Files.write(staged.dir().resolve(METADATA), JSON.writeValueAsBytes(metadata));
      if (block != null) Files.write(staged.dir().resolve(WEIGHTS), Trainer.saveParams(block));
      for (Map.Entry<String, byte[]> e : extras.entrySet()) {
        Files.write(staged.dir().resolve(e.getKey()), e.getValue());
      }
      staged.commit();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the model " + dir, e);
    }
  }

  /**
   * Reads and checks a model directory's metadata.
   *
   * @throws InvalidInputException when {@code dir} is not a model directory, or was written by a
   *     newer Marketlens
   */
  public static SavedModel load(Path dir) {
    Path meta = dir.resolve(METADATA);
    if (!Files.isRegularFile(meta)) {
      throw InvalidInputException.in(dir)
          .expected("a model directory holding " + METADATA)
          .found(Files.isDirectory(dir) ? "a directory without " + METADATA : "nothing there")
          .hint("train one with: marketlens train ... --out " + dir)
          .build();
    }
    JsonNode tree;
    try {
      tree = JSON.readTree(meta.toFile());
    } catch (IOException e) {
      throw InvalidInputException.in(meta)
          .expected("JSON model metadata")
          .found("unreadable JSON (" + e.getMessage().lines().findFirst().orElse("") + ")")
          .build();
    }
    JsonNode version = tree.get("schemaVersion");
    if (version == null || !version.canConvertToInt()) {
      throw InvalidInputException.in(meta)
          .key("schemaVersion")
          .expected("an integer metadata version")
          .found(version == null ? "none" : version.toString())
          .build();
    }
    if (version.asInt() > SCHEMA_VERSION || version.asInt() < 1) {
      throw InvalidInputException.in(meta)
          .key("schemaVersion")
          .expected("a model format this Marketlens reads (1 to " + SCHEMA_VERSION + ")")
          .found(
              version.asText()
                  + (version.asInt() > SCHEMA_VERSION ? ", written by a newer Marketlens" : ""))
          .hint(
              version.asInt() > SCHEMA_VERSION
                  ? "upgrade Marketlens, or retrain the model with this version"
                  : null)
          .build();
    }
    try {
      return new SavedModel(dir, JSON.treeToValue(tree, ModelMetadata.class));
    } catch (JsonProcessingException e) {
      throw InvalidInputException.in(meta)
          .expected("model metadata of schemaVersion " + version.asInt())
          .found(e.getOriginalMessage())
          .build();
    }
  }

  /** Converts one of the metadata's free-form maps into {@code type} (a record of the family). */
  public static <T> T convert(Object value, Class<T> type) {
    return JSON.convertValue(value, type);
  }

  /** A free-form JSON value (map, list, number, string) of {@code value}, for the metadata maps. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> toMap(Object value) {
    return JSON.convertValue(value, Map.class);
  }

  /** {@code value} as indented JSON, numbers written so that they read back to the same double. */
  public static byte[] json(Object value) {
    try {
      return JSON.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Reads {@code file} of a model directory as JSON into {@code type}.
   *
   * @throws InvalidInputException when it is missing, unreadable or not of that shape
   */
  public static <T> T readJson(Path file, Class<T> type) {
    try {
      return JSON.readValue(file.toFile(), type);
    } catch (IOException e) {
      throw InvalidInputException.in(file)
          .expected("the model file " + file.getFileName())
          .found(
              Files.isRegularFile(file)
                  ? "unreadable or malformed JSON ("
                      + String.valueOf(e.getMessage()).lines().findFirst().orElse("")
                      + ")"
                  : "no such file")
          .build();
    }
  }

  /**
   * SHA-256 of a file's bytes, or of a folder's files in name order (names and contents), as hex.
   */
  public static String sha256(Path path) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      if (Files.isDirectory(path)) {
        List<Path> files;
        try (Stream<Path> s = Files.walk(path)) {
          files = s.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
          md.update(
              path.relativize(f).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
          digest(md, f);
        }
      } else {
        digest(md, path);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  private static void digest(MessageDigest md, Path f) throws IOException {
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(f)) {
      for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
    }
  }

  /**
   * A model directory whose metadata has been read and checked.
   *
   * @param dir the directory
   * @param metadata its metadata
   */
  public record SavedModel(Path dir, ModelMetadata metadata) {

    /** Loads {@code weights.params} into {@code block} (built from the metadata). */
    public void loadWeights(Block block, NDManager manager) {
      try {
        Trainer.loadParams(block, manager, Files.readAllBytes(dir.resolve(WEIGHTS)));
      } catch (IOException e) {
        throw InvalidInputException.in(dir.resolve(WEIGHTS))
            .expected("the model's weights")
            .found("an unreadable file (" + e.getMessage() + ")")
            .build();
      } catch (IllegalStateException e) {
        throw InvalidInputException.in(dir.resolve(WEIGHTS))
            .expected("weights matching metadata.json (" + metadata.architecture() + ")")
            .found(e.getMessage())
            .build();
      }
    }

    /** An extra file of the model. */
    public byte[] file(String name) {
      try {
        return Files.readAllBytes(dir.resolve(name));
      } catch (IOException e) {
        throw InvalidInputException.in(dir.resolve(name))
            .expected("the model file " + name)
            .found("missing or unreadable")
            .build();
      }
    }
  }
}
