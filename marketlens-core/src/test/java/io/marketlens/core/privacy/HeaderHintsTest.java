package io.marketlens.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HeaderHintsTest {

  @ParameterizedTest
  @CsvSource({
    "email, email",
    "E-mail, email",
    "e_mail_address, email",
    "CustomerEmail, email",
    "useremail, email",
    "Mail, email",
    "邮箱, email",
    "电子邮件, email",
    "phone, phone",
    "Phone Number, phone",
    "mobile, phone",
    "tel, phone",
    "telephone, phone",
    "contact_phone, phone",
    "手机号, phone",
    "联系电话, phone",
    "name, name",
    "Name, name",
    "first_name, name",
    "LastName, name",
    "full name, name",
    "customer_name, name",
    "customername, name",
    "contact, name",
    "ProfileName, name",
    "surname, name",
    "姓名, name",
    "客户姓名, name",
    "名字, name",
    "id_card, cn_id",
    "IDCard, cn_id",
    "national_id, cn_id",
    "身份证号, cn_id",
  })
  void hint_personalHeader_namesTheKind(String header, String kind) {
    assertThat(HeaderHints.hint(header, "customers").id()).isEqualTo(kind);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "product_name",
        "ProductName",
        "productname",
        "name of product",
        "brand name",
        "model_name",
        "make",
        "category name",
        "item name",
        "title",
        "company_name",
        "file name",
        "hostname",
        "contact_method",
        "preferred_contact",
        "产品名称",
        "商品名字",
        "customerID",
        "tenure",
        "Churn",
        "price",
        "review_text",
        "gender"
      })
  void hint_otherHeader_isNull(String header) {
    assertThat(HeaderHints.hint(header, "customers")).isNull();
  }

  @Test
  void hint_bareNameInAThingTable_isNull_butPersonQualifierStillCounts() {
    assertThat(HeaderHints.hint("name", "products")).isNull();
    assertThat(HeaderHints.hint("name", "competitor_catalog")).isNull();
    assertThat(HeaderHints.hint("name", "customers")).isEqualTo(PiiKind.PERSON_NAME);
    assertThat(HeaderHints.hint("name", null)).isEqualTo(PiiKind.PERSON_NAME);
    assertThat(HeaderHints.hint("reviewer_name", "products")).isEqualTo(PiiKind.PERSON_NAME);
  }

  @Test
  void excludesNames_thingHeaderOrTable_isTrue() {
    assertThat(HeaderHints.excludesNames("product", "orders")).isTrue();
    assertThat(HeaderHints.excludesNames("title", "reviews")).isTrue();
    assertThat(HeaderHints.excludesNames("city", "customers")).isTrue();
    assertThat(HeaderHints.excludesNames("label", "items")).isTrue();
    assertThat(HeaderHints.excludesNames("buyer", "orders")).isFalse();
  }

  @Test
  void isIdentifier_idCodeAndAmountHeaders_isTrue() {
    assertThat(HeaderHints.isIdentifier("customerID")).isTrue();
    assertThat(HeaderHints.isIdentifier("order_no")).isTrue();
    assertThat(HeaderHints.isIdentifier("zip")).isTrue();
    assertThat(HeaderHints.isIdentifier("userid")).isTrue();
    assertThat(HeaderHints.isIdentifier("notes")).isFalse();
  }

  @Test
  void words_camelCaseAndSeparators_areSplitAndLowerCased() {
    assertThat(HeaderHints.words("CustomerEmail")).containsExactly("customer", "email");
    assertThat(HeaderHints.words("customerID")).containsExactly("customer", "id");
    assertThat(HeaderHints.words("IDCard")).containsExactly("id", "card");
    assertThat(HeaderHints.words("e-mail address")).containsExactly("e", "mail", "address");
  }
}
