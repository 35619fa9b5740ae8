package io.marketlens.ml.lab.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextTokenizerTest {

  @Test
  void chars_keepEveryCodePointAsWritten() {
    TextTokenizer t = new TextTokenizer(TextTokenizer.Mode.CHAR, false);
    assertThat(t.tokens("体验2D 巅峰")).containsExactly("体", "验", "2", "D", " ", "巅", "峰");
    assertThat(t.tokens("𠀀a")).containsExactly("𠀀", "a");
    assertThat(t.tokens("")).isEmpty();
    assertThat(t.tokens(null)).isEmpty();
  }

  @Test
  void words_areLowerCasedWordsAndSinglePunctuation() {
    TextTokenizer t = new TextTokenizer(TextTokenizer.Mode.WORD, false);
    assertThat(t.tokens("It's GREAT, isn't it?!"))
        .containsExactly("it", "'", "s", "great", ",", "isn", "'", "t", "it", "?", "!");
    assertThat(t.tokens("Café au lait")).containsExactly("café", "au", "lait");
  }

  @Test
  void bigrams_followTheTokens() {
    assertThat(new TextTokenizer(TextTokenizer.Mode.CHAR, true).tokens("股市 涨"))
        .containsExactly("股", "市", " ", "涨", "股市");
    assertThat(new TextTokenizer(TextTokenizer.Mode.WORD, true).tokens("a b c"))
        .containsExactly("a", "b", "c", "a b", "b c");
  }

  @Test
  void detect_picksCharsForMostlyChineseCorpora() {
    assertThat(TextTokenizer.detect(List.of("同步A股首秀：港股缩量回调", "60年铁树开花")))
        .isEqualTo(TextTokenizer.Mode.CHAR);
    assertThat(TextTokenizer.detect(List.of("it 's a charming journey", "unflinchingly bleak")))
        .isEqualTo(TextTokenizer.Mode.WORD);
    assertThat(TextTokenizer.detect(List.of("", "123"))).isEqualTo(TextTokenizer.Mode.WORD);
  }
}
