package io.marketlens.core.quality;

import io.marketlens.core.io.ReadReport;
import io.marketlens.core.table.Column;
import io.marketlens.core.table.Table;
import io.marketlens.core.validate.Checks;
import io.marketlens.core.validate.InvalidInputException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The entry point that summarises the data quality of a table as read: per column its type, missing
 * values, distinct values, examples, personal-data kind and warnings; for the table the reader's
 * warnings and duplicate or missing ids.
 *
 * <p>Column warnings: {@code "all values missing"}; {@code "95% missing"} (from 50% up); {@code
 * "constant column"} (one distinct value in more than one row); {@code "high cardinality id-like
 * column"} (at least 20 values, all distinct, integers or short codes without spaces; not given for
 * the declared id column).
 *
 * <p>Rows in messages are numbered as the reader numbers them: from 2 in CSV and TSV files (the
 * header is row 1), from 1 otherwise.
 *
 * <p>Thread-safe: it keeps no state.
 */
public final class QualitySummarizer {

  private static final int ID_LIKE_MIN_ROWS = 20;
  private static final double MOSTLY_MISSING_PERCENT = 50;

  private QualitySummarizer() {}

  /**
   * Summarises {@code table}.
   *
   * @param table the table, after personal data was pseudonymised (examples come from it)
   * @param report how the table was read, or null for a table built in code
   * @param fileLabel the file name as the user gave it
   * @param idColumn the column holding row ids, checked for duplicates; null when there is none
   * @param piiByColumn the kind of personal data per column ("email", ...); may be empty
   * @throws InvalidInputException when {@code idColumn} is not a column of the table
   * @throws IllegalArgumentException when {@code piiByColumn} names an unknown column
   */
  public static TableQuality summarize(
      Table table,
      ReadReport report,
      String fileLabel,
      String idColumn,
      Map<String, String> piiByColumn) {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(fileLabel, "fileLabel");
    Map<String, String> pii = piiByColumn == null ? Map.of() : piiByColumn;
    for (String name : pii.keySet()) {
      Checks.requireArgument(table.hasColumn(name), "piiByColumn names '%s', not a column", name);
    }
    Column id = idColumn == null ? null : table.column(idColumn);
    List<ColumnQuality> columns = new ArrayList<>();
    for (Column c : table.columns()) {
      columns.add(summarize(ColumnProfile.of(c), c == id, pii.get(c.name())));
    }
    List<String> warnings = new ArrayList<>(report == null ? List.of() : report.warnings());
    long duplicates = id == null ? 0 : checkIds(id, firstRow(report), warnings);
    return new TableQuality(
        table.name(),
        fileLabel,
        describe(report),
        report == null ? null : report.sha256(),
        table.rowCount(),
        table.columns().size(),
        duplicates,
        columns,
        warnings);
  }

  private static ColumnQuality summarize(ColumnProfile p, boolean isId, String pii) {
    double percent = p.rows == 0 ? 0 : Math.round(10_000.0 * p.missing / p.rows) / 100.0;
    List<String> warnings = new ArrayList<>();
    if (p.rows > 0 && p.missing == p.rows) {
      warnings.add("all values missing");
    } else if (percent >= MOSTLY_MISSING_PERCENT) {
      warnings.add(String.format(Locale.ROOT, "%.0f%% missing", Math.floor(percent)));
    }
    if (p.distinct == 1 && p.present() > 1) warnings.add("constant column");
    if (!isId && p.codeLike && p.present() >= ID_LIKE_MIN_ROWS && p.distinct == p.present()) {
      warnings.add("high cardinality id-like column");
    }
    return new ColumnQuality(
        p.column.name(),
        p.column.type().id(),
        p.missing,
        percent,
        p.distinct,
        p.examples,
        pii,
        warnings);
  }

  /** Adds warnings for missing and repeated ids; returns the number of rows repeating an id. */
  private static long checkIds(Column id, int firstRow, List<String> warnings) {
    Map<String, Integer> seen = new HashMap<>();
    long duplicates = 0;
    int firstDuplicate = -1;
    long missing = 0;
    int firstMissing = -1;
    for (int i = 0; i < id.size(); i++) {
      if (id.isMissing(i)) {
        if (missing++ == 0) firstMissing = i;
      } else if (seen.putIfAbsent(id.getString(i), i) != null) {
        if (duplicates++ == 0) firstDuplicate = i;
      }
    }
    if (duplicates > 0) {
      warnings.add(
          String.format(
              Locale.ROOT,
              "%s: %d duplicate ids, first at row %d",
              id.name(),
              duplicates,
              firstDuplicate + firstRow));
    }
    if (missing > 0) {
      warnings.add(
          String.format(
              Locale.ROOT,
              "%s: %d missing ids, first at row %d",
              id.name(),
              missing,
              firstMissing + firstRow));
    }
    return duplicates;
  }

  private static int firstRow(ReadReport report) {
    return report != null && ("csv".equals(report.format()) || "tsv".equals(report.format()))
        ? 2
        : 1;
  }

  /** E.g. "csv (gzip), UTF-8, ','" or "parquet". */
  private static String describe(ReadReport report) {
    if (report == null) return null;
    StringBuilder s = new StringBuilder(report.format());
    if (report.compressed() != null) s.append(" (").append(report.compressed()).append(')');
    if (report.encoding() != null) s.append(", ").append(report.encoding());
    if (report.delimiter() != null) {
      String d = report.delimiter().equals("\t") ? "\\t" : report.delimiter();
      s.append(", '").append(d).append('\'');
    }
    return s.toString();
  }
}
