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

  @Test
  void dropsWebAddresses() {
    // shaped like the links in online_shopping_10_cats' Mengniu reviews
    assertThat(
            Tokenizer.tokens(
                "抵制蒙牛 http://t.cn/zOXAaic 转发微博 http:t.cn/zl7Xr4E www.example.com/a.shtml学术争鸣"))
        .contains("抵制", "蒙牛", "转发", "微博", "学术")
        .doesNotContain("http", "t", "cn", "www", "example", "com");
    assertThat(Tokenizer.tokens("Great seller, see https://shop.example.com/item?id=3 for more"))
        .containsExactly("great", "seller", "see");
  }
}
