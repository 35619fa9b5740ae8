package io.marketlens.core.io;

import static io.marketlens.core.io.TestFiles.read;
import static org.assertj.core.api.Assertions.assertThat;

import io.marketlens.core.table.Column;
import io.marketlens.core.table.ColumnType;
import io.marketlens.core.table.Table;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads small slices of the real data sets kept in src/test/resources/io/. */
class RealDataTest {

  @TempDir Path dir;

  @Test
  void read_telcoSlice_typesEveryColumnAndReadsBlankTotalChargesAsMissing() {
    Table t = read(TestFiles.resource("telco_churn_slice.csv")).table();
    assertThat(t.rowCount()).isEqualTo(305);
    assertThat(t.columns()).hasSize(21);
    assertThat(t.column("customerID").type()).isEqualTo(ColumnType.TEXT);
    assertThat(t.column("gender").type()).isEqualTo(ColumnType.CATEGORICAL);
    assertThat(t.column("SeniorCitizen").type()).isEqualTo(ColumnType.BOOLEAN);
    assertThat(t.column("Partner").type()).isEqualTo(ColumnType.BOOLEAN);
    assertThat(t.column("tenure").type()).isEqualTo(ColumnType.INTEGER);
    assertThat(t.column("MultipleLines").type()).isEqualTo(ColumnType.CATEGORICAL);
    assertThat(t.column("MonthlyCharges").type()).isEqualTo(ColumnType.DECIMAL);
    assertThat(t.column("Churn").type()).isEqualTo(ColumnType.BOOLEAN);
    Column total = t.column("TotalCharges");
    assertThat(total.type()).isEqualTo(ColumnType.DECIMAL);
    Column tenure = t.column("tenure");
    int zeroTenure = 0;
    for (int row = 0; row < t.rowCount(); row++) {
      boolean newCustomer = tenure.getLong(row) == 0;
      if (newCustomer) zeroTenure++;
      assertThat(total.isMissing(row)).isEqualTo(newCustomer);
    }
    assertThat(zeroTenure).isEqualTo(5);
  }

  @Test
  void read_onlineRetailSlice_typesEveryColumn() {
    ReadResult r = read(TestFiles.resource("online_retail_slice.csv"));
    Table t = r.table();
    assertThat(t.column("InvoiceNo").type()).isEqualTo(ColumnType.TEXT);
    assertThat(t.column("Country").type()).isEqualTo(ColumnType.CATEGORICAL);
    assertThat(t.column("Quantity").type()).isEqualTo(ColumnType.INTEGER);
    assertThat(t.column("InvoiceDate").type()).isEqualTo(ColumnType.DATETIME);
    assertThat(t.column("InvoiceDate").getDateTime(0))
        .isEqualTo(LocalDateTime.of(2010, 12, 1, 8, 26));
    assertThat(t.column("UnitPrice").type()).isEqualTo(ColumnType.DECIMAL);
    assertThat(t.column("CustomerID").type()).isEqualTo(ColumnType.INTEGER);
    assertThat(t.column("CustomerID").missingCount()).isPositive();
    assertThat(t.column("Description").getString(109)).isEqualTo("AIRLINE LOUNGE,METAL SIGN");
    assertThat(r.report().warnings()).anyMatch(w -> w.contains("'C536379'"));
  }

  @Test
  void read_onlineRetailSliceGzipped_equalsThePlainRead() throws Exception {
    Path plain = TestFiles.resource("online_retail_slice.csv");
    Path gz = TestFiles.write(dir, "retail.csv.gz", TestFiles.gzip(Files.readAllBytes(plain)));
    Table a = read(plain).table();
    Table b = read(gz).table();
    assertThat(b.rowCount()).isEqualTo(a.rowCount());
    for (Column c : a.columns()) {
      for (int row = 0; row < a.rowCount(); row++) {
        assertThat(b.column(c.name()).getString(row)).isEqualTo(c.getString(row));
      }
    }
  }

  @Test
  void read_chineseReviewsSlice_keepsQuotedReviews() {
    Table t = read(TestFiles.resource("chn_senti_slice.csv")).table();
    assertThat(t.rowCount()).isEqualTo(200);
    assertThat(t.column("label").type()).isEqualTo(ColumnType.BOOLEAN);
    assertThat(t.column("review").type()).isEqualTo(ColumnType.TEXT);
    assertThat(t.column("review").getString(0)).contains("\"蔡陆线\"");
  }
}
