package io.marketlens.voc.theme;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketlens.core.io.ReadOptions;
import io.marketlens.core.io.TableReader;
import io.marketlens.core.progress.Progress;
import io.marketlens.core.table.Column;
import io.marketlens.core.table.Table;
import io.marketlens.ml.embed.Embedder;
import io.marketlens.ml.embed.EmbedderOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThemeHistoryTest {

  @TempDir Path tmp;

  /** Three English themes around a common direction (as sentence encoders make them). */
  private static final double[] DELIVERY = {1, 0.3, 0, 0, 0};

  private static final double[] PRICE = {1, 0, 0.3, 0, 0};
  private static final double[] SCREEN = {1, 0, 0, 0.3, 0};
  private static final double[] BATTERY = {1, 0, 0, 0, 0.3};

  @Test
  void match_emptyHistory_numbersThemesInOrder() {
    ThemeIds ids = ThemeHistory.empty().match(themes(DELIVERY, PRICE, SCREEN), 0.8);
    assertThat(ids.ids()).containsExactly(0, 1, 2);
    assertThat(ids.persistedCount()).isZero();
    assertThat(ids.retired()).isEmpty();
    assertThat(ids.previousRun()).isZero();
  }

  @Test
  void match_sameThemesInAnotherOrder_keepTheirIds() {
    List<Theme> first = themes(DELIVERY, PRICE, SCREEN);
    ThemeHistory history = remember(ThemeHistory.empty(), first);
    ThemeIds ids = history.match(themes(SCREEN, DELIVERY, PRICE), 0.8);
    assertThat(ids.ids()).containsExactly(2, 0, 1);
    assertThat(ids.persistedCount()).isEqualTo(3);
    assertThat(ids.similarities()).allMatch(s -> s > 0.999);
    assertThat(ids.previousRun()).isEqualTo(1);
  }

  @Test
  void match_goneAndNewTheme_newIdIsNeverAReusedOne() {
    ThemeHistory h1 = remember(ThemeHistory.empty(), themes(DELIVERY, PRICE, SCREEN));
    List<Theme> second = themes(DELIVERY, PRICE, BATTERY);
    ThemeIds ids = h1.match(second, 0.8);
    assertThat(ids.ids()).containsExactly(0, 1, 3);
    assertThat(ids.retired()).containsExactly(2);
    assertThat(ids.newCount()).isEqualTo(1);
    // The screen theme comes back a run later: it is new again, with an id not used before.
    ThemeHistory h2 = h1.next(second, ids);
    ThemeIds third = h2.match(themes(DELIVERY, PRICE, SCREEN), 0.8);
    assertThat(third.ids()).containsExactly(0, 1, 4);
    assertThat(third.retired()).containsExactly(3);
  }

  @Test
  void match_twoCandidatesForOneTheme_theCloserKeepsTheId() {
    ThemeHistory h = remember(ThemeHistory.empty(), themes(DELIVERY, PRICE, SCREEN));
    double[] nearDelivery = {1, 0.3, 0.02, 0, 0};
    double[] alsoNearDelivery = {1, 0.3, 0, 0.05, 0};
    ThemeIds ids = h.match(themes(alsoNearDelivery, nearDelivery, PRICE, SCREEN), 0.8);
    assertThat(ids.id(1)).isEqualTo(0);
    assertThat(ids.persisted(0)).isFalse();
    assertThat(ids.id(0)).isEqualTo(3);
    assertThat(ids.previousIds()).containsExactly(-1, 0, 1, 2);
  }

  @Test
  void match_belowTheThreshold_isANewTheme() {
    ThemeHistory h = remember(ThemeHistory.empty(), themes(DELIVERY, PRICE, SCREEN));
    double[] between = {1, 0.3, 0.3, 0, 0};
    ThemeIds ids = h.match(themes(between, SCREEN), 0.8);
    assertThat(ids.ids()).containsExactly(3, 2);
    assertThat(ids.retired()).containsExactly(0, 1);
  }

  @Test
  void match_otherLanguage_neverMatches() {
    ThemeHistory h = remember(ThemeHistory.empty(), themes(DELIVERY, PRICE));
    List<Theme> chinese = new ArrayList<>();
    chinese.add(theme(0, "ZH", DELIVERY));
    chinese.add(theme(1, "ZH", PRICE));
    ThemeIds ids = h.match(chinese, 0.8);
    assertThat(ids.ids()).containsExactly(2, 3);
  }

  @Test
  void writeRead_roundTrip_matchesTheSame() {
    List<Theme> first = themes(DELIVERY, PRICE, SCREEN);
    ThemeHistory h = remember(ThemeHistory.empty(), first);
    Path file = tmp.resolve("cache").resolve(ThemeHistory.FILE_NAME);
    h.write(file);
    ThemeHistory back = ThemeHistory.read(file);
    assertThat(back.run()).isEqualTo(1);
    assertThat(back.nextId()).isEqualTo(3);
    assertThat(back.themes()).extracting(ThemeHistory.Entry::id).containsExactly(0, 1, 2);
    assertThat(back.match(first, 0.8).ids()).containsExactly(0, 1, 2);
  }

  @Test
  void themesOfAnotherEncoder_areRetired_andTheirIdsNeverReused() throws Exception {
    List<Theme> first = themes(DELIVERY, PRICE, SCREEN);
    Path file = tmp.resolve("encoders").resolve(ThemeHistory.FILE_NAME);
    remember(ThemeHistory.empty(), first).write(file);
    String json = Files.readString(file);
    assertThat(json).contains(ThemeHistory.encoderOf("EN"));
    // The same centres written by another encoder (as after an encoder upgrade) ...
    Files.writeString(file, json.replace(ThemeHistory.encoderOf("EN"), "old-encoder@1/p1"));
    ThemeIds ids = ThemeHistory.read(file).match(first, 0.8);
    assertThat(ids.ids()).containsExactly(3, 4, 5);
    assertThat(ids.retired()).containsExactly(0, 1, 2);
    // ... and a format-1 file, which names no encoder, match nothing either.
    Files.writeString(
        file,
        json.replace("\"format\" : 2", "\"format\" : 1")
            .replaceAll("\\s*\"encoder\" : \"[^\"]*\",", ""));
    ThemeHistory old = ThemeHistory.read(file);
    assertThat(old.themes()).hasSize(3).allSatisfy(e -> assertThat(e.encoder()).isNull());
    assertThat(old.match(first, 0.8).ids()).containsExactly(3, 4, 5);
  }

  @Test
  void read_missingOrCorruptFile_isAnEmptyHistory() throws Exception {
    assertThat(ThemeHistory.read(tmp.resolve("none.json")).run()).isZero();
    Path bad = tmp.resolve("bad.json");
    Files.writeString(bad, "{\"format\": 1, \"run\": 2, \"nextId\": 1, \"themes\": [{\"id\": 5}]}");
    assertThat(ThemeHistory.read(bad).themes()).isEmpty();
    Files.writeString(bad, "not json");
    assertThat(ThemeHistory.read(bad).nextId()).isZero();
  }

  /** 80 % of the demo reviews, the same again, then all of them: most themes keep their ids. */
  @Test
  void match_rerunAndGrownData_mostIdsPersist() {
    Table t =
        TableReader.read(
                "reviews",
                Path.of("..", "examples", "demo", "data", "reviews.csv"),
                ReadOptions.defaults(),
                Progress.NONE)
            .table();
    Column review = t.column("review");
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < t.rowCount(); i++) texts.add(review.getString(i));
    List<String> part = texts.subList(0, texts.size() * 4 / 5);
    ThemeOptions options = ThemeOptions.defaults().withStability(false);
    try (Embedder embedder =
        Embedder.open(
            EmbedderOptions.defaults().withCacheDirectory(Path.of("target", "embedding-cache")))) {
      Path file = tmp.resolve(ThemeHistory.FILE_NAME);
      ThemeResult r1 = ThemeAnalysis.run(part, null, null, options, embedder, null);
      ThemeIds ids1 = ThemeHistory.read(file).match(r1.themes(), 0.8);
      ThemeHistory.read(file).next(r1.themes(), ids1).write(file);

      // The same data again: ThemeAnalysisTest checks that a rerun gives equal themes.
      ThemeResult r2 = r1;
      ThemeIds ids2 = ThemeHistory.read(file).match(r2.themes(), 0.8);
      assertThat(ids2.ids()).isEqualTo(ids1.ids());
      assertThat(ids2.persistedCount()).isEqualTo(r2.themes().size());
      ThemeHistory.read(file).next(r2.themes(), ids2).write(file);

      ThemeResult r3 = ThemeAnalysis.run(texts, null, null, options, embedder, null);
      ThemeIds ids3 = ThemeHistory.read(file).match(r3.themes(), 0.8);
      assertThat(ids3.persistedCount()).isGreaterThan(r3.themes().size() / 2);
      TreeMap<String, Integer> persistedZh = new TreeMap<>();
      for (int i = 0; i < r3.themes().size(); i++) {
        if (ids3.persisted(i)) persistedZh.merge(r3.themes().get(i).language(), 1, Integer::sum);
      }
      long zh = r3.themes().stream().filter(th -> th.language().equals("ZH")).count();
      assertThat(persistedZh.get("ZH")).isEqualTo((int) zh);
      assertThat(ids3.newCount() + ids3.persistedCount()).isEqualTo(r3.themes().size());
      for (int i = 0; i < r3.themes().size(); i++) {
        if (!ids3.persisted(i)) assertThat(ids3.id(i)).isGreaterThanOrEqualTo(ids1.ids().size());
      }
    }
  }

  private static ThemeHistory remember(ThemeHistory h, List<Theme> themes) {
    return h.next(themes, h.match(themes, 0.8));
  }

  private static List<Theme> themes(double[]... centroids) {
    List<Theme> out = new ArrayList<>();
    for (int i = 0; i < centroids.length; i++) out.add(theme(i, "EN", centroids[i]));
    return out;
  }

  private static Theme theme(int index, String language, double[] centroid) {
    return new Theme(
        index,
        language,
        "theme " + index,
        List.of("a"),
        List.of(1.0),
        10,
        0.1,
        10,
        Double.NaN,
        Double.NaN,
        new TreeMap<>(),
        List.of(),
        List.of(),
        Centroid.of(centroid));
  }
}
