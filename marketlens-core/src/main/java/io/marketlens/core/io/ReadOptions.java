package io.marketlens.core.io;

import io.marketlens.core.table.ColumnType;
import java.nio.charset.Charset;
import java.util.Map;
import java.util.Set;

/**
 * How to read one input file. Every field has an "automatic" value: null format, delimiter and
 * encoding are detected, empty overrides mean all types are inferred.
 *
 * @param format "csv", "tsv", "parquet", "jsonl", or null to decide from the file name and content
 * @param delimiter the field separator for CSV, or null to sniff it
 * @param encoding the text encoding, or null to detect it (UTF-8, UTF-8 with BOM, GB18030, Latin-1)
 * @param types per-column type overrides; a value that does not parse is an error naming its row
 * @param dateFormats per-column date patterns ({@link java.time.format.DateTimeFormatter} syntax)
 * @param missingTokens values read as missing, compared after trimming; a blank value is always
 *     missing
 * @param maxRecordChars the longest record accepted, to stop a runaway quote or a binary file early
 */
public record ReadOptions(
    String format,
    Character delimiter,
    Charset encoding,
    Map<String, ColumnType> types,
    Map<String, String> dateFormats,
    Set<String> missingTokens,
    int maxRecordChars) {

  /** The tokens read as missing by default (blank values are always missing). */
  public static final Set<String> DEFAULT_MISSING =
      Set.of("NA", "N/A", "NULL", "null", "NaN", "nan");

  public static final int DEFAULT_MAX_RECORD_CHARS = 1_000_000;

  public ReadOptions {
    types = types == null ? Map.of() : Map.copyOf(types);
    dateFormats = dateFormats == null ? Map.of() : Map.copyOf(dateFormats);
    missingTokens = missingTokens == null ? DEFAULT_MISSING : Set.copyOf(missingTokens);
    if (maxRecordChars <= 0) maxRecordChars = DEFAULT_MAX_RECORD_CHARS;
  }

  /** Everything detected and inferred. */
  public static ReadOptions defaults() {
    return new ReadOptions(null, null, null, Map.of(), Map.of(), DEFAULT_MISSING, 0);
  }
}
