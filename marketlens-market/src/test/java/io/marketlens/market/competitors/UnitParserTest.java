package io.marketlens.market.competitors;

import static io.marketlens.market.competitors.TestTables.numbers;
import static io.marketlens.market.competitors.TestTables.strings;
import static io.marketlens.market.competitors.TestTables.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.marketlens.core.validate.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnitParserTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "8GB | 8 | GB",
        "8 gb | 8 | GB",
        "1.37kg | 1.37 | kg",
        "2.5GHz | 2.5 | GHz",
        "2,5 GHz | 2.5 | GHz",
        "1,299 | 1299 | ''",
        "$1,299.50 | 1299.5 | ''",
        "12,345,678 | 12345678 | ''",
        "4000mAh | 4000 | mAh",
        "15.6\" | 15.6 | in",
        "300 nits | 300 | nits",
        "-3 | -3 | ''"
      })
  void parse_specString_valueAndCanonicalUnit(String raw, double value, String unit) {
    UnitParser.Parsed p = UnitParser.parse(raw);

    assertThat(p.value()).isCloseTo(value, within(1e-12));
    assertThat(p.unit()).isEqualTo(unit);
  }

  @ParameterizedTest
  @CsvSource({"eight GB", "8 GB extra", "1.2.3kg", "''", "GB"})
  void parse_notANumberWithUnit_null(String raw) {
    assertThat(UnitParser.parse(raw)).isNull();
  }

  @Test
  void parseColumn_mixedUnitsOfOneFamily_convertedToTheMostCommonUnit() {
    var c = strings("storage", "512MB", "1TB", "256GB", "128 GB", null);

    UnitParser.ParsedColumn p = UnitParser.parseColumn(c, null);

    assertThat(p.unit()).isEqualTo("GB");
    assertThat(p.values()[0]).isCloseTo(0.5, within(1e-12));
    assertThat(p.values()[1]).isCloseTo(1024, within(1e-9));
    assertThat(p.values()[2]).isEqualTo(256);
    assertThat(p.missing().get(4)).isTrue();
  }

  @Test
  void parseColumn_gramsAndKilograms_convertedToKilograms() {
    UnitParser.ParsedColumn p =
        UnitParser.parseColumn(strings("weight", "1.37kg", "980g", "1.2 kg"), null);

    assertThat(p.unit()).isEqualTo("kg");
    assertThat(p.values()).containsExactly(new double[] {1.37, 0.98, 1.2}, within(1e-12));
  }

  @Test
  void parseColumn_unparseableValue_errorNamesRowAndColumn() {
    var c = strings("ram", "8GB", "16GB", "lots");

    assertThatThrownBy(() -> UnitParser.parseColumn(c, java.nio.file.Path.of("laptops.csv")))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.row()).isEqualTo(4);
              assertThat(e.column()).isEqualTo("ram");
              assertThat(e.found()).isEqualTo("lots");
              assertThat(e.getMessage()).startsWith("laptops.csv, row 4, column 'ram': expected");
            });
  }

  @Test
  void parseColumn_unitsOfDifferentFamilies_error() {
    var c = strings("spec", "8GB", "16GB", "3kg");

    assertThatThrownBy(() -> UnitParser.parseColumn(c, null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("row 4")
        .hasMessageContaining("3kg in a column mostly in GB");
  }

  @Test
  void run_unitColumns_parsedAsNumericFeatures() {
    var t =
        table(
            strings("model", "a", "b", "c", "d", "e"),
            strings("ram", "8GB", "16GB", "512MB", "32 GB", "8GB"),
            strings("weight", "1.37kg", "2.1kg", "900g", "2.5kg", "1.5kg"),
            strings("cpu", "2.5GHz", "3.1GHz", "1800MHz", "3.5GHz", "2.9GHz"),
            strings("price", "$999", "$1,299", "$499", "$1,899", "$1,099"));

    CompetitorResult r =
        CompetitorAnalysis.run(
            t,
            CompetitorOptions.defaults("model", "price", "a")
                .withUnitColumns(List.of("ram", "weight", "cpu")));

    assertThat(r.features().used())
        .extracting(FeatureReport.Used::column, FeatureReport.Used::kind, FeatureReport.Used::unit)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("ram", "unit", "GB"),
            org.assertj.core.groups.Tuple.tuple("weight", "unit", "kg"),
            org.assertj.core.groups.Tuple.tuple("cpu", "unit", "GHz"),
            org.assertj.core.groups.Tuple.tuple("price", "unit", null));
    assertThat(r.priceValue().products().get(1).price()).isEqualTo(1299.0);
    assertThat(r.rivals()).hasSize(4);
  }

  @Test
  void run_unitStringsNotListed_droppedWithAHint() {
    var t =
        table(
            strings("model", "a", "b", "c", "d"),
            strings("ram", "8GB", "16GB", "8GB", "32GB"),
            numbers("screen", 13, 15, 14, 16),
            numbers("price", 900, 1300, 1000, 1900));

    CompetitorResult r =
        CompetitorAnalysis.run(t, CompetitorOptions.defaults("model", "price", null));

    assertThat(r.features().dropped())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.column()).isEqualTo("ram");
              assertThat(d.reason()).contains("'8GB'").contains("list it under units");
            });
  }
}
