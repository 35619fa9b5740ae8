package io.marketlens.core.project;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.marketlens.core.io.ReadOptions;
import io.marketlens.core.table.ColumnType;
import io.marketlens.core.validate.Checks;
import io.marketlens.core.validate.InvalidInputException;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads and validates {@code marketlens.yaml}. Every mistake becomes an {@link
 * InvalidInputException} that names the file, the key path ({@code data.customers.churn}) and, for
 * unknown names, the closest valid one.
 */
public final class ProjectFileLoader {

  static final List<String> TOP_LEVEL_KEYS =
      List.of("project", "language", "seed", "privacy", "positioning", "data");
  static final List<String> PRIVACY_KEYS = List.of("enabled", "secretFile", "columns");
  static final List<String> LANGUAGES = List.of("auto", "en", "zh");
  static final List<String> FORMATS = List.of("csv", "tsv", "parquet", "jsonl");

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory()).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private final Path file;

  private ProjectFileLoader(Path file) {
    this.file = file;
  }

  /**
   * Loads and validates the project file; data files must exist and be readable, their columns are
   * checked later, when the tables are read ({@link DataSection#checkColumns}).
   */
  public static ProjectFile load(Path file) {
    return new ProjectFileLoader(file).load();
  }

  private ProjectFile load() {
    checkReadableFile(file, null);
    JsonNode root = parse();
    if (root == null || root.isNull() || root.isMissingNode()) {
      throw error(null)
          .expected("a YAML mapping with at least a 'data' section")
          .found("an empty file")
          .build();
    }
    requireObject(root, "");
    checkKeys(root, "", TOP_LEVEL_KEYS);
    String project = optString(root, "project", "project", "Untitled project");
    String language = optString(root, "language", "language", "auto");
    if (!LANGUAGES.contains(language)) {
      throw error("language")
          .expected("one of " + LANGUAGES)
          .found(language)
          .hint(Checks.suggestion(language, LANGUAGES))
          .build();
    }
    long seed = 42;
    if (root.has("seed")) {
      JsonNode s = root.get("seed");
      if (!s.canConvertToLong() || !s.isIntegralNumber()) {
        throw error("seed").expected("an integer").found(s.asText()).build();
      }
      seed = s.asLong();
    }
    PrivacySettings privacy = privacy(root.get("privacy"));
    Map<String, DataSection> data = new LinkedHashMap<>();
    JsonNode dataNode = root.get("data");
    if (dataNode == null || dataNode.isNull() || dataNode.isEmpty()) {
      throw error("data")
          .expected(
              "at least one data section ("
                  + String.join(", ", SectionSchema.SECTIONS.keySet())
                  + ")")
          .found("none")
          .build();
    }
    requireObject(dataNode, "data");
    checkKeys(dataNode, "data", new ArrayList<>(SectionSchema.SECTIONS.keySet()));
    for (Iterator<String> it = dataNode.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      data.put(name, section(name, dataNode.get(name)));
    }
    PositioningSettings positioning = positioning(root.get("positioning"));
    return new ProjectFile(file, project, language, seed, privacy, positioning, data);
  }

  private JsonNode parse() {
    try {
      return YAML.readTree(Files.newBufferedReader(file));
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      String where =
          loc == null
              ? null
              : String.format(
                  Locale.ROOT, "line %d, column %d", loc.getLineNr(), loc.getColumnNr());
      throw error(null)
          .expected("valid YAML")
          .found(e.getOriginalMessage().lines().findFirst().orElse("syntax error"))
          .hint(where)
          .build();
    } catch (IOException e) {
      throw error(null).expected("a readable UTF-8 YAML file").found(e.getMessage()).build();
    }
  }

  private PrivacySettings privacy(JsonNode node) {
    Path secret = baseDir().resolve(".marketlens").resolve("secret");
    if (node == null || node.isNull()) return new PrivacySettings(true, secret, Map.of());
    requireObject(node, "privacy");
    checkKeys(node, "privacy", PRIVACY_KEYS);
    boolean enabled = true;
    if (node.has("enabled")) {
      if (!node.get("enabled").isBoolean()) {
        throw error("privacy.enabled")
            .expected("true or false")
            .found(node.get("enabled").asText())
            .build();
      }
      enabled = node.get("enabled").asBoolean();
    }
    if (node.has("secretFile"))
      secret = baseDir().resolve(optString(node, "secretFile", "privacy.secretFile", null));
    Map<String, String> columns = stringMap(node.get("columns"), "privacy.columns");
    List<String> choices = List.of("auto", "off", "email", "phone", "name", "cn_id");
    for (Map.Entry<String, String> e : columns.entrySet()) {
      if (!choices.contains(e.getValue())) {
        throw error("privacy.columns." + e.getKey())
            .expected("one of " + choices)
            .found(e.getValue())
            .hint(Checks.suggestion(e.getValue(), choices))
            .build();
      }
    }
    return new PrivacySettings(enabled, secret, columns);
  }

  private PositioningSettings positioning(JsonNode node) {
    PositioningSettings d = PositioningSettings.defaults();
    if (node == null || node.isNull()) return d;
    requireObject(node, "positioning");
    checkKeys(node, "positioning", List.of("category", "options", "weights"));
    String category = optString(node, "category", "positioning.category", d.category());
    int options = d.options();
    if (node.has("options")) {
      JsonNode o = node.get("options");
      if (!o.isIntegralNumber() || o.asInt() < 1 || o.asInt() > 20) {
        throw error("positioning.options")
            .expected("a whole number from 1 to 20")
            .found(o.asText())
            .build();
      }
      options = o.asInt();
    }
    Map<String, Double> weights = new LinkedHashMap<>(d.weights());
    JsonNode w = node.get("weights");
    if (w != null && !w.isNull()) {
      requireObject(w, "positioning.weights");
      List<String> valid = new ArrayList<>(d.weights().keySet());
      checkKeys(w, "positioning.weights", valid);
      for (Iterator<Map.Entry<String, JsonNode>> it = w.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getValue().isNumber() || e.getValue().asDouble() < 0) {
          throw error("positioning.weights." + e.getKey())
              .expected("a number ≥ 0")
              .found(e.getValue().asText())
              .build();
        }
        weights.put(e.getKey(), e.getValue().asDouble());
      }
      if (weights.values().stream().mapToDouble(Double::doubleValue).sum() <= 0) {
        throw error("positioning.weights")
            .expected("at least one weight above 0")
            .found("all 0")
            .build();
      }
    }
    return new PositioningSettings(category, options, weights);
  }

  private DataSection section(String name, JsonNode node) {
    String at = "data." + name;
    if (node == null || node.isNull())
      throw error(at).expected("a mapping with at least 'path'").found("nothing").build();
    requireObject(node, at);
    SectionSchema schema = SectionSchema.SECTIONS.get(name);
    checkKeys(node, at, schema.allKeys());
    if (!node.has("path"))
      throw error(at + ".path")
          .expected("the path of the " + name + " data file")
          .found("no 'path'")
          .build();
    Path path = baseDir().resolve(optString(node, "path", at + ".path", null)).normalize();
    checkReadableFile(path, at + ".path");
    for (String role : schema.requiredColumns) {
      if (!node.has(role)) {
        throw error(at + "." + role)
            .expected("the name of the " + role + " column (required for " + name + ")")
            .found("no '" + role + "'")
            .build();
      }
    }
    Map<String, String> columns = new LinkedHashMap<>();
    for (String role : concat(schema.requiredColumns, schema.optionalColumns)) {
      if (node.has(role)) columns.put(role, optString(node, role, at + "." + role, null));
    }
    Map<String, Object> settings = new LinkedHashMap<>();
    for (Map.Entry<String, SectionSchema.Kind> s : schema.settings.entrySet()) {
      if (node.has(s.getKey()))
        settings.put(
            s.getKey(), setting(node.get(s.getKey()), at + "." + s.getKey(), s.getValue()));
    }
    return new DataSection(name, path, readOptions(node, at), columns, settings, file);
  }

  private ReadOptions readOptions(JsonNode node, String at) {
    String format = optString(node, "format", at + ".format", null);
    if (format != null && !FORMATS.contains(format)) {
      throw error(at + ".format")
          .expected("one of " + FORMATS)
          .found(format)
          .hint(Checks.suggestion(format, FORMATS))
          .build();
    }
    Character delimiter = null;
    String d = optString(node, "delimiter", at + ".delimiter", null);
    if (d != null) {
      if (d.equals("\\t") || d.equalsIgnoreCase("tab")) d = "\t";
      if (d.length() != 1)
        throw error(at + ".delimiter").expected("one character, or 'tab'").found(d).build();
      delimiter = d.charAt(0);
    }
    Charset encoding = null;
    String enc = optString(node, "encoding", at + ".encoding", null);
    if (enc != null && !enc.equalsIgnoreCase("auto")) {
      try {
        encoding = Charset.forName(enc.equalsIgnoreCase("latin-1") ? "ISO-8859-1" : enc);
      } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
        throw error(at + ".encoding")
            .expected("an encoding such as utf-8, gb18030, gbk or latin-1")
            .found(enc)
            .build();
      }
    }
    Map<String, ColumnType> types = new LinkedHashMap<>();
    List<String> typeIds = Arrays.stream(ColumnType.values()).map(ColumnType::id).toList();
    for (Map.Entry<String, String> e : stringMap(node.get("types"), at + ".types").entrySet()) {
      String t = e.getValue().toLowerCase(Locale.ROOT);
      if (!typeIds.contains(t)) {
        throw error(at + ".types." + e.getKey())
            .expected("one of " + typeIds)
            .found(e.getValue())
            .hint(Checks.suggestion(t, typeIds))
            .build();
      }
      types.put(e.getKey(), ColumnType.valueOf(t.toUpperCase(Locale.ROOT)));
    }
    Map<String, String> dateFormats = stringMap(node.get("dateFormats"), at + ".dateFormats");
    Set<String> missing = new HashSet<>(ReadOptions.DEFAULT_MISSING);
    missing.addAll(stringList(node.get("missing"), at + ".missing"));
    return new ReadOptions(format, delimiter, encoding, types, dateFormats, missing, 0);
  }

  private Object setting(JsonNode v, String at, SectionSchema.Kind kind) {
    switch (kind) {
      case STRING:
        if (!v.isValueNode()) throw error(at).expected("a text value").found(v.toString()).build();
        return v.asText();
      case POSITIVE_INT:
        if (!v.isIntegralNumber() || v.asLong() < 1 || v.asLong() > 100_000) {
          throw error(at).expected("a whole number of at least 1").found(v.asText()).build();
        }
        return v.asInt();
      case STRING_LIST:
        return stringList(v, at);
      case STRING_MAP:
        return stringMap(v, at);
      case FREQUENCY:
        String f = v.asText().toLowerCase(Locale.ROOT);
        if (!SectionSchema.FREQUENCIES.contains(f)) {
          List<String> valid = SectionSchema.FREQUENCIES.stream().sorted().toList();
          throw error(at)
              .expected("one of " + valid)
              .found(v.asText())
              .hint(Checks.suggestion(f, valid))
              .build();
        }
        return f;
      case SEGMENTS:
        return segments(v, at);
      default:
        throw new AssertionError(kind);
    }
  }

  /** A section's {@code segments} mapping: method and, for HDBSCAN, its parameters. */
  private SegmentSettings segments(JsonNode v, String at) {
    if (!v.isObject()) {
      throw error(at)
          .expected("a mapping such as { method: hdbscan, minClusterSize: 50 }")
          .found(v.toString())
          .build();
    }
    checkKeys(v, at, SegmentSettings.KEYS);
    SegmentSettings d = SegmentSettings.defaults();
    String method = choice(v, "method", at, SegmentSettings.METHODS, d.method());
    String selection = choice(v, "selection", at, SegmentSettings.SELECTIONS, d.selection());
    int minClusterSize = wholeNumber(v, "minClusterSize", at, 2);
    int minSamples = wholeNumber(v, "minSamples", at, 1);
    if (!method.equals("hdbscan")) {
      for (String key : List.of("minClusterSize", "minSamples", "selection")) {
        if (v.has(key)) {
          throw error(at + "." + key)
              .expected("a setting of method hdbscan only")
              .found("method " + method)
              .hint("add 'method: hdbscan' or remove '" + key + "'")
              .build();
        }
      }
    }
    return new SegmentSettings(method, minClusterSize, minSamples, selection);
  }

  private String choice(JsonNode node, String key, String at, List<String> valid, String fallback) {
    String v = optString(node, key, at + "." + key, null);
    if (v == null) return fallback;
    String lower = v.toLowerCase(Locale.ROOT);
    if (!valid.contains(lower)) {
      throw error(at + "." + key)
          .expected("one of " + valid)
          .found(v)
          .hint(Checks.suggestion(lower, valid))
          .build();
    }
    return lower;
  }

  /** An optional whole number of at least {@code min} (at most 10,000,000), 0 when absent. */
  private int wholeNumber(JsonNode node, String key, String at, int min) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) return 0;
    if (!v.isIntegralNumber() || v.asLong() < min || v.asLong() > 10_000_000) {
      throw error(at + "." + key)
          .expected("a whole number of at least " + min)
          .found(v.asText())
          .build();
    }
    return v.asInt();
  }

  private void checkKeys(JsonNode node, String at, List<String> valid) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!valid.contains(key)) {
        throw error(at.isEmpty() ? key : at + "." + key)
            .expected("a known key")
            .found(key)
            .hint(Checks.suggestion(key, valid))
            .build();
      }
    }
  }

  private void requireObject(JsonNode node, String at) {
    if (!node.isObject()) {
      throw error(at.isEmpty() ? null : at)
          .expected("a mapping of keys to values")
          .found(node.toString())
          .build();
    }
  }

  private String optString(JsonNode node, String key, String at, String fallback) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) return fallback;
    if (!v.isValueNode()) throw error(at).expected("a text value").found(v.toString()).build();
    return v.asText();
  }

  private Map<String, String> stringMap(JsonNode v, String at) {
    Map<String, String> m = new LinkedHashMap<>();
    if (v == null || v.isNull()) return m;
    if (!v.isObject())
      throw error(at).expected("a mapping such as { column: value }").found(v.toString()).build();
    for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().isValueNode())
        throw error(at + "." + e.getKey())
            .expected("a text value")
            .found(e.getValue().toString())
            .build();
      m.put(e.getKey(), e.getValue().asText());
    }
    return m;
  }

  private List<String> stringList(JsonNode v, String at) {
    List<String> out = new ArrayList<>();
    if (v == null || v.isNull()) return out;
    if (v.isValueNode()) {
      out.add(v.asText());
      return out;
    }
    if (!v.isArray())
      throw error(at).expected("a list such as [\"?\", \"-\"]").found(v.toString()).build();
    for (JsonNode e : v) {
      if (!e.isValueNode())
        throw error(at).expected("a list of text values").found(e.toString()).build();
      out.add(e.asText());
    }
    return out;
  }

  private void checkReadableFile(Path p, String key) {
    InvalidInputException.Builder b = InvalidInputException.in(key == null ? p : file).key(key);
    if (!Files.exists(p)) {
      b.expected("an existing file").found(p.toString());
      String near = nearbyName(p);
      if (near != null) b.hint(near);
      throw b.build();
    }
    if (Files.isDirectory(p)) throw b.expected("a file").found(p + " (a directory)").build();
    if (!Files.isReadable(p))
      throw b.expected("a readable file").found(p + " (permission denied)").build();
  }

  private static String nearbyName(Path p) {
    Path dir = p.toAbsolutePath().getParent();
    if (dir == null || !Files.isDirectory(dir)) return null;
    try (Stream<Path> s = Files.list(dir)) {
      List<String> names = s.map(x -> x.getFileName().toString()).toList();
      String c = Checks.closest(p.getFileName().toString(), names);
      return c == null ? null : "did you mean '" + c + "'?";
    } catch (IOException e) {
      return null;
    }
  }

  private Path baseDir() {
    Path parent = file.toAbsolutePath().getParent();
    return parent == null ? Path.of(".") : parent;
  }

  private InvalidInputException.Builder error(String key) {
    return InvalidInputException.in(file).key(key);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
