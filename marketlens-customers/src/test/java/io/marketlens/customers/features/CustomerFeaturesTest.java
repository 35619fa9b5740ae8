package io.marketlens.customers.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketlens.core.table.Column;
import io.marketlens.core.table.ColumnType;
import io.marketlens.core.table.Table;
import io.marketlens.core.validate.InvalidInputException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomerFeaturesTest {

  private static final CustomerFeatureOptions TELCO =
      CustomerFeatureOptions.defaults().withLabel("Churn").withUnits(Map.of("tenure", "months"));

  @Test
  void fromCustomers_telcoSlice_encodesEveryUsableColumn() {
    FeatureResult r = CustomerFeatures.fromCustomers(CustomerSlices.telco(), "customerID", TELCO);
    FeatureTable t = r.table();
    assertThat(t.size()).isEqualTo(300);
    assertThat(t.ids().get(0)).isEqualTo("9237-HQITU");
    assertThat(t.feature("tenure").kind()).isEqualTo(FeatureKind.NUMERIC);
    assertThat(t.feature("tenure").unit()).isEqualTo("months");
    assertThat(t.feature("SeniorCitizen").kind()).isEqualTo(FeatureKind.BINARY);
    assertThat(t.feature("Contract=Month-to-month").kind()).isEqualTo(FeatureKind.LEVEL);
    assertThat(t.featureNames())
        .contains("Contract=One year", "Contract=Two year", "InternetService=Fiber optic")
        .doesNotContain("customerID", "Churn");
    // One-hot: every customer has exactly one Contract level.
    for (int i = 0; i < t.size(); i++) {
      double sum = 0;
      for (String level : List.of("Month-to-month", "One year", "Two year")) {
        sum += t.feature("Contract=" + level).value(i);
      }
      assertThat(sum).isEqualTo(1);
    }
    assertThat(r.cleaning().imputed()).containsEntry("TotalCharges (median)", 3L);
    assertThat(t.feature("TotalCharges").skewed()).isFalse();
  }

  @Test
  void fromCustomers_label_isKeptApartFromTheFeatures() {
    FeatureTable t =
        CustomerFeatures.fromCustomers(CustomerSlices.telco(), "customerID", TELCO).table();
    Label churn = t.label().orElseThrow();
    assertThat(churn.name()).isEqualTo("Churn");
    assertThat(churn.rate(null)).isEqualTo(73 / 300.0);
    assertThat(churn.knownCount()).isEqualTo(300);
  }

  @Test
  void fromCustomers_missingIdColumn_namesTheClosestOne() {
    assertThatThrownBy(
            () -> CustomerFeatures.fromCustomers(CustomerSlices.telco(), "customerId", TELCO))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("did you mean 'customerID'?");
    assertThatThrownBy(() -> CustomerFeatures.fromCustomers(CustomerSlices.telco(), " ", TELCO))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("the name of the customer id column");
  }

  @Test
  void fromCustomers_repeatedId_namesBothRows() {
    Table t =
        Table.of(
            "customers",
            null,
            List.of(
                Column.ofStrings("id", ColumnType.TEXT, new String[] {"a", "b", "a"}, null),
                Column.ofDoubles("x", new double[] {1, 2, 3}, null)));
    assertThatThrownBy(
            () -> CustomerFeatures.fromCustomers(t, "id", CustomerFeatureOptions.defaults()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("row 4")
        .hasMessageContaining("the same id is on row 2");
  }

  @Test
  void fromCustomers_labelNotYesNo_isAnInputError() {
    Table t =
        Table.of(
            "customers",
            null,
            List.of(
                Column.ofStrings("id", ColumnType.TEXT, new String[] {"a", "b"}, null),
                Column.ofDoubles("x", new double[] {1, 2}, null),
                Column.ofStrings(
                    "y", ColumnType.CATEGORICAL, new String[] {"yes", "maybe"}, null)));
    assertThatThrownBy(
            () ->
                CustomerFeatures.fromCustomers(
                    t, "id", CustomerFeatureOptions.defaults().withLabel("y")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("a yes/no outcome")
        .hasMessageContaining("maybe");
  }

  @Test
  void fromCustomers_onlyIdsAndText_isAnInputError() {
    Table t =
        Table.of(
            "customers",
            null,
            List.of(
                Column.ofStrings("id", ColumnType.TEXT, new String[] {"a", "b"}, null),
                Column.ofDoubles("same", new double[] {1, 1}, null)));
    assertThatThrownBy(
            () -> CustomerFeatures.fromCustomers(t, "id", CustomerFeatureOptions.defaults()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("at least one numeric, yes/no or categorical column")
        .hasMessageContaining("same skipped: a single value");
  }

  @Test
  void fromCustomers_manyLevels_groupsTheRareOnesAsOther() {
    String[] v = new String[30];
    for (int i = 0; i < v.length; i++) v[i] = "L" + (i < 10 ? "0" : String.valueOf(i % 12));
    String[] ids = new String[30];
    for (int i = 0; i < ids.length; i++) ids[i] = "c" + i;
    Table t =
        Table.of(
            "customers",
            null,
            List.of(
                Column.ofStrings("id", ColumnType.TEXT, ids, null),
                Column.ofStrings("cat", ColumnType.CATEGORICAL, v, null)));
    CustomerFeatureOptions o = new CustomerFeatureOptions(null, null, null, 4);
    FeatureResult r = CustomerFeatures.fromCustomers(t, "id", o);
    assertThat(r.table().featureNames()).hasSize(4).contains("cat=other");
    assertThat(r.cleaning().notes().get(0)).contains("the 3 most common kept");
  }
}
