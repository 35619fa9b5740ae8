package io.marketlens.voc.aspect;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketlens.core.io.ReadOptions;
import io.marketlens.core.io.TableReader;
import io.marketlens.core.progress.Progress;
import io.marketlens.core.table.Column;
import io.marketlens.core.table.Table;
import io.marketlens.ml.embed.Embedder;
import io.marketlens.ml.embed.EmbedderOptions;
import io.marketlens.ml.embed.Language;
import io.marketlens.voc.sentiment.SentimentAnalysis;
import io.marketlens.voc.sentiment.SentimentOptions;
import io.marketlens.voc.sentiment.SentimentResult;
import io.marketlens.voc.theme.ThemeAnalysis;
import io.marketlens.voc.theme.ThemeOptions;
import io.marketlens.voc.theme.ThemeResult;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Themes and sentiment heads are trained on the demo's 600 reviews; the aspects are read on seven
 * other real hotel reviews that each praise one thing and criticise another.
 */
class AspectAnalysisTest {

  private static Embedder embedder;
  private static SentimentResult sentiment;
  private static ThemeResult themes;
  private static List<String> mixed;
  private static List<String> demoTexts;
  private static AspectResult result;

  @BeforeAll
  static void train() throws URISyntaxException {
    embedder =
        Embedder.open(
            EmbedderOptions.defaults().withCacheDirectory(Path.of("target", "embedding-cache")));
    Table demo = read(Path.of("..", "examples", "demo", "data", "reviews.csv"));
    List<String> texts = strings(demo.column("review"));
    demoTexts = texts;
    sentiment =
        SentimentAnalysis.run(
            texts,
            strings(demo.column("sentiment")),
            null,
            SentimentOptions.defaults(),
            embedder,
            null);
    themes =
        ThemeAnalysis.run(
            texts,
            null,
            sentiment.scores(),
            ThemeOptions.defaults().withStability(false),
            embedder,
            null);
    Path file = Path.of(AspectAnalysisTest.class.getResource("chnsenticorp-mixed.csv").toURI());
    mixed = strings(read(file).column("review"));
    result = AspectAnalysis.run(mixed, themes, sentiment, AspectOptions.defaults(), embedder, null);
  }

  @AfterAll
  static void close() {
    embedder.close();
  }

  @Test
  void run_reviewMixingPraiseAndCriticism_hasAspectsOfOppositePolarity() {
    // 202: "房间可以,特别的套房,非常不错,就是餐厅太脏了,早餐搞得没胃口," (the room is fine, the restaurant dirty)
    List<Aspect> aspects = result.aspectsOf(4);
    Aspect praised = first(aspects, Polarity.POSITIVE);
    Aspect criticised = first(aspects, Polarity.NEGATIVE);
    assertThat(praised.probabilityPositive()).isGreaterThan(0.6);
    assertThat(criticised.probabilityPositive()).isLessThan(0.4);
    assertThat(textOf(4, criticised)).contains("餐厅太脏了").doesNotContain("房间可以");
    assertThat(textOf(4, praised)).contains("房间可以").doesNotContain("餐厅");
  }

  /**
   * The demo's Chinese reviews make 3 broad themes by silhouette, and both halves of review 202
   * fall in the same one; with finer themes the praise and the criticism land in different themes.
   */
  @Test
  void run_finerThemes_putPraiseAndCriticismInDifferentThemes() {
    ThemeResult fine =
        ThemeAnalysis.run(
            demoTexts,
            null,
            sentiment.scores(),
            ThemeOptions.defaults().withStability(false).withKRange(8, 12),
            embedder,
            null);
    AspectResult r =
        AspectAnalysis.run(mixed, fine, sentiment, AspectOptions.defaults(), embedder, null);
    Aspect praised = first(r.aspectsOf(4), Polarity.POSITIVE);
    Aspect criticised = first(r.aspectsOf(4), Polarity.NEGATIVE);
    assertThat(praised.theme()).isNotEqualTo(criticised.theme());
  }

  @Test
  void run_mixedReviews_splitIntoSentencesOfTheirLanguage() {
    assertThat(result.mixedReviews()).isGreaterThanOrEqualTo(2);
    for (int i = 0; i < mixed.size(); i++) {
      int review = i;
      List<Sentence> sentences = result.sentencesOf(i);
      assertThat(sentences).hasSizeGreaterThanOrEqualTo(3);
      assertThat(sentences).allMatch(s -> s.language() == Language.ZH && s.review() == review);
      for (Sentence s : sentences) {
        assertThat(mixed.get(i).substring(s.start(), s.end())).isEqualTo(s.text());
        assertThat(themes.themes().get(s.theme()).language()).isEqualTo("ZH");
      }
    }
  }

  @Test
  void run_perTheme_countsAddUp() {
    assertThat(result.themes()).hasSameSizeAs(themes.themes());
    int assigned = 0;
    for (ThemeAspects t : result.themes()) {
      assertThat(t.positive() + t.negative() + t.neutral()).isEqualTo(t.scored());
      assertThat(t.scored()).isEqualTo(t.sentences());
      assertThat(t.nearest()).isGreaterThanOrEqualTo(t.sentences());
      assertThat(t.positiveExamples()).hasSizeLessThanOrEqualTo(2);
      for (int k : t.positiveExamples()) {
        assertThat(result.sentences().get(k).polarity()).isEqualTo(Polarity.POSITIVE);
      }
      assigned += t.sentences();
    }
    assertThat(assigned).isEqualTo(result.assignedSentences());
    assertThat(result.thresholdByLanguage()).containsOnlyKeys("ZH");
  }

  @Test
  void run_withoutSentiment_leavesSentencesUnscored() {
    AspectResult r =
        AspectAnalysis.run(mixed, themes, null, AspectOptions.defaults(), embedder, Progress.NONE);
    assertThat(r.sentences()).allMatch(s -> s.polarity() == Polarity.UNSCORED);
    assertThat(r.themes()).allMatch(t -> t.scored() == 0 && Double.isNaN(t.meanPositive()));
    assertThat(r.mixedReviews()).isZero();
  }

  @Test
  void run_sameInputs_sameResult() {
    AspectResult again =
        AspectAnalysis.run(mixed, themes, sentiment, AspectOptions.defaults(), embedder, null);
    assertThat(again).isEqualTo(result);
  }

  @Test
  void run_blankReviews_haveNoSentences() {
    List<String> texts = new ArrayList<>(Arrays.asList(null, " ", mixed.get(0)));
    AspectResult r =
        AspectAnalysis.run(texts, themes, sentiment, AspectOptions.defaults(), embedder, null);
    assertThat(r.aspectsOf(0)).isEmpty();
    assertThat(r.aspectsOf(1)).isEmpty();
    assertThat(r.sentences()).allMatch(s -> s.review() == 2);
  }

  @Test
  void groupSentiment_perGroup_countsReviewsAndTopTheme() {
    List<Integer> groups = Arrays.asList(0, 0, 1, 1, 1, null, 0);
    List<GroupSentiment> g = GroupSentiment.of(groups, null, result);
    assertThat(g).extracting(GroupSentiment::group).containsExactly(0, 1);
    assertThat(g.get(0).reviews()).isEqualTo(3);
    assertThat(g.get(1).reviews()).isEqualTo(3);
    for (GroupSentiment s : g) {
      assertThat(Double.isNaN(s.meanPositive())).isTrue();
      assertThat(s.topTheme()).isNotNegative();
      assertThat(s.topThemeReviews()).isBetween(1, s.reviews());
      assertThat(s.topThemeLift()).isPositive();
    }
  }

  private static String textOf(int review, Aspect aspect) {
    StringBuilder b = new StringBuilder();
    for (Sentence s : result.sentencesOf(review)) {
      if (s.assigned() && s.theme() == aspect.theme() && s.polarity() == aspect.polarity()) {
        b.append(s.text()).append(' ');
      }
    }
    return b.toString();
  }

  private static Aspect first(List<Aspect> aspects, Polarity polarity) {
    return aspects.stream().filter(a -> a.polarity() == polarity).findFirst().orElseThrow();
  }

  private static Table read(Path file) {
    return TableReader.read("reviews", file, ReadOptions.defaults(), Progress.NONE).table();
  }

  private static List<String> strings(Column c) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < c.size(); i++) out.add(c.isMissing(i) ? null : c.getString(i));
    return out;
  }
}
