package io.marketlens.core.io;

import static io.marketlens.core.io.TestFiles.failure;
import static io.marketlens.core.io.TestFiles.read;
import static org.assertj.core.api.Assertions.assertThat;

import io.marketlens.core.table.Column;
import io.marketlens.core.table.ColumnType;
import io.marketlens.core.table.Table;
import io.marketlens.core.validate.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetReaderTest {

  @TempDir Path dir;

  /** Writes the result of {@code select} to {@code name} with DuckDB. */
  private Path parquet(String name, String select) throws Exception {
    Path out = dir.resolve(name);
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = db.createStatement()) {
      s.execute("COPY (" + select + ") TO '" + out + "' (FORMAT PARQUET)");
    }
    return out;
  }

  private static final String SAMPLE =
      "SELECT i::INTEGER AS id, i * 1.5 AS amount, (i * 0.25)::DECIMAL(10,2) AS price,"
          + " i % 2 = 0 AS even, DATE '2024-01-01' + i::INTEGER AS day,"
          + " TIMESTAMP '2024-01-01 10:30:00' + INTERVAL (i) HOUR AS at,"
          + " CASE WHEN i % 10 = 3 THEN NULL ELSE ['a', 'b', 'c'][i % 3 + 1] END AS grade,"
          + " 'a long free text review number ' || i || ' that goes on and on' AS review"
          + " FROM range(1, 101) t(i)";

  @Test
  void read_parquet_mapsDuckDbTypes() throws Exception {
    ReadResult r = read(parquet("sample.parquet", SAMPLE));
    Table t = r.table();
    assertThat(r.report().format()).isEqualTo("parquet");
    assertThat(r.report().sha256()).hasSize(64);
    assertThat(t.rowCount()).isEqualTo(100);
    assertThat(t.column("id").type()).isEqualTo(ColumnType.INTEGER);
    assertThat(t.column("id").getLong(0)).isEqualTo(1);
    assertThat(t.column("amount").type()).isEqualTo(ColumnType.DECIMAL);
    assertThat(t.column("price").getDouble(3)).isEqualTo(1.0);
    assertThat(t.column("even").type()).isEqualTo(ColumnType.BOOLEAN);
    assertThat(t.column("even").getBoolean(1)).isTrue();
    assertThat(t.column("day").getDate(0)).isEqualTo(LocalDate.of(2024, 1, 2));
    assertThat(t.column("at").type()).isEqualTo(ColumnType.DATETIME);
    assertThat(t.column("at").getDateTime(0)).isEqualTo(LocalDateTime.of(2024, 1, 1, 11, 30));
    Column grade = t.column("grade");
    assertThat(grade.type()).isEqualTo(ColumnType.CATEGORICAL);
    assertThat(grade.isMissing(2)).isTrue();
    assertThat(grade.missingCount()).isEqualTo(10);
    assertThat(t.column("review").type()).isEqualTo(ColumnType.TEXT);
  }

  @Test
  void read_parquetMagicWithoutExtension_isDetected() throws Exception {
    Path p = parquet("sample.parquet", "SELECT 1 AS a");
    Path renamed = Files.move(p, dir.resolve("data.bin"));
    assertThat(read(renamed).report().format()).isEqualTo("parquet");
  }

  @Test
  void read_parquetWithTypeOverride_convertsLikeCsv() throws Exception {
    Path p = parquet("codes.parquet", "SELECT * FROM (VALUES ('2024-01-31'), ('2024-02-01')) v(d)");
    Table t = read(p, TestFiles.types(Map.of("d", ColumnType.DATE))).table();
    assertThat(t.column("d").getDate(1)).isEqualTo(LocalDate.of(2024, 2, 1));
  }

  @Test
  void read_parquetWithInfinity_fails() throws Exception {
    Path p = parquet("inf.parquet", "SELECT * FROM (VALUES (1.0::DOUBLE), ('inf'::DOUBLE)) v(x)");
    InvalidInputException e = failure(p);
    assertThat(e.row()).isEqualTo(2);
    assertThat(e.column()).isEqualTo("x");
    assertThat(e.expected()).isEqualTo("a finite number");
  }

  @Test
  void read_corruptParquet_failsAsInvalidInput() {
    Path p = TestFiles.write(dir, "bad.parquet", "PAR1 this is not really parquet".getBytes());
    InvalidInputException e = failure(p);
    assertThat(e.expected()).isEqualTo("a valid Parquet file");
    assertThat(e.file()).isEqualTo(p);
  }

  @Test
  void read_csvNamedParquet_failsAsInvalidInput() {
    Path p = TestFiles.write(dir, "oops.parquet", "a,b\n1,2\n");
    assertThat(failure(p).expected()).isEqualTo("a valid Parquet file");
  }

  @Test
  void read_emptyParquet_fails() throws Exception {
    Path p = parquet("empty.parquet", "SELECT 1 AS a WHERE false");
    assertThat(failure(p).found()).isEqualTo("no rows");
  }
}
