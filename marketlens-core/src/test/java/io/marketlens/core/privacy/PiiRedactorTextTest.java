package io.marketlens.core.privacy;

import static io.marketlens.core.privacy.TestTables.SECRET;
import static io.marketlens.core.privacy.TestTables.table;
import static io.marketlens.core.privacy.TestTables.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.marketlens.core.table.Column;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Personal data inside free text: {@link PiiRedactor#redact} on text columns, and masking. */
class PiiRedactorTextTest {

  private final Pseudonymizer p = new Pseudonymizer(SECRET);

  private String redacted(String value) {
    Column c = text("review", value, "nothing to see here");
    return PiiRedactor.redact(table("reviews", c), PiiOptions.defaults(), p)
        .table()
        .column("review")
        .getString(0);
  }

  @Test
  void redact_emailAndMobileInText_areReplacedAndTheRestKept() {
    String out = redacted("mail me at bob@x.com or 13812345678, thanks!");

    assertThat(out)
        .isEqualTo(
            "mail me at "
                + p.token(PiiKind.EMAIL, "bob@x.com")
                + " or "
                + p.token(PiiKind.PHONE, "13812345678")
                + ", thanks!");
  }

  @Test
  void redact_chineseTextWithMobileAndIdCard_replacesBoth() {
    String out = redacted("请联系我13812345678，身份证11010519491231002X。邮箱：li@qq.com");

    assertThat(out)
        .isEqualTo(
            "请联系我"
                + p.token(PiiKind.PHONE, "13812345678")
                + "，身份证"
                + p.token(PiiKind.CN_ID_CARD, "11010519491231002X")
                + "。邮箱："
                + p.token(PiiKind.EMAIL, "li@qq.com"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "+44 20 7946 0958",
        "+1 (555) 123-4567",
        "(555) 123-4567",
        "555-123-4567",
        "020 7946 0958",
        "+86 138 1234 5678",
        "138-1234-5678",
        "010-12345678"
      })
  void redact_phoneInText_isReplacedWhole(String phone) {
    String out = redacted("Call " + phone + " after 6pm.");

    assertThat(out).isEqualTo("Call " + p.token(PiiKind.PHONE, phone) + " after 6pm.");
  }

  @Test
  void redact_numericQqAddress_isOneEmail() {
    assertThat(redacted("qq: 13812345678@qq.com"))
        .isEqualTo("qq: " + p.token(PiiKind.EMAIL, "13812345678@qq.com"));
  }

  @Test
  void redact_phoneFollowedByAnotherNumber_replacesOnlyThePhone() {
    assertThat(redacted("called 555-123-4567 12 times"))
        .isEqualTo("called " + p.token(PiiKind.PHONE, "555-123-4567") + " 12 times");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Paid 199.00, was 1,299.00 before the sale",
        "Bought in 2019, again in 2020 2021",
        "Delivered 2019-01-05 at 10:30, 3 days late",
        "Order 12345 for 2 items, ZIP 02139-4307",
        "Total 1 234 567.89 RMB",
        "Version 1.2.3 on 192.168.1.10",
        "Sizes 36 38 40 42 44 all fit",
        "Rated 5/5, 100% happy",
        "ISBN 978-3-16-148410-0",
        "Call me maybe"
      })
  void redact_ordinaryNumbersInText_areLeftAlone(String review) {
    assertThat(redacted(review)).isEqualTo(review);
  }

  @Test
  void redact_textWithoutPersonalData_keepsTheColumnAndReportsNothing() {
    Column c = text("review", "Great product", "Broke after 2 days");
    RedactionResult r = PiiRedactor.redact(table("reviews", c), PiiOptions.defaults(), p);

    assertThat(r.table().column("review")).isSameAs(c);
    assertThat(r.piiByColumn()).isEmpty();
    assertThat(r.changed()).isFalse();
  }

  @Test
  void redact_someValuesWithPersonalData_reportsInTextAndHowManyValuesChanged() {
    Column c = text("review", "write bob@x.com", "fine", "call 13812345678 or 13912345678", null);
    RedactionResult r = PiiRedactor.redact(table("reviews", c), PiiOptions.defaults(), p);

    assertThat(r.piiByColumn()).containsExactly(entry("review", "in-text"));
    assertThat(r.valuesReplaced()).containsExactly(entry("review", 2));
    assertThat(r.table().column("review").isMissing(3)).isTrue();
    assertThat(r.table().column("review").getString(1)).isEqualTo("fine");
  }

  @Test
  void maskForMessage_personalData_isReplacedByPlaceholders() {
    String message =
        "row 7, column 'x': expected a number, found \"bob@x.com, +86 138 1234 5678,"
            + " 11010519491231002X, (555) 123-4567\"";

    assertThat(PiiRedactor.maskForMessage(message))
        .isEqualTo(
            "row 7, column 'x': expected a number, found \"<email>, <phone>, <id>, <phone>\"");
  }

  @Test
  void maskForMessage_ordinaryMessage_isUnchanged() {
    String message =
        "data.csv, row 12 (line 13), column 'price': expected a number, found \"1O.5\"";
    assertThat(PiiRedactor.maskForMessage(message)).isEqualTo(message);
  }

  @Test
  void maskForMessage_null_isNull() {
    assertThat(PiiRedactor.maskForMessage(null)).isNull();
  }
}
