package io.marketlens.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketlens.core.validate.InvalidInputException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PiiOptionsTest {

  @Test
  void defaults_anyColumn_isAuto() {
    PiiOptions o = PiiOptions.defaults();
    assertThat(o.enabled()).isTrue();
    assertThat(o.settingFor("email")).isEqualTo("auto");
  }

  @Test
  void settingFor_listedColumn_isItsNormalisedSetting() {
    PiiOptions o = new PiiOptions(true, Map.of("Contact", " EMAIL ", "notes", "Off"));
    assertThat(o.settingFor("Contact")).isEqualTo("email");
    assertThat(o.settingFor("notes")).isEqualTo("off");
    assertThat(o.columns()).containsEntry("Contact", "email");
  }

  @Test
  void settingFor_differentCase_matchesWhenNoExactName() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("email", "off");
    m.put("EMAIL", "phone");
    PiiOptions o = new PiiOptions(true, m);
    assertThat(o.settingFor("EMAIL")).isEqualTo("phone");
    assertThat(o.settingFor("Email")).isEqualTo("off");
  }

  @Test
  void settingFor_disabled_isOffUnlessListed() {
    PiiOptions o = new PiiOptions(false, Map.of("phone", "phone", "notes", "auto"));
    assertThat(o.settingFor("email")).isEqualTo("off");
    assertThat(o.settingFor("phone")).isEqualTo("phone");
    assertThat(o.settingFor("notes")).isEqualTo("auto");
  }

  @Test
  void constructor_unknownSetting_failsNamingColumnAndValue() {
    assertThatThrownBy(() -> new PiiOptions(true, Map.of("email", "hash")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("column 'email'")
        .hasMessageContaining("auto, off, email, phone, name or cn_id")
        .hasMessageContaining("found \"hash\"");
  }

  @Test
  void constructor_nullSetting_fails() {
    Map<String, String> m = new HashMap<>();
    m.put("email", null);
    assertThatThrownBy(() -> new PiiOptions(true, m))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("found \"nothing\"");
  }

  @Test
  void constructor_callerChangesMapAfterwards_optionsDoNotChange() {
    Map<String, String> m = new HashMap<>(Map.of("email", "off"));
    PiiOptions o = new PiiOptions(true, m);
    m.put("email", "auto");
    assertThat(o.settingFor("email")).isEqualTo("off");
    assertThatThrownBy(() -> o.columns().put("x", "off"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void constructor_nullMap_isEmpty() {
    assertThat(new PiiOptions(true, null).columns()).isEmpty();
  }
}
