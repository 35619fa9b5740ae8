package io.marketlens.core.io;

import io.marketlens.core.progress.Progress;
import io.marketlens.core.table.Column;
import io.marketlens.core.table.ColumnType;
import io.marketlens.core.table.Table;
import io.marketlens.core.validate.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * Reads a Parquet file through an in-memory DuckDB ({@code read_parquet}). Parquet types map to
 * column types: integers to INTEGER, floating point and decimals to DECIMAL (non-finite values are
 * an error), BOOLEAN, DATE, timestamps (with or without zone, as UTC) to DATETIME, ENUM to
 * CATEGORICAL, and strings and any other type (as text) to CATEGORICAL or TEXT by the same rule as
 * CSV. A column named in {@code types} is read as text and converted like a CSV column. Rows are
 * numbered from 1.
 */
final class ParquetReader {

  private enum Kind {
    INTEGER,
    DECIMAL,
    BOOLEAN,
    DATE,
    DATETIME,
    ENUM,
    STRING,
    OVERRIDE
  }

  private final Path file;
  private final ReadOptions options;

  private ParquetReader(Path file, ReadOptions options) {
    this.file = file;
    this.options = options;
  }

  static ReadResult read(String tableName, Path file, ReadOptions options, Progress.Step step)
      throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      if (InputFile.isGzip(in.readNBytes(2))) {
        throw InvalidInputException.in(file)
            .expected("a Parquet file")
            .found("a gzip-compressed file")
            .hint("Parquet compresses internally; decompress the file first")
            .build();
      }
    }
    String sha256 = InputFile.sha256(file, step);
    ParquetReader reader = new ParquetReader(file, options);
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
      Table table = reader.table(tableName, db);
      ReadReport report =
          new ReadReport("parquet", null, null, null, Files.size(file), sha256, List.of());
      return new ReadResult(table, report);
    } catch (SQLException e) {
      throw InvalidInputException.in(file)
          .expected("a valid Parquet file")
          .found(e.getMessage().lines().findFirst().orElse("unreadable"))
          .hint("the file may be truncated, or not Parquet at all")
          .build(e);
    }
  }

  private Table table(String tableName, Connection db) throws SQLException {
    List<String> names = new ArrayList<>();
    List<Kind> kinds = new ArrayList<>();
    StringBuilder select = new StringBuilder("SELECT ");
    try (PreparedStatement p = db.prepareStatement("SELECT * FROM read_parquet(?) LIMIT 0")) {
      p.setString(1, file.toString());
      ResultSetMetaData md = p.executeQuery().getMetaData();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        String name = md.getColumnName(i);
        Kind kind =
            options.types().containsKey(name) ? Kind.OVERRIDE : kindOf(md.getColumnTypeName(i));
        names.add(name);
        kinds.add(kind);
        select.append(i > 1 ? ", " : "").append(expression(quote(name), kind));
      }
    }
    ColumnsBuilder.checkOverrides(file, options, names);
    int rows = rowCount(db);
    if (rows == 0) {
      throw InvalidInputException.in(file).expected("at least one row").found("no rows").build();
    }
    ColumnData[] data = new ColumnData[names.size()];
    for (int k = 0; k < data.length; k++) data[k] = new ColumnData(kinds.get(k), rows);
    try (PreparedStatement p = db.prepareStatement(select + " FROM read_parquet(?)")) {
      p.setString(1, file.toString());
      try (ResultSet rs = p.executeQuery()) {
        for (int r = 0; rs.next(); r++) {
          for (int k = 0; k < data.length; k++) data[k].read(rs, k + 1, r);
        }
      }
    }
    return build(tableName, names, data, rows);
  }

  private Table build(String tableName, List<String> names, ColumnData[] data, int rows) {
    RowNumbers numbers = new RowNumbers(file, 1);
    List<Column> columns = new ArrayList<>();
    for (int k = 0; k < data.length; k++) {
      columns.add(data[k].column(names.get(k), numbers, options));
    }
    return new Table(tableName, file, columns, rows);
  }

  private int rowCount(Connection db) throws SQLException {
    try (PreparedStatement p = db.prepareStatement("SELECT count(*) FROM read_parquet(?)")) {
      p.setString(1, file.toString());
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        long n = rs.getLong(1);
        if (n > Integer.MAX_VALUE - 16) {
          throw InvalidInputException.in(file)
              .expected("at most 2^31 rows")
              .found(n + " rows")
              .hint("split the file")
              .build();
        }
        return (int) n;
      }
    }
  }

  private static Kind kindOf(String duckType) {
    String t = duckType.toUpperCase(Locale.ROOT);
    if (t.endsWith("[]") || t.startsWith("STRUCT") || t.startsWith("MAP")) return Kind.STRING;
    if (t.equals("TINYINT")
        || t.equals("SMALLINT")
        || t.equals("INTEGER")
        || t.equals("BIGINT")
        || t.equals("UTINYINT")
        || t.equals("USMALLINT")
        || t.equals("UINTEGER")) {
      return Kind.INTEGER;
    }
    if (t.equals("FLOAT")
        || t.equals("DOUBLE")
        || t.startsWith("DECIMAL")
        || t.equals("UBIGINT")
        || t.equals("HUGEINT")
        || t.equals("UHUGEINT")) {
      return Kind.DECIMAL;
    }
    if (t.equals("BOOLEAN")) return Kind.BOOLEAN;
    if (t.equals("DATE")) return Kind.DATE;
    if (t.startsWith("TIMESTAMP")) return Kind.DATETIME;
    if (t.startsWith("ENUM")) return Kind.ENUM;
    return Kind.STRING;
  }

  private static String expression(String q, Kind kind) {
    switch (kind) {
      case INTEGER:
        return "CAST(" + q + " AS BIGINT)";
      case DECIMAL:
        return "CAST(" + q + " AS DOUBLE)";
      case DATE:
        return "CAST(" + q + " - DATE '1970-01-01' AS BIGINT)";
      case DATETIME:
        return "epoch_ms(" + q + ")";
      case BOOLEAN:
        return q;
      default:
        return "CAST(" + q + " AS VARCHAR)";
    }
  }

  private static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  /** The values of one column as they are read, in the storage its kind needs. */
  private static final class ColumnData {
    private final Kind kind;
    private final BitSet missing = new BitSet();
    private final long[] longs;
    private final double[] doubles;
    private final String[] strings;
    private int nonFinite = -1;

    ColumnData(Kind kind, int rows) {
      this.kind = kind;
      boolean text = kind == Kind.STRING || kind == Kind.ENUM || kind == Kind.OVERRIDE;
      longs = text || kind == Kind.DECIMAL ? null : new long[rows];
      doubles = kind == Kind.DECIMAL ? new double[rows] : null;
      strings = text ? new String[rows] : null;
    }

    void read(ResultSet rs, int index, int row) throws SQLException {
      if (strings != null) {
        strings[row] = rs.getString(index);
      } else if (doubles != null) {
        double v = rs.getDouble(index);
        if (!Double.isFinite(v) && !rs.wasNull() && nonFinite < 0) nonFinite = row;
        doubles[row] = v;
      } else {
        longs[row] =
            kind == Kind.BOOLEAN
                ? (rs.getBoolean(index) ? 1 : 0)
                : kind == Kind.DATETIME
                    ? Math.floorDiv(rs.getLong(index), 1000L)
                    : rs.getLong(index);
      }
      if (rs.wasNull()) missing.set(row);
    }

    Column column(String name, RowNumbers rows, ReadOptions options) {
      switch (kind) {
        case INTEGER:
          return Column.ofLongs(name, ColumnType.INTEGER, longs, missing);
        case BOOLEAN:
          return Column.ofLongs(name, ColumnType.BOOLEAN, longs, missing);
        case DATE:
          return Column.ofLongs(name, ColumnType.DATE, longs, missing);
        case DATETIME:
          return Column.ofLongs(name, ColumnType.DATETIME, longs, missing);
        case DECIMAL:
          if (nonFinite >= 0) {
            throw rows.at(nonFinite, name)
                .expected("a finite number")
                .found(Double.toString(doubles[nonFinite]))
                .build();
          }
          return Column.ofDoubles(name, doubles, missing);
        case ENUM:
          return Column.ofStrings(name, ColumnType.CATEGORICAL, strings, missing);
        case STRING:
          return ColumnConverter.strings(name, strings, missing);
        default:
          return overridden(name, rows, options);
      }
    }

    private Column overridden(String name, RowNumbers rows, ReadOptions options) {
      CharColumn raw = new CharColumn(1 << 10, strings.length);
      for (String s : strings) {
        if (s != null) raw.append(s);
        raw.endCell();
      }
      Cells cells = new Cells(raw, name, options.missingTokens(), rows);
      return new ColumnConverter(cells)
          .convert(options.types().get(name), options.dateFormats().get(name));
    }
  }
}
