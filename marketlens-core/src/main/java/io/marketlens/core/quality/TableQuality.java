package io.marketlens.core.quality;

import java.util.List;

/**
 * The data-quality summary of one input table.
 *
 * @param table the table's role ("customers", "reviews", ...)
 * @param file the file name as given in the project file
 * @param format the detected format, encoding and delimiter, e.g. "csv, UTF-8, ','"
 * @param sha256 the file's content hash
 * @param rows data rows
 * @param columns number of columns
 * @param duplicateIds the number of rows whose id repeats an earlier row's (0 when no id column)
 * @param columnSummaries one entry per column, in file order
 * @param warnings warnings about the table as a whole (and the reader's warnings)
 */
public record TableQuality(
    String table,
    String file,
    String format,
    String sha256,
    long rows,
    int columns,
    long duplicateIds,
    List<ColumnQuality> columnSummaries,
    List<String> warnings) {

  public TableQuality {
    columnSummaries = List.copyOf(columnSummaries);
    warnings = List.copyOf(warnings);
  }
}
