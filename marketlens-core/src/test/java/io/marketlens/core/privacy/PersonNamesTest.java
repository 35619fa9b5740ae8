package io.marketlens.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PersonNamesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Mary Smith",
        "José García",
        "Jean-Luc Picard",
        "Seán O'Brien",
        "Ronald McDonald",
        "John F. Kennedy",
        "Ludwig van Beethoven",
        "Smith, Mary",
        "Mary Ann Evans",
        "Wang Wei"
      })
  void hasNameShape_personName_isTrue(String v) {
    assertThat(PersonNames.hasNameShape(v)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Mary",
        "mary smith",
        "MARY SMITH",
        "Mary Anne Louise Smith",
        "iPhone 13",
        "Month-to-month",
        "Fiber optic",
        "Electronic check",
        "7590-VHVEG",
        "Great product, works well",
        "van Beethoven",
        "张伟",
        ""
      })
  void hasNameShape_otherValue_isFalse(String v) {
    assertThat(PersonNames.hasNameShape(v)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Mary", "SMITH", "mary smith", "张伟", "欧阳娜娜", "阿沛·阿旺晋美", "O'Brien"})
  void isNameLike_nameInAnyCase_isTrue(String v) {
    assertThat(PersonNames.isNameLike(v)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"张", "这个产品非常好用推荐购买", "C-1234", "42", "bob@example.com", ""})
  void isNameLike_otherValue_isFalse(String v) {
    assertThat(PersonNames.isNameLike(v)).isFalse();
  }
}
