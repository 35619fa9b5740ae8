package io.marketlens.core.privacy;

import static io.marketlens.core.privacy.TestTables.OTHER_SECRET;
import static io.marketlens.core.privacy.TestTables.SECRET;
import static io.marketlens.core.privacy.TestTables.categorical;
import static io.marketlens.core.privacy.TestTables.cells;
import static io.marketlens.core.privacy.TestTables.decimals;
import static io.marketlens.core.privacy.TestTables.integers;
import static io.marketlens.core.privacy.TestTables.table;
import static io.marketlens.core.privacy.TestTables.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.marketlens.core.table.Column;
import io.marketlens.core.table.ColumnType;
import io.marketlens.core.table.Table;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PiiRedactorTest {

  private final Pseudonymizer p = new Pseudonymizer(SECRET);

  private static final List<String> RAW =
      List.of(
          "mary.smith@example.com",
          "JGarcia@Mail.EXAMPLE.org",
          "li.na@qq.com",
          "13812345678",
          "+86 139 8765 4321",
          "(555) 123-4567",
          "15011112222",
          "18600001111",
          "Mary Smith",
          "José García",
          "Li Na",
          "张伟",
          "王芳",
          "欧阳娜娜",
          "11010519491231002X",
          "440305199003071236",
          "310115198511204566",
          "bob@x.com",
          "13912345678",
          "510104197806153210");

  /** A customers table with personal data in every form the issue names, plus ordinary columns. */
  private static Table customers() {
    return Table.of(
        "customers",
        Path.of("customers.csv"),
        List.of(
            categorical("customerID", "7590-VHVEG", "5575-GNVDE", "3668-QPYBK"),
            categorical(
                "email", "mary.smith@example.com", "JGarcia@Mail.EXAMPLE.org", "li.na@qq.com"),
            categorical("phone", "13812345678", "+86 139 8765 4321", "(555) 123-4567"),
            integers("mobile_no", 15011112222L, 18600001111L, 13812345678L),
            categorical("full_name", "Mary Smith", "José García", "Li Na"),
            categorical("姓名", "张伟", "王芳", "欧阳娜娜"),
            categorical("c9", "11010519491231002X", "440305199003071236", "310115198511204566"),
            integers("tenure", 1, 34, 2),
            decimals("MonthlyCharges", 29.85, 56.95, 53.85),
            categorical("Contract", "Month-to-month", "One year", "Month-to-month"),
            text(
                "feedback",
                "Great service, reach me at bob@x.com",
                "Call 13912345678 please; paid 199.00 in 2019",
                "ID 510104197806153210 was asked for, why?")));
  }

  @Test
  void redact_customersWithPersonalData_noRawValueSurvivesAnywhere() {
    RedactionResult r = PiiRedactor.redact(customers(), PiiOptions.defaults(), p);

    List<String> cells = cells(r.table());
    for (String raw : RAW) {
      assertThat(cells).noneMatch(cell -> cell.contains(raw));
    }
    assertThat(String.join("\n", cells))
        .doesNotContainIgnoringCase("mary")
        .doesNotContainIgnoringCase("garcia")
        .doesNotContain("5678", "4321", "1234567");
  }

  @Test
  void redact_customers_reportsEachColumnWithItsKind() {
    RedactionResult r = PiiRedactor.redact(customers(), PiiOptions.defaults(), p);

    assertThat(r.piiByColumn())
        .containsExactly(
            entry("email", "email"),
            entry("phone", "phone"),
            entry("mobile_no", "phone"),
            entry("full_name", "name"),
            entry("姓名", "name"),
            entry("c9", "cn_id"),
            entry("feedback", "in-text"));
    assertThat(r.valuesReplaced())
        .containsExactly(
            entry("email", 3),
            entry("phone", 3),
            entry("mobile_no", 3),
            entry("full_name", 3),
            entry("姓名", 3),
            entry("c9", 3),
            entry("feedback", 3));
    assertThat(r.changed()).isTrue();
  }

  @Test
  void redact_customers_leavesOrdinaryColumnsUntouched() {
    Table in = customers();
    RedactionResult r = PiiRedactor.redact(in, PiiOptions.defaults(), p);

    for (String name : List.of("customerID", "tenure", "MonthlyCharges", "Contract")) {
      assertThat(r.table().column(name)).isSameAs(in.column(name));
    }
    assertThat(r.table().columnNames()).isEqualTo(in.columnNames());
    assertThat(r.table().name()).isEqualTo("customers");
    assertThat(r.table().source()).isEqualTo(Path.of("customers.csv"));
    assertThat(r.table().rowCount()).isEqualTo(3);
  }

  @Test
  void redact_wholeColumn_replacesEachValueByItsToken() {
    RedactionResult r = PiiRedactor.redact(customers(), PiiOptions.defaults(), p);

    Column email = r.table().column("email");
    assertThat(email.getString(0)).isEqualTo(p.token(PiiKind.EMAIL, "mary.smith@example.com"));
    assertThat(email.getString(1)).isEqualTo(p.token(PiiKind.EMAIL, "jgarcia@mail.example.org"));
    assertThat(r.table().column("c9").getString(0))
        .isEqualTo(p.token(PiiKind.CN_ID_CARD, "11010519491231002X"));
    assertThat(r.table().column("feedback").getString(1))
        .isEqualTo(
            "Call " + p.token(PiiKind.PHONE, "13912345678") + " please; paid 199.00 in 2019");
  }

  @Test
  void redact_integerPhoneColumn_becomesCategoricalTokens() {
    RedactionResult r = PiiRedactor.redact(customers(), PiiOptions.defaults(), p);

    Column mobile = r.table().column("mobile_no");
    assertThat(mobile.type()).isEqualTo(ColumnType.CATEGORICAL);
    assertThat(mobile.getString(2)).isEqualTo(p.token(PiiKind.PHONE, "13812345678"));
  }

  @Test
  void redact_sameValueInTwoColumnsOrTables_getsTheSameToken() {
    RedactionResult customers = PiiRedactor.redact(customers(), PiiOptions.defaults(), p);
    Table orders =
        table(
            "orders",
            categorical("buyer_phone", "+86 138-1234-5678", "+86 150 1111 2222"),
            decimals("amount", 10.0, 20.0));
    RedactionResult ordersOut = PiiRedactor.redact(orders, PiiOptions.defaults(), p);

    String token = p.token(PiiKind.PHONE, "13812345678");
    assertThat(customers.table().column("phone").getString(0)).isEqualTo(token);
    assertThat(customers.table().column("mobile_no").getString(2)).isEqualTo(token);
    assertThat(ordersOut.table().column("buyer_phone").getString(0)).isEqualTo(token);
  }

  @Test
  void redact_sameSecret_isDeterministic_otherSecret_differs() {
    List<String> once = cells(PiiRedactor.redact(customers(), PiiOptions.defaults(), p).table());
    List<String> twice =
        cells(
            PiiRedactor.redact(customers(), PiiOptions.defaults(), new Pseudonymizer(SECRET))
                .table());
    List<String> other =
        cells(
            PiiRedactor.redact(customers(), PiiOptions.defaults(), new Pseudonymizer(OTHER_SECRET))
                .table());

    assertThat(twice).isEqualTo(once);
    assertThat(other.get(3)).isNotEqualTo(once.get(3)); // first e-mail
  }

  @Test
  void redact_columnSetOff_keepsRawValues() {
    PiiOptions o = new PiiOptions(true, Map.of("email", "off", "feedback", "off"));
    RedactionResult r = PiiRedactor.redact(customers(), o, p);

    assertThat(r.table().column("email").getString(0)).isEqualTo("mary.smith@example.com");
    assertThat(r.table().column("feedback").getString(0)).contains("bob@x.com");
    assertThat(r.piiByColumn()).doesNotContainKeys("email", "feedback").containsKey("phone");
  }

  @Test
  void redact_columnForcedToAKind_isReplacedWithoutDetection() {
    Table t = table("notes", categorical("handle", "bob_88", "xx-lee", "anon"));
    RedactionResult r = PiiRedactor.redact(t, new PiiOptions(true, Map.of("HANDLE", "name")), p);

    assertThat(r.piiByColumn()).containsExactly(entry("handle", "name"));
    assertThat(r.table().column("handle").getString(0))
        .isEqualTo(p.token(PiiKind.PERSON_NAME, "bob_88"));
  }

  @Test
  void redact_forcedKindOnAMixedColumn_keepsEachRecognisedValuesOwnKind() {
    Table t = table("t", categorical("contact", "bob@x.com", "13812345678", "someone"));
    RedactionResult r = PiiRedactor.redact(t, new PiiOptions(true, Map.of("contact", "phone")), p);

    Column c = r.table().column("contact");
    assertThat(c.getString(0)).isEqualTo(p.token(PiiKind.EMAIL, "bob@x.com"));
    assertThat(c.getString(1)).isEqualTo(p.token(PiiKind.PHONE, "13812345678"));
    assertThat(c.getString(2)).isEqualTo(p.token(PiiKind.PHONE, "someone"));
  }

  @Test
  void redact_disabled_changesNothingButForcedColumns() {
    RedactionResult r =
        PiiRedactor.redact(customers(), new PiiOptions(false, Map.of("c9", "cn_id")), p);

    assertThat(r.piiByColumn()).containsExactly(entry("c9", "cn_id"));
    assertThat(r.table().column("email").getString(0)).isEqualTo("mary.smith@example.com");
    assertThat(r.table().column("feedback").getString(0)).contains("bob@x.com");
  }

  @Test
  void redact_missingValues_stayMissing() {
    Column email =
        Column.ofStrings(
            "email", ColumnType.CATEGORICAL, new String[] {"a@x.com", null, "b@y.org"}, null);
    RedactionResult r = PiiRedactor.redact(table("t", email), PiiOptions.defaults(), p);

    Column out = r.table().column("email");
    assertThat(out.isMissing(1)).isTrue();
    assertThat(out.getString(1)).isNull();
    assertThat(r.valuesReplaced()).containsExactly(entry("email", 2));
  }

  @Test
  void redact_repeatedValues_shareOneToken() {
    Table t = table("t", categorical("email", "a@x.com", "A@X.com", "b@y.org", "a@x.com"));
    Column out = PiiRedactor.redact(t, PiiOptions.defaults(), p).table().column("email");

    assertThat(out.getString(0)).isEqualTo(out.getString(1)).isEqualTo(out.getString(3));
    assertThat(out.getString(2)).isNotEqualTo(out.getString(0));
  }

  @Test
  void redact_tableWithoutPersonalData_isReportedUnchanged() {
    Table t = table("t", integers("tenure", 1, 2), categorical("Contract", "One year", "Two year"));
    RedactionResult r = PiiRedactor.redact(t, PiiOptions.defaults(), p);

    assertThat(r.changed()).isFalse();
    assertThat(r.valuesReplaced()).isEmpty();
    assertThat(r.table().columns()).isEqualTo(t.columns());
  }

  @Test
  void redact_resultMaps_areUnmodifiable() {
    RedactionResult r = PiiRedactor.redact(customers(), PiiOptions.defaults(), p);
    assertThatThrownBy(() -> r.piiByColumn().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void redact_nullArgument_isRejected() {
    assertThatThrownBy(() -> PiiRedactor.redact(customers(), null, p))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("options");
    assertThatThrownBy(() -> PiiRedactor.redact(customers(), PiiOptions.defaults(), null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("pseudonymizer");
  }
}
