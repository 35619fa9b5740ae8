package io.marketlens.customers.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.marketlens.core.table.Column;
import io.marketlens.core.table.ColumnType;
import io.marketlens.core.table.Table;
import io.marketlens.core.validate.InvalidInputException;
import java.time.LocalDate;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Expected values computed with pandas on the same slice, exactly as {@code
 * shared/peers/rfm_kmeans.py} computes RFM (reference day 2011-12-10).
 */
class TransactionFeaturesTest {

  @Test
  void build_onlineRetailSlice_countsEveryCleaningRule() {
    CleaningReport r = CustomerSlices.retailFeatures().cleaning();
    assertThat(r.rowsRead()).isEqualTo(5_406);
    assertThat(r.dropped())
        .containsExactly(
            Map.entry("missing customer id", 200L),
            Map.entry("missing time", 0L),
            Map.entry("cancelled invoice", 112L),
            Map.entry("quantity missing or not positive", 0L),
            Map.entry("unit price missing or not positive", 1L));
    assertThat(r.rowsKept()).isEqualTo(5_093);
    // 150 customers in the slice; 13256's only line has price 0 and one customer only returned.
    assertThat(r.customers()).isEqualTo(148);
    assertThat(r.counts()).containsEntry("dropped: cancelled invoice", 112L);
    assertThat(r.lines().get(0))
        .isEqualTo("transactions: 5,406 rows read, 5,093 kept, 148 customers");
  }

  @Test
  void build_onlineRetailSlice_matchesPandasPerCustomer() {
    FeatureTable t = CustomerSlices.retailFeatures().table();
    assertThat(t.size()).isEqualTo(148);
    assertThat(t.featureNames())
        .containsExactly(
            "recency",
            "frequency",
            "monetary",
            "tenure",
            "avgOrderValue",
            "interPurchaseDays",
            "productDiversity",
            "spendTrend");
    int a = t.ids().indexOf("12346");
    assertThat(value(t, "recency", a)).isEqualTo(326);
    assertThat(value(t, "frequency", a)).isEqualTo(1);
    assertThat(value(t, "monetary", a)).isCloseTo(77_183.60, within(1e-6));
    assertThat(value(t, "tenure", a)).isEqualTo(326);
    // One purchase day: the gap so far is the tenure.
    assertThat(value(t, "interPurchaseDays", a)).isEqualTo(326);
    int b = t.ids().indexOf("12386");
    assertThat(value(t, "recency", b)).isEqualTo(338);
    assertThat(value(t, "frequency", b)).isEqualTo(2);
    assertThat(value(t, "monetary", b)).isCloseTo(401.90, within(1e-9));
    assertThat(value(t, "tenure", b)).isEqualTo(367);
    assertThat(value(t, "avgOrderValue", b)).isCloseTo(200.95, within(1e-9));
    assertThat(value(t, "interPurchaseDays", b)).isEqualTo(29);
    assertThat(value(t, "productDiversity", b)).isEqualTo(10);
    int c = t.ids().indexOf("12680");
    assertThat(value(t, "recency", c)).isEqualTo(1);
    assertThat(value(t, "frequency", c)).isEqualTo(4);
    assertThat(value(t, "monetary", c)).isCloseTo(862.81, within(1e-9));
    assertThat(value(t, "tenure", c)).isEqualTo(114);
    // Ids come out in increasing numeric order, whatever the row order.
    assertThat(t.ids().get(0)).isEqualTo("12346");
    assertThat(t.feature("recency").skewed()).isTrue();
  }

  @Test
  void build_spendTrend_isPositiveForGrowingSpendAndBounded() {
    FeatureTable t = CustomerSlices.retailFeatures().table();
    for (double v : t.feature("spendTrend").values()) assertThat(v).isBetween(-0.5, 0.5);
    // 12346 bought once, 326 days before the reference day: all spend early.
    assertThat(value(t, "spendTrend", t.ids().indexOf("12346"))).isNegative();
    // 12680 bought within the last 114 days only.
    assertThat(value(t, "spendTrend", t.ids().indexOf("12680"))).isPositive();
  }

  @Test
  void build_rfmOnly_givesTheThreePeerFeatures() {
    FeatureResult r =
        TransactionFeatures.build(
            CustomerSlices.onlineRetail(),
            TransactionColumns.onlineRetail(),
            TransactionFeatureOptions.defaults().withRfmOnly(true));
    assertThat(r.table().featureNames()).containsExactly("recency", "frequency", "monetary");
  }

  @Test
  void build_explicitReferenceDay_shiftsRecencyAndTenure() {
    FeatureTable t =
        TransactionFeatures.build(
                CustomerSlices.onlineRetail(),
                TransactionColumns.onlineRetail(),
                TransactionFeatureOptions.defaults().withReferenceDay(LocalDate.of(2011, 12, 20)))
            .table();
    assertThat(value(t, "recency", t.ids().indexOf("12680"))).isEqualTo(11);
  }

  @Test
  void build_referenceDayNotAfterLastPurchase_isAnInputError() {
    assertThatThrownBy(
            () ->
                TransactionFeatures.build(
                    CustomerSlices.onlineRetail(),
                    TransactionColumns.onlineRetail(),
                    TransactionFeatureOptions.defaults()
                        .withReferenceDay(LocalDate.of(2011, 12, 9))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("a day after the last purchase (2011-12-09)");
  }

  @Test
  void build_noCustomerColumn_namesTheClosestColumn() {
    TransactionColumns cols = TransactionColumns.onlineRetail();
    TransactionColumns wrong =
        new TransactionColumns(
            "CustomerId", cols.time(), cols.invoice(), cols.quantity(), cols.price(), null, null);
    assertThatThrownBy(
            () ->
                TransactionFeatures.build(
                    CustomerSlices.onlineRetail(), wrong, TransactionFeatureOptions.defaults()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("column 'CustomerId'")
        .hasMessageContaining("did you mean 'CustomerID'?");
  }

  @Test
  void build_timeColumnOfText_isAnInputError() {
    TransactionColumns cols = TransactionColumns.onlineRetail();
    TransactionColumns wrong =
        new TransactionColumns(
            cols.customer(), "Country", cols.invoice(), cols.quantity(), cols.price(), null, null);
    assertThatThrownBy(
            () ->
                TransactionFeatures.build(
                    CustomerSlices.onlineRetail(), wrong, TransactionFeatureOptions.defaults()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("expected dates or date-times");
  }

  @Test
  void build_noUsableLine_isAnInputError() {
    BitSet all = new BitSet();
    all.set(0, 3);
    Table t =
        Table.of(
            "transactions",
            null,
            List.of(
                Column.ofLongs("c", ColumnType.INTEGER, new long[3], all),
                Column.ofLongs("t", ColumnType.DATE, new long[] {1, 2, 3}, null),
                Column.ofDoubles("amount", new double[] {1, 2, 3}, null)));
    TransactionColumns cols = new TransactionColumns("c", "t", null, null, null, "amount", null);
    assertThatThrownBy(
            () -> TransactionFeatures.build(t, cols, TransactionFeatureOptions.defaults()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("none of 3 rows");
  }

  @Test
  void build_amountColumnAndStringIds_withoutInvoiceCountsPurchaseDays() {
    Table t =
        Table.of(
            "transactions",
            null,
            List.of(
                Column.ofStrings(
                    "c", ColumnType.CATEGORICAL, new String[] {"b", "a", "a", "a"}, null),
                Column.ofLongs("t", ColumnType.DATE, new long[] {10, 10, 10, 14}, null),
                Column.ofDoubles("amount", new double[] {5, 1, 2, -3}, null)));
    FeatureResult r =
        TransactionFeatures.build(
            t,
            new TransactionColumns("c", "t", null, null, null, "amount", null),
            TransactionFeatureOptions.defaults());
    FeatureTable f = r.table();
    assertThat(f.ids()).containsExactly("a", "b");
    assertThat(f.feature("frequency").values()).containsExactly(1, 1);
    assertThat(f.feature("monetary").values()).containsExactly(3, 5);
    assertThat(r.cleaning().dropped()).containsEntry("amount missing or not positive", 1L);
    assertThat(r.cleaning().notes())
        .contains("no invoice column: each purchase day counts as one order");
  }

  @Test
  void standardised_skewedFeatures_areLog1pThenZScored() {
    FeatureTable t = CustomerSlices.retailFeatures().table();
    var p = t.standardised(List.of("recency", "frequency", "monetary"));
    for (int dim = 0; dim < 3; dim++) {
      double s = 0;
      double ss = 0;
      for (int i = 0; i < p.size(); i++) {
        s += p.get(i, dim);
        ss += p.get(i, dim) * p.get(i, dim);
      }
      assertThat(s / p.size()).isCloseTo(0, within(1e-12));
      assertThat(ss / p.size()).isCloseTo(1, within(1e-12));
    }
  }

  private static double value(FeatureTable t, String feature, int row) {
    return t.feature(feature).value(row);
  }
}
