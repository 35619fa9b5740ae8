package io.marketlens.ml.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.marketlens.core.progress.Progress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EmbedderTest {

  private static Embedder embedder;

  @BeforeAll
  static void open() {
    embedder = Embedder.open(EmbedderOptions.defaults().withThreads(2));
  }

  @AfterAll
  static void close() {
    embedder.close();
  }

  @Test
  void embed_englishNearSynonyms_moreSimilarThanUnrelatedPair() {
    float[] late = embedder.embed("The delivery was late");
    float[] slow = embedder.embed("Shipping took forever");
    float[] battery = embedder.embed("Great battery life");

    double synonyms = Embedder.cosine(late, slow);
    double unrelated = Embedder.cosine(late, battery);

    assertThat(synonyms).isGreaterThan(unrelated + 0.2);
  }

  @Test
  void embed_chineseNearSynonyms_moreSimilarThanUnrelatedPair() {
    float[] late = embedder.embed("物流太慢了");
    float[] slow = embedder.embed("快递送得很慢");
    float[] battery = embedder.embed("电池续航很好");

    double synonyms = Embedder.cosine(late, slow);
    double unrelated = Embedder.cosine(late, battery);

    assertThat(synonyms).isGreaterThan(unrelated + 0.2);
  }

  @Test
  void embed_anyText_isL2NormalisedWithItsLanguagesDimension() {
    float[] en = embedder.embed("Great battery life");
    float[] zh = embedder.embed("电池续航很好");

    assertThat(en).hasSize(384);
    assertThat(zh).hasSize(512);
    assertThat(Embedder.cosine(en, en)).isCloseTo(1.0, within(1e-6));
    assertThat(norm(zh)).isCloseTo(1.0, within(1e-5));
  }

  @Test
  void dimension_perLanguage_is384For_EnglishAnd512ForChinese() {
    assertThat(embedder.dimension(Language.EN)).isEqualTo(384);
    assertThat(embedder.dimension(Language.ZH)).isEqualTo(512);
    assertThat(embedder.languageOf("快递送得很慢")).isEqualTo(Language.ZH);
  }

  @Test
  void cosine_vectorsOfDifferentLanguages_rejected() {
    float[] en = embedder.embed("Great battery life");
    float[] zh = embedder.embed("电池续航很好");

    assertThatThrownBy(() -> Embedder.cosine(en, zh))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("different models");
  }

  @Test
  void embed_blankText_rejectedWithClearMessage() {
    assertThatThrownBy(() -> embedder.embed("  "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty text");
    assertThatThrownBy(() -> embedder.embedAll(List.of("fine", ""), Progress.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("index 1");
  }

  @Test
  void embed_sameText_bitIdenticalAloneAndInsideEmbedAllOfManyTexts() {
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      many.add("Review number " + i + " says the screen is " + (i % 2 == 0 ? "bright" : "dim"));
      many.add("第" + i + "条评论：屏幕" + (i % 2 == 0 ? "很亮" : "太暗了") + "，电池一般");
    }
    many.add("Shipping took forever and the box arrived crushed, which is a long sentence.");
    many.add("快递送得很慢");

    List<float[]> together;
    try (Embedder batch = Embedder.open(EmbedderOptions.defaults().withThreads(3))) {
      together = batch.embedAll(many, Progress.NONE);
    }
    try (Embedder alone = Embedder.open(EmbedderOptions.defaults().withThreads(1))) {
      for (int i : new int[] {0, 1, 17, many.size() - 2, many.size() - 1}) {
        assertThat(alone.embed(many.get(i))).as(many.get(i)).containsExactly(together.get(i));
      }
    }
  }

  @Test
  void embedAll_repeatedAndCachedTexts_encodedOnce() {
    try (Embedder fresh = Embedder.open(EmbedderOptions.defaults().withThreads(2))) {
      fresh.embed("Great battery life");
      long before = fresh.modelCalls();

      List<float[]> v =
          fresh.embedAll(
              List.of("Great battery life", "Next-day shipping", "Next-day shipping"),
              countingProgress(new AtomicLong()));

      assertThat(fresh.modelCalls() - before).isEqualTo(1);
      assertThat(v.get(1)).containsExactly(v.get(2));
    }
  }

  @Test
  void embedAll_progress_reportsEveryText() {
    AtomicLong units = new AtomicLong();
    embedder.embedAll(List.of("one text", "另一条评论", "one text"), countingProgress(units));
    assertThat(units).hasValue(3);
  }

  @Test
  void embed_returnedVector_isACopyTheCallerMayChange() {
    float[] first = embedder.embed("Lifetime warranty");
    float[] copy = Arrays.copyOf(first, first.length);
    Arrays.fill(first, 0f);
    assertThat(embedder.embed("Lifetime warranty")).containsExactly(copy);
  }

  static Progress countingProgress(AtomicLong units) {
    return (name, total, unit) ->
        new Progress.Step() {
          @Override
          public void advance(long n) {
            units.addAndGet(n);
          }

          @Override
          public void close() {}
        };
  }

  private static double norm(float[] v) {
    double s = 0;
    for (float x : v) s += (double) x * x;
    return Math.sqrt(s);
  }
}
