package io.marketlens.core.io;

import io.marketlens.core.table.Column;
import io.marketlens.core.table.Table;
import io.marketlens.core.validate.Checks;
import io.marketlens.core.validate.InvalidInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Builds a {@link Table} from tokenized columns: checks that the type and date-format overrides
 * name existing columns, then converts the columns in parallel on the common fork-join pool. When
 * several columns fail, the error reported is the one with the lowest row (then the leftmost
 * column), so the message does not depend on thread timing.
 */
final class ColumnsBuilder {

  private final Path file;
  private final ReadOptions options;
  private final RowNumbers rows;
  private final List<String> warnings = new ArrayList<>();

  ColumnsBuilder(Path file, ReadOptions options, RowNumbers rows) {
    this.file = file;
    this.options = options;
    this.rows = rows;
  }

  /** Converts {@code raw} (released as it goes) into the columns of a table. */
  Table build(String tableName, List<String> names, CharColumn[] raw, int rowCount) {
    checkOverrides(file, options, names);
    Converted[] results = new Converted[names.size()];
    IntStream.range(0, results.length)
        .parallel()
        .forEach(
            k -> {
              try {
                results[k] = convert(names.get(k), raw[k]);
              } catch (RuntimeException e) {
                results[k] = new Converted(null, List.of(), e);
              } finally {
                raw[k] = null;
              }
            });
    rethrowFirst(results);
    List<Column> columns = new ArrayList<>(results.length);
    for (Converted r : results) {
      columns.add(r.column);
      warnings.addAll(r.warnings);
    }
    return new Table(tableName, file, columns, rowCount);
  }

  private Converted convert(String name, CharColumn raw) {
    Cells cells = new Cells(raw, name, options.missingTokens(), rows);
    Column column =
        new ColumnConverter(cells)
            .convert(options.types().get(name), options.dateFormats().get(name));
    return new Converted(column, cells.warnings(), null);
  }

  List<String> warnings() {
    return warnings;
  }

  /** Fails when {@code types} or {@code dateFormats} name a column that is not in {@code names}. */
  static void checkOverrides(Path file, ReadOptions options, List<String> names) {
    checkOverrides(file, "types", options.types(), names);
    checkOverrides(file, "dateFormats", options.dateFormats(), names);
  }

  private static void checkOverrides(
      Path file, String key, Map<String, ?> overrides, List<String> names) {
    for (String column : overrides.keySet()) {
      if (names.contains(column)) continue;
      throw InvalidInputException.in(file)
          .key(key + "." + column)
          .expected("a column of this file")
          .found(column)
          .hint(Checks.suggestion(column, names))
          .build();
    }
  }

  private static void rethrowFirst(Converted[] results) {
    RuntimeException first = null;
    long firstRow = Long.MAX_VALUE;
    for (Converted r : results) {
      RuntimeException e = r.error;
      if (e == null) continue;
      long row = e instanceof InvalidInputException ? ((InvalidInputException) e).row() : -1;
      if (first == null || row < firstRow) {
        first = e;
        firstRow = row;
      }
    }
    if (first != null) throw first;
  }

  /** One column's outcome: the column and its warnings, or the error that stopped it. */
  private record Converted(Column column, List<String> warnings, RuntimeException error) {}
}
