package io.marketlens.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CnIdCardsTest {

  @Test
  void checkCharacter_standardExample_isX() {
    // The worked example of GB 11643-1999.
    assertThat(CnIdCards.checkCharacter("11010519491231002")).isEqualTo('X');
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "11010519491231002X",
        "11010519491231002x",
        "440305199003071236",
        "310115198511204566",
        "510104197806153210",
        "440524188001010014",
        " 130102199003071233 ",
        "110105491231002" // 15 digits, born 1949-12-31
      })
  void isValid_wellFormedNumber_isTrue(String id) {
    assertThat(CnIdCards.isValid(id)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "110105194912310021", // wrong check digit
        "440305199003071237", // wrong check digit
        "440305199002301233", // 30 February
        "040305199003071236", // region cannot start with 0
        "110105491331002", // 15 digits, month 13
        "44030519900307123", // 17 characters
        "4403051990030712361", // 19 characters
        "44030519900307123A",
        "123456789012345678",
        ""
      })
  void isValid_malformedNumber_isFalse(String id) {
    assertThat(CnIdCards.isValid(id)).isFalse();
  }
}
