package io.marketlens.core.table;

import io.marketlens.core.validate.Checks;
import io.marketlens.core.validate.InvalidInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable, column-oriented table read from one input file. Every column has the same number of
 * rows. Thread-safe.
 *
 * @param name the table's role in the project ("customers", "reviews", ...)
 * @param source the file it was read from (for messages), or null
 * @param columns the columns in file order
 * @param rowCount the number of data rows (the header is not counted)
 */
public record Table(String name, Path source, List<Column> columns, int rowCount) {

  public Table {
    columns = List.copyOf(columns);
    for (Column c : columns) {
      if (c.size() != rowCount) {
        throw new IllegalArgumentException(
            "column '" + c.name() + "' has " + c.size() + " rows, table has " + rowCount);
      }
    }
  }

  public static Table of(String name, Path source, List<Column> columns) {
    return new Table(name, source, columns, columns.isEmpty() ? 0 : columns.get(0).size());
  }

  public List<String> columnNames() {
    List<String> names = new ArrayList<>(columns.size());
    for (Column c : columns) names.add(c.name());
    return names;
  }

  public boolean hasColumn(String columnName) {
    return find(columnName) != null;
  }

  /**
   * The column called {@code columnName}.
   *
   * @throws InvalidInputException naming the file and the closest existing column when absent
   */
  public Column column(String columnName) {
    Column c = find(columnName);
    if (c == null) {
      throw InvalidInputException.in(source)
          .column(columnName)
          .expected("a column named '" + columnName + "'")
          .found("no such column")
          .hint(Checks.suggestion(columnName, columnNames()))
          .build();
    }
    return c;
  }

  /** A table with {@code replacement} in place of the column of the same name. */
  public Table withColumn(Column replacement) {
    List<Column> out = new ArrayList<>(columns);
    boolean replaced = false;
    for (int i = 0; i < out.size(); i++) {
      if (out.get(i).name().equals(replacement.name())) {
        out.set(i, replacement);
        replaced = true;
      }
    }
    if (!replaced) out.add(replacement);
    return new Table(name, source, out, rowCount);
  }

  /** Columns by name, in file order. */
  public Map<String, Column> byName() {
    Map<String, Column> m = new LinkedHashMap<>();
    for (Column c : columns) m.put(c.name(), c);
    return m;
  }

  private Column find(String columnName) {
    for (Column c : columns) if (c.name().equals(columnName)) return c;
    return null;
  }
}
