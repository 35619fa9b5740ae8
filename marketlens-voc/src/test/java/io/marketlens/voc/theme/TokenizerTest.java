package io.marketlens.voc.theme;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenizerTest {

  @Test
  void segmentsChineseIntoWordsWithoutPunctuationAndStopWords() {
    assertThat(Tokenizer.tokens("房间很干净，服务也非常好，就是早餐太贵了！2晚"))
        .contains("房间", "干净", "服务", "早餐")
        .doesNotContain("，", "！", "非常", "了", "也", "就是", "2");
  }

  @Test
  void lowerCasesEnglishAndDropsStopWords() {
    assertThat(Tokenizer.tokens("The Battery life is GREAT, but it 's too heavy -lrb- 2kg -rrb-"))
        .containsExactly("battery", "life", "great", "heavy");
  }
}
