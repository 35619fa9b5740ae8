package io.marketlens.ml.lab.textgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TokenizationTest {

  @Test
  void charVocabularyIsTheSortedDistinctCodePoints() {
    List<String> t = TokenLevel.CHAR.tokenize("ba\nc𝄞a");
    assertThat(t).containsExactly("b", "a", "\n", "c", "𝄞", "a");
    Vocabulary v = Vocabulary.ofChars(t);
    assertThat(v.tokens()).containsExactly("\n", "a", "b", "c", "𝄞");
    assertThat(v.encode(List.of("c", "z"))).containsExactly(3, -1);
  }

  @Test
  void wordsSplitPunctuationAndLineBreaksAndJoinBack() {
    List<String> t = TokenLevel.WORD.tokenize("First Citizen:\nWe are accounted poor, don't we?");
    assertThat(t)
        .containsExactly(
            "First",
            "Citizen",
            ":",
            "\n",
            "We",
            "are",
            "accounted",
            "poor",
            ",",
            "don't",
            "we",
            "?");
    assertThat(TokenLevel.WORD.join(t, null))
        .isEqualTo("First Citizen:\nWe are accounted poor, don't we?");
  }

  @Test
  void rareWordsBecomeUnknown() {
    List<String> t = TokenLevel.WORD.tokenize("a b a c a b d");
    Vocabulary v = Vocabulary.ofWords(t, 2);
    assertThat(v.tokens()).containsExactly(Vocabulary.UNKNOWN, "a", "b");
    assertThat(v.encode(List.of("a", "c", "b"))).containsExactly(1, 0, 2);
  }

  @Test
  void vocabularyRoundTripsThroughJson() throws Exception {
    Vocabulary v = Vocabulary.ofChars(TokenLevel.CHAR.tokenize("héllo \"wörld\"\n\t"));
    Vocabulary back = Vocabulary.fromJson(v.toJson());
    assertThat(back.tokens()).isEqualTo(v.tokens());
    assertThat(back.level()).isEqualTo(TokenLevel.CHAR);
  }

  @Test
  void zeroTemperatureAndTopOneAreGreedy() {
    float[] logits = {0.1f, 2.5f, 2.4f, -1f};
    Random rnd = new Random(1);
    for (int i = 0; i < 20; i++) {
      assertThat(Sampler.sample(logits, 0, 0, rnd)).isEqualTo(1);
      assertThat(Sampler.sample(logits, 1.0, 1, rnd)).isEqualTo(1);
      assertThat(Sampler.sample(logits, 1e-6, 0, rnd)).isEqualTo(1);
    }
  }

  @Test
  void topKDrawsOnlyFromTheKLikeliestAndFollowsTheSoftmax() {
    float[] logits = {0f, (float) Math.log(3), 5f, -2f, (float) Math.log(3)};
    int[] counts = new int[logits.length];
    Random rnd = new Random(42);
    for (int i = 0; i < 20_000; i++) counts[Sampler.sample(logits, 1.0, 2, rnd)]++;
    // top-2: index 2 (e^5) and the first of the tied log(3) logits
    assertThat(counts[0] + counts[3] + counts[4]).isZero();
    double expected = 3 / (3 + Math.exp(5));
    assertThat(counts[1] / 20_000.0).isCloseTo(expected, org.assertj.core.data.Offset.offset(0.01));
  }

  @Test
  void sameSeedSameDraws() {
    float[] logits = {0.3f, 0.2f, 0.1f, 0.5f, 0.4f};
    Random a = new Random(7);
    Random b = new Random(7);
    for (int i = 0; i < 50; i++) {
      assertThat(Sampler.sample(logits, 0.9, 0, a)).isEqualTo(Sampler.sample(logits, 0.9, 0, b));
    }
  }
}
