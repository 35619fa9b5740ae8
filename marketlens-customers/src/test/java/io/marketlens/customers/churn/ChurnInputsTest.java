package io.marketlens.customers.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketlens.core.table.Column;
import io.marketlens.core.table.ColumnType;
import io.marketlens.core.table.Table;
import io.marketlens.core.validate.InvalidInputException;
import io.marketlens.ml.tabular.BinaryClassifier;
import io.marketlens.ml.tabular.LogisticRegression;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad inputs give errors that name the column and what was found. */
class ChurnInputsTest {

  private static final ChurnOptions OPTIONS =
      ChurnOptions.defaults("customerID", "Churn")
          .withCandidates(List.<BinaryClassifier>of(LogisticRegression.withLambda(10)));

  @Test
  void run_oneClassLabel_namesColumnAndTheOnlyValue() {
    Table t = DemoCustomers.table();
    Table stayed =
        t.withColumn(
            Column.ofLongs("Churn", ColumnType.BOOLEAN, new long[t.rowCount()], new BitSet()));
    assertThatThrownBy(() -> ChurnAnalysis.run(stayed, OPTIONS))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("column 'Churn'")
        .hasMessageContaining(
            "both outcomes (churned and stayed) among the 1000 labelled customers")
        .hasMessageContaining("found \"false\"")
        .hasMessageContaining("(stayed)");
  }

  @Test
  void run_oneClassText_quotesTheValueAsWritten() {
    Table t = small(60, r -> "No");
    assertThatThrownBy(() -> ChurnAnalysis.run(t, OPTIONS))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("found \"No\"")
        .hasMessageContaining("every labelled customer has this value (stayed)");
  }

  @Test
  void run_noIdColumn_saysHowToNameOne() {
    Table t = DemoCustomers.table();
    List<Column> without = new ArrayList<>(t.columns());
    without.removeIf(c -> c.name().equals("customerID"));
    Table noId = new Table("customers", t.source(), without, t.rowCount());
    assertThatThrownBy(() -> ChurnAnalysis.run(noId, ChurnOptions.defaults(null, "Churn")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("an id column")
        .hasMessageContaining("customers: id:");
  }

  @Test
  void run_misspelledIdColumn_suggestsTheRightOne() {
    assertThatThrownBy(
            () ->
                ChurnAnalysis.run(
                    DemoCustomers.table(), ChurnOptions.defaults("customerId", "Churn")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("did you mean 'customerID'");
  }

  @Test
  void run_duplicateIds_nameTheRow() {
    Table t = small(60, r -> r % 2 == 0 ? "Yes" : "No");
    String[] ids = new String[60];
    for (int r = 0; r < 60; r++) ids[r] = "c" + (r == 41 ? 7 : r);
    Table dup = t.withColumn(Column.ofStrings("customerID", ColumnType.TEXT, ids, null));
    assertThatThrownBy(() -> ChurnAnalysis.run(dup, OPTIONS))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("row 43")
        .hasMessageContaining("unique customer id")
        .hasMessageContaining("\"c7\"");
  }

  @Test
  void run_allRowsIdentical_saysSo() {
    List<Column> cols =
        List.of(
            Column.ofStrings("customerID", ColumnType.TEXT, fill(80, "A-1"), null),
            Column.ofStrings("plan", ColumnType.CATEGORICAL, fill(80, "basic"), null),
            Column.ofStrings("Churn", ColumnType.CATEGORICAL, fill(80, "Yes"), null));
    assertThatThrownBy(() -> ChurnAnalysis.run(Table.of("customers", null, cols), OPTIONS))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("all 80 rows are identical");
  }

  @Test
  void run_identicalFeatures_saysNoColumnVaries() {
    Table t = small(60, r -> r % 3 == 0 ? "Yes" : "No");
    Table flat =
        t.withColumn(Column.ofStrings("plan", ColumnType.CATEGORICAL, fill(60, "basic"), null))
            .withColumn(Column.ofDoubles("spend", new double[60], new BitSet()));
    assertThatThrownBy(() -> ChurnAnalysis.run(flat, OPTIONS))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("varies between customers");
  }

  @Test
  void run_oneCustomer_saysHowManyAreNeeded() {
    Table t = small(1, r -> "Yes");
    assertThatThrownBy(() -> ChurnAnalysis.run(t, OPTIONS))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("at least 50 customers")
        .hasMessageContaining("found \"1 customer\"");
  }

  @Test
  void run_tooFewOfOneOutcome_saysWhich() {
    Table t = small(60, r -> r < 4 ? "Yes" : "No");
    assertThatThrownBy(() -> ChurnAnalysis.run(t, OPTIONS))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("at least 10 customers of each outcome")
        .hasMessageContaining("4 churned of 60");
  }

  @Test
  void run_labelThatIsNotAFlag_namesRowAndValue() {
    Table t = small(60, r -> r == 12 ? "maybe" : r % 2 == 0 ? "Yes" : "No");
    assertThatThrownBy(() -> ChurnAnalysis.run(t, OPTIONS))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("row 14")
        .hasMessageContaining("column 'Churn'")
        .hasMessageContaining("\"maybe\"");
  }

  @Test
  void run_missingLabels_areScoredButNotTrainedOn() {
    Table t = small(100, r -> r >= 90 ? null : r % 3 == 0 ? "1" : "0");
    ChurnResult r = ChurnAnalysis.run(t, OPTIONS);
    assertThat(r.customers()).isEqualTo(100);
    assertThat(r.labelled()).isEqualTo(90);
    assertThat(r.trainRows() + r.validationRows() + r.testRows()).isEqualTo(90);
    assertThat(r.score(t)).hasSize(100);
  }

  @Test
  void run_unknownExcludedColumn_isInvalidInput() {
    assertThatThrownBy(
            () ->
                ChurnAnalysis.run(
                    DemoCustomers.table(), OPTIONS.withExcludeColumns(List.of("tenur"))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("did you mean 'tenure'");
  }

  /** n customers with an id, a plan and a spend loosely tied to the label. */
  private static Table small(int n, java.util.function.IntFunction<String> label) {
    String[] ids = new String[n];
    String[] plans = new String[n];
    String[] labels = new String[n];
    double[] spend = new double[n];
    for (int r = 0; r < n; r++) {
      ids[r] = "c" + r;
      labels[r] = label.apply(r);
      boolean yes = "Yes".equals(labels[r]) || "1".equals(labels[r]);
      plans[r] = (r % 5 == 0) == yes ? "basic" : "pro";
      spend[r] = 10 + (r * 7) % 13 + (yes ? 5 : 0);
    }
    return Table.of(
        "customers",
        null,
        List.of(
            Column.ofStrings("customerID", ColumnType.TEXT, ids, null),
            Column.ofStrings("plan", ColumnType.CATEGORICAL, plans, null),
            Column.ofDoubles("spend", spend, new BitSet()),
            Column.ofStrings("Churn", ColumnType.CATEGORICAL, labels, null)));
  }

  private static String[] fill(int n, String v) {
    String[] a = new String[n];
    java.util.Arrays.fill(a, v);
    return a;
  }
}
