package io.marketlens.core.project;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The keys each data section accepts: its column roles (required or optional) and its settings with
 * their value kinds. The single place to add a key when a capability needs one.
 */
final class SectionSchema {

  /** How a setting's value is checked. */
  enum Kind {
    STRING,
    POSITIVE_INT,
    STRING_LIST,
    STRING_MAP,
    FREQUENCY,
    SEGMENTS
  }

  /** Keys every section accepts, about reading its file. */
  static final Map<String, Kind> READ_KEYS = readKeys();

  static final Set<String> FREQUENCIES =
      Set.of("daily", "weekly", "monthly", "quarterly", "yearly");

  static final Map<String, SectionSchema> SECTIONS = sections();

  final List<String> requiredColumns;
  final List<String> optionalColumns;
  final Map<String, Kind> settings;

  private SectionSchema(List<String> required, List<String> optional, Map<String, Kind> settings) {
    this.requiredColumns = required;
    this.optionalColumns = optional;
    this.settings = settings;
  }

  private static Map<String, Kind> readKeys() {
    Map<String, Kind> m = new LinkedHashMap<>();
    m.put("path", Kind.STRING);
    m.put("format", Kind.STRING);
    m.put("delimiter", Kind.STRING);
    m.put("encoding", Kind.STRING);
    m.put("types", Kind.STRING_MAP);
    m.put("dateFormats", Kind.STRING_MAP);
    m.put("missing", Kind.STRING_LIST);
    return m;
  }

  private static Map<String, SectionSchema> sections() {
    Map<String, SectionSchema> m = new LinkedHashMap<>();
    m.put(
        "customers",
        new SectionSchema(List.of("id"), List.of("churn"), Map.of("segments", Kind.SEGMENTS)));
    m.put(
        "transactions",
        new SectionSchema(
            List.of("customer", "time", "quantity", "price"),
            List.of("invoice", "product"),
            Map.of("segments", Kind.SEGMENTS)));
    m.put(
        "reviews",
        new SectionSchema(
            List.of("text"), List.of("label", "rating", "product", "time", "customer"), Map.of()));
    m.put(
        "market",
        new SectionSchema(
            List.of("time", "value"),
            List.of("series"),
            Map.of("frequency", Kind.FREQUENCY, "horizon", Kind.POSITIVE_INT)));
    m.put(
        "competitors",
        new SectionSchema(
            List.of("name"),
            List.of("price", "claims"),
            Map.of("ours", Kind.STRING, "units", Kind.STRING_LIST)));
    m.put(
        "interactions",
        new SectionSchema(List.of("user", "item"), List.of("value", "time"), Map.of()));
    return m;
  }

  /** Every key this section accepts, for "did you mean". */
  List<String> allKeys() {
    List<String> keys = new java.util.ArrayList<>(READ_KEYS.keySet());
    keys.addAll(requiredColumns);
    keys.addAll(optionalColumns);
    keys.addAll(settings.keySet());
    return keys;
  }
}
