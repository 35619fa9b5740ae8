package io.marketlens.core.result;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The results document ({@code results.json}, DESIGN.md §4.3): a JSON tree whose first key is
 * {@code schemaVersion}. The pipeline fills it; the report renders from the same tree, so the
 * numbers in the report are the numbers in the file.
 */
public final class ResultsJson {

  /**
   * The version of the results format. Raise it when a key is removed or changes meaning; adding a
   * key keeps it. Documented in {@code docs/results-schema.json}.
   */
  public static final int SCHEMA_VERSION = 1;

  /** The mapper used for every JSON output: insertion order kept, indented, dates as ISO text. */
  public static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .findAndRegisterModules();

  private ResultsJson() {}

  /** A new document holding only {@code schemaVersion}, so that it stays first. */
  public static ObjectNode newDocument() {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("schemaVersion", SCHEMA_VERSION);
    return root;
  }

  public static String toJson(ObjectNode document) {
    try {
      return MAPPER.writeValueAsString(document) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("results are not serialisable", e);
    }
  }
}
