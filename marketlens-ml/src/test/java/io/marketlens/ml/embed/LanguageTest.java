package io.marketlens.ml.embed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "The delivery was late | EN",
        "物流太慢了 | ZH",
        "快递送得很慢，客服也不回复。 | ZH",
        "这个product的quality非常好 | ZH",
        "小米手机很好用，比iPhone便宜 | ZH",
        "I bought the 小米 phone and it is great | EN",
        "12345 !!! | EN",
        "Café crème, très bien | EN",
      })
  void detect_text_routesByShareOfHanCharacters(String text, Language expected) {
    assertThat(Language.detect(text)).isEqualTo(expected);
  }
}
