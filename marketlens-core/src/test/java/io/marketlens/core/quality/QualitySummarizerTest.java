package io.marketlens.core.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketlens.core.io.ReadOptions;
import io.marketlens.core.io.ReadReport;
import io.marketlens.core.io.ReadResult;
import io.marketlens.core.io.TableReader;
import io.marketlens.core.progress.Progress;
import io.marketlens.core.table.Column;
import io.marketlens.core.table.ColumnType;
import io.marketlens.core.table.Table;
import io.marketlens.core.validate.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QualitySummarizerTest {

  @TempDir Path dir;

  private ReadResult readCsv(String csv) throws Exception {
    Path f = Files.writeString(dir.resolve("customers.csv"), csv);
    return TableReader.read("customers", f, ReadOptions.defaults(), Progress.NONE);
  }

  private static ColumnQuality column(TableQuality q, String name) {
    return q.columnSummaries().stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void summarize_csv_reportsTypesMissingDistinctAndExamples() throws Exception {
    ReadResult r = readCsv("id,plan,spend\n1,basic,10.5\n2,pro,\n3,basic,7\n4,team,NA\n");
    TableQuality q =
        QualitySummarizer.summarize(r.table(), r.report(), "data/customers.csv", "id", Map.of());
    assertThat(q.table()).isEqualTo("customers");
    assertThat(q.file()).isEqualTo("data/customers.csv");
    assertThat(q.format()).isEqualTo("csv, UTF-8, ','");
    assertThat(q.sha256()).isEqualTo(r.report().sha256());
    assertThat(q.rows()).isEqualTo(4);
    assertThat(q.columns()).isEqualTo(3);
    assertThat(q.duplicateIds()).isZero();
    ColumnQuality plan = column(q, "plan");
    assertThat(plan.type()).isEqualTo("categorical");
    assertThat(plan.distinct()).isEqualTo(3);
    assertThat(plan.examples()).containsExactly("basic", "pro", "team");
    ColumnQuality spend = column(q, "spend");
    assertThat(spend.type()).isEqualTo("decimal");
    assertThat(spend.missing()).isEqualTo(2);
    assertThat(spend.missingPercent()).isEqualTo(50.0);
    assertThat(spend.warnings()).containsExactly("50% missing");
    assertThat(spend.examples()).containsExactly("10.5", "7");
    assertThat(spend.pii()).isNull();
  }

  @Test
  void summarize_duplicateAndMissingIds_warnWithTheFirstRow() throws Exception {
    ReadResult r = readCsv("customerID,x\nA,1\nB,2\nA,3\n,4\nB,5\nA,6\n");
    TableQuality q =
        QualitySummarizer.summarize(r.table(), r.report(), "c.csv", "customerID", Map.of());
    assertThat(q.duplicateIds()).isEqualTo(3);
    assertThat(q.warnings())
        .contains(
            "customerID: 3 duplicate ids, first at row 4",
            "customerID: 1 missing ids, first at row 5");
  }

  @Test
  void summarize_readerWarnings_areKept() throws Exception {
    ReadResult r = readCsv("a,b\n1,2\n\n3,4\n");
    TableQuality q = QualitySummarizer.summarize(r.table(), r.report(), "c.csv", null, Map.of());
    assertThat(q.warnings()).containsExactly("1 blank line skipped");
  }

  @Test
  void summarize_columnWarnings_flagMissingConstantAndIdLikeColumns() {
    int n = 40;
    String[] codes = new String[n];
    long[] constant = new long[n];
    String[] sparse = new String[n];
    for (int i = 0; i < n; i++) {
      codes[i] = "C-" + i;
      constant[i] = 7;
      sparse[i] = i < 2 ? "x" : null;
    }
    BitSet allMissing = new BitSet();
    allMissing.set(0, n);
    Table t =
        Table.of(
            "t",
            null,
            List.of(
                Column.ofStrings("code", ColumnType.TEXT, codes, null),
                Column.ofLongs("constant", ColumnType.INTEGER, constant, new BitSet()),
                Column.ofStrings("sparse", ColumnType.CATEGORICAL, sparse, null),
                Column.ofDoubles("empty", new double[n], allMissing)));
    TableQuality q = QualitySummarizer.summarize(t, null, "t.csv", null, Map.of("code", "email"));
    assertThat(q.format()).isNull();
    assertThat(column(q, "code").warnings()).containsExactly("high cardinality id-like column");
    assertThat(column(q, "code").pii()).isEqualTo("email");
    assertThat(column(q, "constant").warnings()).containsExactly("constant column");
    assertThat(column(q, "sparse").warnings()).containsExactly("95% missing", "constant column");
    assertThat(column(q, "sparse").missingPercent()).isEqualTo(95.0);
    assertThat(column(q, "empty").warnings()).containsExactly("all values missing");
    assertThat(column(q, "empty").distinct()).isZero();
  }

  @Test
  void summarize_declaredIdColumn_isNotFlaggedIdLike() {
    String[] ids = new String[30];
    for (int i = 0; i < ids.length; i++) ids[i] = "id" + i;
    Table t = Table.of("t", null, List.of(Column.ofStrings("id", ColumnType.TEXT, ids, null)));
    TableQuality q = QualitySummarizer.summarize(t, null, "t.csv", "id", Map.of());
    assertThat(column(q, "id").warnings()).isEmpty();
  }

  @Test
  void summarize_unknownIdColumn_failsWithSuggestion() throws Exception {
    ReadResult r = readCsv("customerID,x\nA,1\n");
    assertThatThrownBy(
            () ->
                QualitySummarizer.summarize(r.table(), r.report(), "c.csv", "customerId", Map.of()))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.hint()).isEqualTo("did you mean 'customerID'?"));
  }

  @Test
  void summarize_gzipTsvReport_describesTheFormat() {
    ReadReport report = new ReadReport("tsv", "\t", "GB18030", "gzip", 10, "ab", List.of());
    Table t =
        Table.of("t", null, List.of(Column.ofLongs("a", ColumnType.INTEGER, new long[] {1}, null)));
    TableQuality q = QualitySummarizer.summarize(t, report, "t.tsv.gz", null, Map.of());
    assertThat(q.format()).isEqualTo("tsv (gzip), GB18030, '\\t'");
  }

  @Test
  void summarize_piiForUnknownColumn_isRejected() {
    Table t =
        Table.of("t", null, List.of(Column.ofLongs("a", ColumnType.INTEGER, new long[] {1}, null)));
    assertThatThrownBy(() -> QualitySummarizer.summarize(t, null, "t", null, Map.of("b", "email")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
