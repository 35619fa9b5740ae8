package io.marketlens.core.io;

import java.util.List;

/**
 * What a reader found out about a file while reading it: the detected format, delimiter and
 * encoding, its size and content hash, and warnings that did not stop the read.
 *
 * @param format "csv", "tsv", "parquet" or "jsonl"
 * @param delimiter the delimiter used (CSV/TSV), or null
 * @param encoding the charset name used for text formats, or null
 * @param compressed "gzip" when the file was gzip-compressed, else null
 * @param bytes the size of the file on disk
 * @param sha256 hex SHA-256 of the file's bytes on disk (for provenance in results.json)
 * @param warnings human-readable warnings, each naming row/column where that applies
 */
public record ReadReport(
    String format,
    String delimiter,
    String encoding,
    String compressed,
    long bytes,
    String sha256,
    List<String> warnings) {

  public ReadReport {
    warnings = List.copyOf(warnings);
  }
}
