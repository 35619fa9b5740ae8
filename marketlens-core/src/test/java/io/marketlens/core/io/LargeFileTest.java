package io.marketlens.core.io;

import static io.marketlens.core.io.TestFiles.failure;
import static io.marketlens.core.io.TestFiles.read;
import static org.assertj.core.api.Assertions.assertThat;

import io.marketlens.core.table.ColumnType;
import io.marketlens.core.table.Table;
import io.marketlens.core.validate.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files larger than the detection head, which are decoded on a background thread. */
class LargeFileTest {

  private static final int ROWS = 60_000;

  @TempDir Path dir;

  private static String orders(int badRow) {
    StringBuilder s = new StringBuilder("order_id,amount,created_at,channel,product\n");
    for (int i = 0; i < ROWS; i++) {
      s.append(10_000_001 + i).append(',').append(i % 500).append('.').append(i % 90 + 10);
      s.append(",2023-").append(String.format(java.util.Locale.ROOT, "%02d", i % 12 + 1));
      s.append("-15 ")
          .append(String.format(java.util.Locale.ROOT, "%02d", i % 24))
          .append(":30:00,");
      s.append(i % 7 == 0 ? "web" : "store").append(',');
      s.append(i % 50 == 0 ? "\"blue mug, large\"" : "red candle");
      if (i == badRow) s.append(",extra");
      s.append('\n');
    }
    return s.toString();
  }

  @Test
  void read_largeFile_readsEveryRowWithTypes() {
    Path f = TestFiles.write(dir, "orders.csv", orders(-1));
    Table t = read(f).table();
    assertThat(t.rowCount()).isEqualTo(ROWS);
    assertThat(t.column("order_id").type()).isEqualTo(ColumnType.INTEGER);
    assertThat(t.column("order_id").getLong(ROWS - 1)).isEqualTo(10_000_000L + ROWS);
    assertThat(t.column("amount").type()).isEqualTo(ColumnType.DECIMAL);
    assertThat(t.column("created_at").type()).isEqualTo(ColumnType.DATETIME);
    assertThat(t.column("channel").type()).isEqualTo(ColumnType.CATEGORICAL);
    assertThat(t.column("product").getString(50)).isEqualTo("blue mug, large");
  }

  @Test
  void read_largeGzipFile_equalsThePlainRead() {
    String csv = orders(-1);
    Path gz =
        TestFiles.write(dir, "orders.csv.gz", TestFiles.gzip(csv.getBytes(StandardCharsets.UTF_8)));
    Table t = read(gz).table();
    assertThat(t.rowCount()).isEqualTo(ROWS);
    assertThat(t.column("amount").getDouble(12_345)).isEqualTo(345.25);
  }

  @Test
  void read_badRowDeepInLargeFile_failsAndStopsTheReaderThread() throws Exception {
    Path f = TestFiles.write(dir, "orders.csv", orders(50_000));
    InvalidInputException e = failure(f);
    assertThat(e.row()).isEqualTo(50_002);
    assertThat(e.found()).startsWith("6 fields");
    Thread.sleep(50);
    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(t -> t.getName().equals("marketlens-read") && t.isAlive());
  }
}
