package io.marketlens.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "13812345678",
        "19912345678",
        "+8613812345678",
        "+86 138 1234 5678",
        "86-138-1234-5678",
        "0086 13812345678",
        "138-1234-5678"
      })
  void isUnambiguousPhone_chineseMobileNumber_isTrue(String v) {
    assertThat(PhoneNumbers.isUnambiguousPhone(v)).isTrue();
    assertThat(PhoneNumbers.isPhone(v, false)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"12812345678", "1381234567", "138123456789", "23812345678"})
  void isPhone_elevenDigitsNotAChineseMobile_isFalseWithoutHint(String v) {
    assertThat(PhoneNumbers.isPhone(v, false)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "+44 20 7946 0958",
        "+1 (555) 123-4567",
        "+4915112345678",
        "(555) 123-4567",
        "555-123-4567",
        "555.123.4567",
        "555-1234",
        "020 7946 0958",
        "010-12345678",
        "0755-8888 1234",
        "06 12 34 56 78",
        "1-800-555-1234"
      })
  void isPhone_formattedNumber_isTrueWithoutHint(String v) {
    assertThat(PhoneNumbers.isPhone(v, false)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "199.00",
        "1299.99",
        "12345.6789",
        "2019",
        "02139",
        "12345-6789", // ZIP+4
        "2019-01-05",
        "05.01.2019",
        "1 234 567",
        "1.234.567",
        "192.168.100.1",
        "2019 2020",
        "36 38 40 42",
        "7590-VHVEG",
        "4111 1111 1111 1111",
        "5551234567", // plain digits need a hint
        "-1234567",
        "1.5",
        "ext 12"
      })
  void isPhone_otherNumber_isFalseWithoutHint(String v) {
    assertThat(PhoneNumbers.isPhone(v, false)).isFalse();
  }

  @Test
  void isPhone_plainDigitsWithHint_isTrueFrom7To15Digits() {
    assertThat(PhoneNumbers.isPhone("5551234567", true)).isTrue();
    assertThat(PhoneNumbers.isPhone("5551234", true)).isTrue();
    assertThat(PhoneNumbers.isPhone("555123", true)).isFalse();
    assertThat(PhoneNumbers.isPhone("1234567890123456", true)).isFalse();
    assertThat(PhoneNumbers.isPhone("Yes", true)).isFalse();
  }

  @Test
  void isUnambiguousPhone_groupedNationalNumber_isFalse() {
    assertThat(PhoneNumbers.isUnambiguousPhone("555-123-4567")).isFalse();
    assertThat(PhoneNumbers.isUnambiguousPhone("+1 555 123 4567")).isTrue();
    assertThat(PhoneNumbers.isUnambiguousPhone("13812345678")).isTrue();
  }

  @Test
  void canonicalDigits_chineseCountryCode_isDroppedFromMobileNumbers() {
    assertThat(PhoneNumbers.canonicalDigits("+86 138 1234 5678")).isEqualTo("13812345678");
    assertThat(PhoneNumbers.canonicalDigits("0086-138-1234-5678")).isEqualTo("13812345678");
    assertThat(PhoneNumbers.canonicalDigits("+44 20 7946 0958")).isEqualTo("442079460958");
    assertThat(PhoneNumbers.canonicalDigits("8610 1234 5678")).isEqualTo("861012345678");
  }
}
