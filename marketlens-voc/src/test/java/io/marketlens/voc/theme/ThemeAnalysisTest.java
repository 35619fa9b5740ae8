package io.marketlens.voc.theme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketlens.core.io.ReadOptions;
import io.marketlens.core.io.TableReader;
import io.marketlens.core.progress.Progress;
import io.marketlens.core.table.Column;
import io.marketlens.core.table.Table;
import io.marketlens.core.validate.InvalidInputException;
import io.marketlens.ml.embed.Embedder;
import io.marketlens.ml.embed.EmbedderOptions;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ThemeAnalysisTest {

  private static Embedder embedder;
  private static List<String> texts;
  private static List<String> times;
  private static double[] sentiment;
  private static ThemeResult result;

  @BeforeAll
  static void analyse() {
    embedder =
        Embedder.open(
            EmbedderOptions.defaults().withCacheDirectory(Path.of("target", "embedding-cache")));
    Table t =
        TableReader.read(
                "reviews",
                Path.of("..", "examples", "demo", "data", "reviews.csv"),
                ReadOptions.defaults(),
                Progress.NONE)
            .table();
    Column review = t.column("review");
    Column label = t.column("sentiment");
    texts = new ArrayList<>();
    times = new ArrayList<>();
    sentiment = new double[t.rowCount()];
    for (int i = 0; i < t.rowCount(); i++) {
      texts.add(review.getString(i));
      times.add(String.format("2024-%02d-15", 1 + i % 6));
      sentiment[i] = label.getString(i).equals("positive") ? 0.9 : 0.1;
    }
    result = ThemeAnalysis.run(texts, times, sentiment, ThemeOptions.defaults(), embedder, null);
  }

  @AfterAll
  static void close() {
    embedder.close();
  }

  @Test
  void findsThemesPerLanguage() {
    assertThat(result.themes()).extracting(Theme::language).contains("EN", "ZH");
    assertThat(result.quality().kByLanguage()).containsKeys("EN", "ZH");
    for (int k : result.quality().kByLanguage().values()) assertThat(k).isBetween(3, 12);
    assertThat(result.assignments()).hasSize(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      Assignment a = result.assignments().get(i);
      Theme theme = result.themes().get(a.theme());
      boolean chinese = Tokenizer.hasHan(texts.get(i));
      assertThat(theme.language()).isEqualTo(chinese ? "ZH" : "EN");
      assertThat(a.confidence()).isBetween(-1.0, 1.0);
    }
    int assigned = result.themes().stream().mapToInt(Theme::size).sum();
    assertThat(assigned).isEqualTo(texts.size() - (int) Math.round(result.unassignedShare() * 600));
  }

  @Test
  void describesEveryTheme() {
    for (Theme th : result.themes()) {
      assertThat(th.keywords()).isNotEmpty();
      assertThat(th.label()).isNotBlank();
      assertThat(th.quotes()).hasSize(3);
      for (String q : th.quotes()) assertThat(q.length()).isLessThanOrEqualTo(161);
      assertThat(th.meanPositive()).isBetween(0.1, 0.9);
      assertThat(th.trend().keySet()).allMatch(m -> m.getYear() == 2024);
      assertThat(th.trend().values().stream().mapToInt(Integer::intValue).sum())
          .isEqualTo(th.size());
      assertThat(th.trend()).containsKey(YearMonth.of(2024, 1));
    }
  }

  @Test
  void labelsWithinALanguageDiffer() {
    for (String lang : List.of("EN", "ZH")) {
      List<String> labels =
          result.themes().stream()
              .filter(th -> th.language().equals(lang))
              .map(Theme::label)
              .toList();
      assertThat(labels).doesNotHaveDuplicates();
    }
  }

  @Test
  void thresholdLeavesAtMostTheShareBelowIt() {
    double[] v = {0.5, 0.1, 0.9, 0.3, 0.7, 0.2, 0.8, 0.4, 0.6, 0.0};
    assertThat(ThemeAnalysis.threshold(v, 0.2)).isEqualTo(0.2);
    assertThat(ThemeAnalysis.threshold(v, 0.0)).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(ThemeAnalysis.shorten("x".repeat(400))).hasSize(160);
  }

  @Test
  void chineseKeywordsAreWords() {
    List<String> words = new ArrayList<>();
    for (Theme th : result.themes()) if (th.language().equals("ZH")) words.addAll(th.keywords());
    assertThat(words).isNotEmpty();
    long shortWords = words.stream().filter(w -> w.length() >= 2 && w.length() <= 4).count();
    assertThat((double) shortWords / words.size()).isGreaterThan(0.8);
    assertThat(words).allMatch(w -> w.length() <= 8 && Tokenizer.hasHan(w));
  }

  @Test
  void leavesAtMostTheTargetShareUnassigned() {
    assertThat(result.unassignedShare()).isLessThanOrEqualTo(0.10).isGreaterThan(0.05);
    assertThat(result.quality().outlierShare()).isEqualTo(result.unassignedShare());
    ThemeResult none =
        ThemeAnalysis.run(
            texts,
            null,
            null,
            ThemeOptions.defaults().withTargetUnassignedShare(0).withStability(false),
            embedder,
            Progress.NONE);
    assertThat(none.unassignedShare()).isZero();
    assertThat(none.themes())
        .allMatch(th -> th.trend().isEmpty() && Double.isNaN(th.meanPositive()));
  }

  @Test
  void reportsQuality() {
    ThemeQuality q = result.quality();
    assertThat(q.diversity()).isBetween(0.5, 1.0);
    assertThat(q.coherence()).isBetween(-1.0, 1.0);
    assertThat(q.stability()).isBetween(-1.0, 1.0);
  }

  @Test
  void isDeterministicForASeed() {
    ThemeResult again =
        ThemeAnalysis.run(texts, times, sentiment, ThemeOptions.defaults(), embedder, null);
    assertThat(again).isEqualTo(result);
  }

  @Test
  void rejectsMismatchedInputs() {
    assertThatThrownBy(
            () ->
                ThemeAnalysis.run(
                    List.of("a", " "), null, null, ThemeOptions.defaults(), embedder, null))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(
            () ->
                ThemeAnalysis.run(
                    List.of("a"), null, new double[2], ThemeOptions.defaults(), embedder, null))
        .isInstanceOf(InvalidInputException.class);
  }
}
