package io.marketlens.market.competitors;

import static io.marketlens.market.competitors.TestTables.numbers;
import static io.marketlens.market.competitors.TestTables.strings;
import static io.marketlens.market.competitors.TestTables.table;
import static io.marketlens.market.competitors.TestTables.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.marketlens.core.table.Column;
import io.marketlens.core.table.ColumnType;
import io.marketlens.core.table.Table;
import io.marketlens.core.validate.InvalidInputException;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Small hand-made tables: bad inputs, missing values, dropped columns, degenerate shapes. */
class CompetitorAnalysisInputTest {

  private static Table phones() {
    return table(
        strings("model", "p1", "p2", "p3", "p4", "p5", "p6"),
        numbers("screen", 6.1, 6.7, 5.8, 6.5, 6.1, 6.9),
        numbers("battery", 3100, 4300, 2700, 4000, 3300, 5000),
        strings("brand", "apple", "apple", "acme", "acme", "zeta", "zeta"),
        numbers("price", 799, 1099, 399, 699, 549, 999));
  }

  private static CompetitorOptions options(String ours) {
    return CompetitorOptions.defaults("model", "price", ours);
  }

  @Test
  void run_smallTable_completeResult() {
    CompetitorResult r = CompetitorAnalysis.run(phones(), options("p1"));

    assertThat(r.map().points()).hasSize(6);
    assertThat(r.map().axes()).hasSize(2);
    assertThat(r.priceValue().frontier()).isNotEmpty();
    assertThat(r.rivals()).hasSize(5);
    assertThat(r.features().used())
        .extracting(FeatureReport.Used::column, FeatureReport.Used::kind)
        .containsExactly(
            tuple("screen", "numeric"),
            tuple("battery", "numeric"),
            tuple("brand", "categorical"),
            tuple("price", "numeric"));
  }

  @Test
  void run_twoProducts_errorAsksForThree() {
    Table t = table(strings("model", "a", "b"), numbers("x", 1, 2), numbers("price", 3, 4));

    assertThatThrownBy(() -> CompetitorAnalysis.run(t, options(null)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "competitors.csv: expected at least 3 products (rows) for a competitor map,"
                + " found \"2 rows\"");
  }

  @Test
  void run_oneUsableFeature_errorSaysWhatWasLeftOut() {
    Table t =
        table(
            strings("model", "a", "b", "c"),
            text("notes", "fast", "slow", "big"),
            numbers("price", 3, 4, 5));

    assertThatThrownBy(() -> CompetitorAnalysis.run(t, options(null)))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.expected()).startsWith("at least 2 usable feature columns");
              assertThat(e.found()).isEqualTo("only price");
              assertThat(e.hint()).contains("notes (");
            });
  }

  @Test
  void run_threeProductsTwoFeatures_works() {
    Table t =
        table(strings("model", "a", "b", "c"), numbers("x", 1, 2, 4), numbers("price", 3, 4, 9));

    CompetitorResult r = CompetitorAnalysis.run(t, options("a"));

    assertThat(
            r.map().axes().get(0).explainedVariance() + r.map().axes().get(1).explainedVariance())
        .isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(r.rivals()).extracting(Rival::name).containsExactly("b", "c");
  }

  @Test
  void run_unknownOurs_errorSuggestsTheClosestName() {
    assertThatThrownBy(() -> CompetitorAnalysis.run(phones(), options("p7")))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.column()).isEqualTo("model");
              assertThat(e.key()).isEqualTo("competitors.ours");
              assertThat(e.found()).isEqualTo("no such product");
              assertThat(e.hint()).isEqualTo("did you mean 'p1'?");
            });
  }

  @Test
  void run_oursOnTwoRows_errorNamesTheRows() {
    Table t =
        table(strings("model", "a", "a", "c"), numbers("x", 1, 2, 4), numbers("price", 3, 4, 9));

    assertThatThrownBy(() -> CompetitorAnalysis.run(t, options("a")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("found \"2 rows (data rows 2, 3)\"");
  }

  @Test
  void run_unknownColumns_errorsSuggestTheClosest() {
    assertThatThrownBy(
            () -> CompetitorAnalysis.run(phones(), CompetitorOptions.defaults("modle", null, null)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("did you mean 'model'?");
    assertThatThrownBy(
            () ->
                CompetitorAnalysis.run(
                    phones(), CompetitorOptions.defaults("model", "prize", null)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("did you mean 'price'?");
    assertThatThrownBy(
            () ->
                CompetitorAnalysis.run(phones(), options(null).withUnitColumns(List.of("batery"))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("did you mean 'battery'?");
    assertThatThrownBy(
            () ->
                CompetitorAnalysis.run(
                    phones(), options(null).withFeatureColumns(List.of("screen", "colour"))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("column 'colour'");
  }

  @Test
  void run_priceOfWords_errorNamesTheRow() {
    Table t =
        table(
            strings("model", "a", "b", "c"),
            numbers("x", 1, 2, 4),
            strings("price", "cheap", "10", "12"));

    assertThatThrownBy(() -> CompetitorAnalysis.run(t, options(null)))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.row()).isEqualTo(2);
              assertThat(e.column()).isEqualTo("price");
            });
  }

  @Test
  void run_fewerThanThreePrices_error() {
    Table t =
        table(
            strings("model", "a", "b", "c", "d"),
            numbers("x", 1, 2, 4, 5),
            withMissing(numbers("price", 3, 0, 0, 0), 1, 2, 3));

    assertThatThrownBy(() -> CompetitorAnalysis.run(t, options(null)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("expected a price for at least 3 products, found \"1 prices\"");
  }

  @Test
  void run_unusableColumns_droppedWithReasons() {
    Table t =
        table(
            strings("model", "a", "b", "c", "d", "e", "f"),
            Column.ofLongs("id", ColumnType.INTEGER, new long[] {7, 2, 3, 4, 5, 6}, null),
            strings("sku", "s1", "s2", "s3", "s4", "s5", "s6"),
            text("claims", "fast", "slow", "fast", "big", "small", "fast"),
            numbers("flat", 5, 5, 5, 5, 5, 5),
            strings("colour", "red", "red", "red", "red", "red", "red"),
            withMissing(numbers("sparse", 1, 2, 3, 4, 5, 6), 0, 1, 2, 3),
            Column.ofLongs(
                "launched",
                ColumnType.DATE,
                new long[] {19000, 19100, 19200, 19300, 19400, 19500},
                null),
            numbers("x", 1, 2, 4, 8, 16, 32),
            Column.ofLongs("wifi", ColumnType.BOOLEAN, new long[] {1, 0, 1, 1, 0, 1}, null),
            numbers("price", 3, 4, 9, 12, 20, 30));

    CompetitorResult r = CompetitorAnalysis.run(t, options("a"));

    assertThat(r.features().dropped())
        .extracting(FeatureReport.Dropped::column, FeatureReport.Dropped::reason)
        .containsExactly(
            tuple("id", "id-like: a different running number on every row"),
            tuple("sku", "id-like: 6 different values in 6 rows"),
            tuple("claims", "free text"),
            tuple("flat", "constant (5 in every row)"),
            tuple("colour", "constant ('red')"),
            tuple("sparse", "more than half missing (4 of 6 rows)"),
            tuple("launched", "a date; give a number such as the launch year to use it"));
    assertThat(r.features().used())
        .extracting(FeatureReport.Used::column, FeatureReport.Used::kind)
        .containsExactly(
            tuple("x", "numeric"), tuple("wifi", "boolean"), tuple("price", "numeric"));
  }

  @Test
  void run_missingValues_imputedAndCounted() {
    Table t =
        table(
            strings("model", "a", "b", "c", "d", "e"),
            withMissing(numbers("x", 1, 2, 99, 4, 10), 2),
            strings("kind", "big", null, "big", "small", "small"),
            strings("doors", "two", "four", null, "four", "four"),
            numbers("price", 3, 4, 9, 12, 20));

    CompetitorResult r = CompetitorAnalysis.run(t, options(null));

    Map<String, FeatureReport.Used> used = new java.util.HashMap<>();
    for (FeatureReport.Used u : r.features().used()) used.put(u.column(), u);
    assertThat(used.get("x").imputed()).isEqualTo(1);
    assertThat(used.get("x").imputedWith()).isEqualTo("3"); // median of 1, 2, 4, 10
    assertThat(used.get("kind").imputed()).isEqualTo(1);
    assertThat(used.get("kind").imputedWith()).isEqualTo("big"); // tie: alphabetical
    assertThat(used.get("doors").kind()).isEqualTo("number words");
    assertThat(used.get("doors").imputedWith()).isEqualTo("4");
    assertThat(r.notes())
        .contains("1 missing x filled with the median 3", "1 missing kind filled with 'big'");
  }

  @Test
  void run_shortRepeatedTextLabels_usedAsCategories() {
    Table t =
        table(
            strings("model", "a", "b", "c", "d", "e", "f"),
            text("brand", "acme", "acme", "zeta", "zeta", "acme", "zeta"),
            numbers("price", 3, 4, 9, 12, 20, 30));

    CompetitorResult r = CompetitorAnalysis.run(t, options(null));

    assertThat(r.features().used().get(0).kind()).isEqualTo("categorical");
    assertThat(r.notes())
        .contains("brand: read as categories (2 short labels repeated over 6 rows)");
  }

  @Test
  void run_rareLevels_mergedIntoOther() {
    Table t =
        table(
            strings("model", "a", "b", "c", "d", "e", "f", "g"),
            strings("brand", "x", "x", "x", "y", "y", "z", "w"),
            numbers("price", 3, 4, 9, 12, 20, 25, 30));

    CompetitorResult r = CompetitorAnalysis.run(t, options(null).withMaxLevels(2));

    assertThat(r.features().used().get(0).levels()).containsExactly("x", "y", "other");
    assertThat(r.map().axes().get(0).loadings())
        .extracting(CompetitorMap.Loading::feature)
        .contains("brand=other");
  }

  @Test
  void run_collinearFeatures_noNaNAnywhere() {
    // Every feature is a multiple of one: the second axis has no variance at all.
    Table t =
        table(
            strings("model", "a", "b", "c", "d"),
            numbers("x", 1, 2, 3, 4),
            numbers("y", 2, 4, 6, 8),
            numbers("price", 10, 20, 30, 40));

    CompetitorResult r = CompetitorAnalysis.run(t, options("a"));

    assertThat(r.map().axes().get(0).explainedVariance())
        .isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(r.map().axes().get(1).explainedVariance())
        .isCloseTo(0.0, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(r.whiteSpace()).isEmpty();
    assertThat(r.notes()).anyMatch(n -> n.startsWith("no white space"));
  }

  @Test
  void run_identicalProducts_noNaNAnywhere() {
    Table t =
        table(
            strings("model", "a", "b", "c", "d"),
            numbers("x", 1, 1, 1, 2),
            numbers("y", 5, 5, 5, 7),
            numbers("price", 10, 10, 10, 12));

    CompetitorResult r = CompetitorAnalysis.run(t, options("a"));

    assertThat(r.rivals().get(0).distance()).isZero();
    assertThat(r.rivals().get(0).summary()).isEqualTo("b: same price; the same features as ours");
  }

  @Test
  void run_noPriceColumn_mapWithoutFrontier() {
    Table t =
        table(
            strings("model", "a", "b", "c", "d"),
            numbers("x", 1, 2, 3, 5),
            numbers("y", 3, 1, 4, 1));

    CompetitorResult r = CompetitorAnalysis.run(t, CompetitorOptions.defaults("model", null, "b"));

    assertThat(r.priceValue()).isNull();
    assertThat(r.rivals()).hasSize(3).allSatisfy(v -> assertThat(v.price()).isNull());
    assertThat(r.notes()).contains("no price-value frontier: no price column was given");
  }

  @Test
  void run_noOurs_noRivals() {
    CompetitorResult r = CompetitorAnalysis.run(phones(), options(null));

    assertThat(r.ours()).isNull();
    assertThat(r.rivals()).isEmpty();
    assertThat(r.notes()).contains("no rivals: no product is marked as ours");
  }

  @Test
  void options_badCounts_rejected() {
    assertThatThrownBy(() -> options(null).withRivals(-1))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> options(null).withWhiteSpace(5, 2))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("grid size");
    assertThatThrownBy(() -> CompetitorOptions.defaults(" ", null, null))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void demandPoint_badInput_rejected() {
    assertThatThrownBy(() -> DemandPoint.atMap("s", 0, 1, 1))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> new DemandPoint("s", 1, Map.of(), 1.0, 2.0, null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("found \"2 of them\"");
    assertThatThrownBy(
            () ->
                CompetitorAnalysis.run(
                    phones(),
                    options(null).withDemand(List.of(DemandPoint.atProduct("r", 1, "p9")))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("demand point 'r'")
        .hasMessageContaining("did you mean 'p1'?");
    assertThatThrownBy(
            () ->
                CompetitorAnalysis.run(
                    phones(),
                    options(null)
                        .withDemand(
                            List.of(DemandPoint.atFeatures("s", 1, Map.of("screan", 6.0))))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("did you mean 'screen'?");
    assertThatThrownBy(
            () ->
                CompetitorAnalysis.run(
                    phones(),
                    options(null)
                        .withDemand(
                            List.of(DemandPoint.atFeatures("s", 1, Map.of("brand", "nokia"))))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("one of [acme, apple, zeta]");
  }

  private static Column withMissing(Column c, int... rows) {
    BitSet missing = new BitSet();
    for (int r : rows) missing.set(r);
    double[] v = new double[c.size()];
    for (int i = 0; i < v.length; i++) v[i] = missing.get(i) ? 0 : c.getDouble(i);
    return Column.ofDoubles(c.name(), v, missing);
  }
}
