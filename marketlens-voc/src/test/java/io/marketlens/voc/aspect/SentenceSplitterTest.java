package io.marketlens.voc.aspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

  private static List<String> split(String text) {
    return SentenceSplitter.split(text).stream().map(s -> s.of(text)).toList();
  }

  @Test
  void split_englishSentences_endAtStopsAndKeepNumbersWhole() {
    assertThat(split("Delivery took 3.5 days. The price was fair! Would I buy again? Yes; twice."))
        .containsExactly(
            "Delivery took 3.5 days.", "The price was fair!", "Would I buy again? Yes; twice.");
  }

  @Test
  void split_lineBreaks_endSentences() {
    assertThat(split("Great screen and battery\nthe charger broke after a week\n\n"))
        .containsExactly("Great screen and battery", "the charger broke after a week");
  }

  @Test
  void split_shortFragments_attachToANeighbour() {
    assertThat(split("Great. The delivery was late. Sadly."))
        .containsExactly("Great. The delivery was late. Sadly.");
    assertThat(split("The room was clean. Great. The staff were rude."))
        .containsExactly("The room was clean. Great.", "The staff were rude.");
    assertThat(split("Fine.")).containsExactly("Fine.");
  }

  @Test
  void split_chineseClauses_endAtCommasAndStops() {
    assertThat(split("黄金地段，算是性价比比较高的吧，但是环境一般~~")).containsExactly("黄金地段", "算是性价比比较高的吧", "但是环境一般");
    assertThat(split("房间隔音不好，其他方面比较不错。早餐的品种少了些.其他还好."))
        .containsExactly("房间隔音不好", "其他方面比较不错。", "早餐的品种少了些.", "其他还好.");
    assertThat(split("房间不错，还可以，就是早餐一般。")).containsExactly("房间不错，还可以", "就是早餐一般。");
  }

  @Test
  void split_chineseSpacesBetweenHan_areClauseBreaks() {
    assertThat(split("房间很大很干净 服务员态度很差")).containsExactly("房间很大很干净", "服务员态度很差");
  }

  @Test
  void split_blankOrPunctuationOnly_givesAtMostOneSpan() {
    assertThat(split("   ")).isEmpty();
    assertThat(split("!!!")).containsExactly("!!!");
  }

  @Test
  void isShort_countsWordsOrHanCharacters() {
    assertThat(SentenceSplitter.isShort("还可以")).isTrue();
    assertThat(SentenceSplitter.isShort("服务很好")).isFalse();
    assertThat(SentenceSplitter.isShort("not bad")).isTrue();
    assertThat(SentenceSplitter.isShort("not bad at all")).isFalse();
  }
}
