package io.marketlens.voc.theme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassTfIdfTest {

  @Test
  void scoresTermsByClassFrequencyTimesInverseOverallFrequency() {
    List<List<String>> docs =
        List.of(
            List.of("battery", "battery", "screen"),
            List.of("battery", "price"),
            List.of("delivery", "late", "screen"),
            List.of("delivery", "box"));
    int[] classOf = {0, 0, 1, 1};
    List<List<ClassTfIdf.Keyword>> k = ClassTfIdf.keywords(docs, classOf, 2, 10, 1);
    // class 0: battery 3, screen 1, price 1 (5 tokens); class 1: delivery 2, late 1, screen 1, box
    // 1
    // A = 10 / 2 = 5; battery: 3/5 * log(1 + 5/3); screen: 1/5 * log(1 + 5/2)
    assertThat(k.get(0).get(0).term()).isEqualTo("battery");
    assertThat(k.get(0).get(0).score()).isCloseTo(0.6 * Math.log(1 + 5.0 / 3), within(1e-12));
    assertThat(k.get(1).get(0).term()).isEqualTo("delivery");
    assertThat(k.get(1).get(0).score()).isCloseTo(0.4 * Math.log(1 + 5.0 / 2), within(1e-12));
    ClassTfIdf.Keyword screen =
        k.get(0).stream().filter(w -> w.term().equals("screen")).findFirst().orElseThrow();
    assertThat(screen.score()).isCloseTo(0.2 * Math.log(1 + 5.0 / 2), within(1e-12));
    // a term shared by both classes ranks below a class-specific one of the same count
    assertThat(k.get(0).get(k.get(0).size() - 1).term()).isEqualTo("screen");
  }

  @Test
  void leavesOutDocumentsWithoutClassAndRareTerms() {
    List<List<String>> docs =
        List.of(List.of("alpha", "beta"), List.of("alpha"), List.of("gamma", "gamma"));
    List<List<ClassTfIdf.Keyword>> k = ClassTfIdf.keywords(docs, new int[] {0, 0, -1}, 1, 10, 2);
    assertThat(k.get(0)).extracting(ClassTfIdf.Keyword::term).containsExactly("alpha");
  }
}
