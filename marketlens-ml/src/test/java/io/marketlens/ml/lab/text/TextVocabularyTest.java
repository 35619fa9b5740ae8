package io.marketlens.ml.lab.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextVocabularyTest {

  private static final TextVocabulary VOCABULARY =
      TextVocabulary.build(
          List.of(List.of("b", "a", "c", " "), List.of("a", "b", " ", "\n"), List.of("\n")), 2);

  @Test
  void keepsTokensSeenTwiceAfterPaddingAndUnknown() {
    assertThat(VOCABULARY.size()).isEqualTo(6);
    assertThat(VOCABULARY.token(0)).isEqualTo("<pad>");
    assertThat(VOCABULARY.token(1)).isEqualTo("<unk>");
    assertThat(List.of(VOCABULARY.token(2), VOCABULARY.token(3), VOCABULARY.token(4)))
        .containsExactly("\n", " ", "a");
    assertThat(VOCABULARY.id("c")).isEqualTo(TextVocabulary.UNK);
  }

  @Test
  void encode_cutsAndNeverReturnsAnEmptySequence() {
    assertThat(VOCABULARY.encode(List.of("a", "c", "b", "a"), 3)).containsExactly(4, 1, 5);
    assertThat(VOCABULARY.encode(List.of(), 3)).containsExactly(TextVocabulary.UNK);
  }

  @Test
  void json_roundTrips() throws IOException {
    TextVocabulary back = TextVocabulary.fromJson(VOCABULARY.toJson());
    assertThat(back.size()).isEqualTo(VOCABULARY.size());
    for (int i = 0; i < back.size(); i++) assertThat(back.token(i)).isEqualTo(VOCABULARY.token(i));
    assertThatThrownBy(() -> TextVocabulary.fromJson("{\"x\": 1}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IOException.class);
  }
}
