package io.marketlens.core.privacy;

import static io.marketlens.core.privacy.TestTables.categorical;
import static io.marketlens.core.privacy.TestTables.decimals;
import static io.marketlens.core.privacy.TestTables.integers;
import static io.marketlens.core.privacy.TestTables.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.marketlens.core.table.Column;
import io.marketlens.core.table.ColumnType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PiiDetectorTest {

  private static PiiKind detect(Column c) {
    return PiiDetector.detect("customers", c);
  }

  // --- by header

  @Test
  void detect_emailHeaderWithSomeBadValues_isEmail() {
    Column c = categorical("Email", "a@x.com", "b@y.org", "n/a", "c@z.cn");
    assertThat(detect(c)).isEqualTo(PiiKind.EMAIL);
  }

  @Test
  void detect_phoneHeaderWithPlainDigits_isPhone() {
    Column c = categorical("phone", "5551234567", "5559876543", "5550001111");
    assertThat(detect(c)).isEqualTo(PiiKind.PHONE);
  }

  @Test
  void detect_phoneHeaderOnIntegerColumn_isPhone() {
    assertThat(detect(integers("tel", 5551234567L, 5559876543L))).isEqualTo(PiiKind.PHONE);
  }

  @Test
  void detect_firstNameHeaderWithSingleWords_isName() {
    Column c = categorical("first_name", "Mary", "John", "Li", "Mary", "Ahmed");
    assertThat(detect(c)).isEqualTo(PiiKind.PERSON_NAME);
  }

  @Test
  void detect_chineseNameHeaderWithHanNames_isName() {
    Column c = categorical("姓名", "张伟", "王芳", "李娜", "欧阳娜娜");
    assertThat(detect(c)).isEqualTo(PiiKind.PERSON_NAME);
  }

  @Test
  void detect_bareNameHeaderInCustomers_isName() {
    Column c = categorical("name", "mary smith", "JOHN DOE", "Li Na");
    assertThat(detect(c)).isEqualTo(PiiKind.PERSON_NAME);
  }

  @Test
  void detect_idCardHeader_isCnId() {
    Column c = categorical("身份证号", "11010519491231002X", "440305199003071236");
    assertThat(detect(c)).isEqualTo(PiiKind.CN_ID_CARD);
  }

  @Test
  void detect_phoneServiceYesNo_isNull() {
    // Telco churn: the header mentions a phone, the values are a flag.
    Column c = categorical("PhoneService", "Yes", "No", "Yes", "Yes", "No");
    assertThat(detect(c)).isNull();
  }

  @Test
  void detect_emailOptInFlag_isNull() {
    assertThat(detect(categorical("email_opt_in", "yes", "no", "no"))).isNull();
  }

  @Test
  void detect_nameHeaderOverFlags_isNull() {
    assertThat(detect(categorical("name_verified", "Yes", "No", "Yes", "No"))).isNull();
  }

  @Test
  void detect_productNameHeader_isNull() {
    Column c = categorical("product_name", "Wireless Mouse", "Office Chair", "Desk Lamp");
    assertThat(detect(c)).isNull();
  }

  @Test
  void detect_bareNameHeaderInProductTable_isNull() {
    Column c = categorical("name", "Wireless Mouse", "Office Chair", "Desk Lamp");
    assertThat(PiiDetector.detect("products", c)).isNull();
  }

  // --- by shape

  @Test
  void detect_emailValuesUnderNeutralHeader_isEmail() {
    Column c = categorical("contact_info", "a@x.com", "b@y.org", "c@z.cn", "d@w.io", "e@v.de");
    assertThat(detect(c)).isEqualTo(PiiKind.EMAIL);
  }

  @Test
  void detect_chineseMobilesAsStrings_isPhone() {
    Column c = categorical("c1", "13812345678", "+86 139 8765 4321", "15011112222");
    assertThat(detect(c)).isEqualTo(PiiKind.PHONE);
  }

  @Test
  void detect_chineseMobilesReadAsIntegers_isPhone() {
    Column c = integers("user", 13812345678L, 13987654321L, 15011112222L, 18600001111L);
    assertThat(detect(c)).isEqualTo(PiiKind.PHONE);
  }

  @Test
  void detect_chineseMobilesUnderIdHeader_isStillPhone() {
    Column c = integers("user_id", 13812345678L, 13987654321L, 15011112222L);
    assertThat(detect(c)).isEqualTo(PiiKind.PHONE);
  }

  @Test
  void detect_formattedNationalPhones_isPhone() {
    Column c =
        categorical("c2", "(555) 123-4567", "555-987-6543", "020 7946 0958", "+1 555 000 1111");
    assertThat(detect(c)).isEqualTo(PiiKind.PHONE);
  }

  @Test
  void detect_groupedDigitsUnderCodeHeader_isNull() {
    Column c = categorical("product_code", "123-456-789", "234-567-890", "345-678-901");
    assertThat(detect(c)).isNull();
  }

  @Test
  void detect_validIdCardsUnderNeutralHeader_isCnId() {
    Column c =
        categorical(
            "c3",
            "11010519491231002X",
            "440305199003071236",
            "310115198511204566",
            "110105491231002");
    assertThat(detect(c)).isEqualTo(PiiKind.CN_ID_CARD);
  }

  @Test
  void detect_eighteenDigitIdCardsReadAsIntegers_isCnId() {
    Column c = integers("c4", 440305199003071236L, 310115198511204566L, 510104197806153210L);
    assertThat(detect(c)).isEqualTo(PiiKind.CN_ID_CARD);
  }

  @Test
  void detect_randomEighteenDigitIntegers_isNull() {
    List<Long> ids = new ArrayList<>();
    for (long i = 0; i < 50; i++) ids.add(123456789012345678L + i * 7919);
    long[] v = ids.stream().mapToLong(Long::longValue).toArray();
    assertThat(detect(integers("order_id", v))).isNull();
  }

  @Test
  void detect_latinPersonNamesUnderNeutralHeader_isName() {
    Column c =
        categorical(
            "c5", "Mary Smith", "José García", "John F. Kennedy", "Wang Wei", "Anna Müller");
    assertThat(detect(c)).isEqualTo(PiiKind.PERSON_NAME);
  }

  @Test
  void detect_nameShapedButFewRepeatedValues_isNull() {
    // Categorical-looking: title-cased labels that repeat.
    String[] v = new String[40];
    for (int i = 0; i < v.length; i++) v[i] = i % 2 == 0 ? "Credit Card" : "Bank Transfer";
    assertThat(detect(categorical("PaymentMethod", v))).isNull();
    assertThat(detect(categorical("c6", v))).isNull();
  }

  @Test
  void detect_hanNamesWithoutNameHeader_isNull() {
    assertThat(detect(categorical("c7", "张伟", "王芳", "李娜"))).isNull();
  }

  @Test
  void detect_mixedEmailsAndPhones_isTheMoreFrequentKind() {
    Column c =
        categorical("reach", "a@x.com", "13812345678", "b@y.org", "c@z.cn", "+44 20 7946 0958");
    assertThat(detect(c)).isEqualTo(PiiKind.EMAIL);
  }

  // --- negatives by shape

  @Test
  void detect_telcoCustomerIds_isNull() {
    Column c = categorical("customerID", "7590-VHVEG", "5575-GNVDE", "3668-QPYBK", "7795-CFOCW");
    assertThat(detect(c)).isNull();
  }

  @Test
  void detect_pricesAsText_isNull() {
    assertThat(detect(categorical("price", "199.00", "1299.99", "15.50"))).isNull();
  }

  @Test
  void detect_pricesAsDecimals_isNull() {
    assertThat(detect(decimals("amount", 13812345678.0, 199.0))).isNull();
  }

  @Test
  void detect_yearsAsIntegers_isNull() {
    assertThat(detect(integers("year", 2019, 2020, 2021))).isNull();
  }

  @Test
  void detect_zipCodes_isNull() {
    assertThat(detect(categorical("zip", "02139", "94103", "10001"))).isNull();
    assertThat(detect(categorical("zip4", "02139-4307", "94103-1234", "10001-0001"))).isNull();
    assertThat(detect(integers("postcode", 100080, 200030, 518000))).isNull();
  }

  @Test
  void detect_dates_isNull() {
    assertThat(detect(categorical("when", "2019-01-05", "2020-12-31", "2021-06-15"))).isNull();
  }

  @Test
  void detect_plainTenDigitIntegers_isNull() {
    assertThat(detect(integers("ts", 1546300800L, 1577836800L, 1609459200L))).isNull();
  }

  @Test
  void detect_telcoCategoricals_isNull() {
    assertThat(detect(categorical("Contract", "Month-to-month", "One year", "Two year"))).isNull();
    assertThat(detect(categorical("InternetService", "DSL", "Fiber optic", "No"))).isNull();
    assertThat(detect(categorical("gender", "Female", "Male", "Male"))).isNull();
  }

  @Test
  void detect_reviewText_isNull() {
    Column c = text("review", "Great product, works well", "Terrible. Broke after 2 days", "ok");
    assertThat(detect(c)).isNull();
  }

  @Test
  void detect_allMissing_isNull() {
    Column c = Column.ofStrings("email", ColumnType.CATEGORICAL, new String[] {null, null}, null);
    assertThat(detect(c)).isNull();
  }

  // --- kind of one value

  @Test
  void kindOf_valueOfAnotherKind_keepsItsOwnKind() {
    assertThat(PiiDetector.kindOf("bob@x.com", PiiKind.PHONE)).isEqualTo(PiiKind.EMAIL);
    assertThat(PiiDetector.kindOf("13812345678", PiiKind.PERSON_NAME)).isEqualTo(PiiKind.PHONE);
    assertThat(PiiDetector.kindOf("11010519491231002X", PiiKind.PHONE))
        .isEqualTo(PiiKind.CN_ID_CARD);
    assertThat(PiiDetector.kindOf("n/a", PiiKind.EMAIL)).isEqualTo(PiiKind.EMAIL);
    assertThat(PiiDetector.kindOf("5551234567", PiiKind.PHONE)).isEqualTo(PiiKind.PHONE);
  }
}
