package io.marketlens.voc.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketlens.core.progress.Progress;
import io.marketlens.core.validate.InvalidInputException;
import io.marketlens.ml.embed.Embedder;
import io.marketlens.ml.embed.EmbedderOptions;
import io.marketlens.ml.embed.Language;
import io.marketlens.ml.lab.ModelMetadata;
import io.marketlens.ml.lab.ModelStore;
import io.marketlens.testing.NewJvm;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving, loading and scoring sentiment models, in this process and in a new one. */
class SentimentModelTest {

  static Embedder embedder;
  static final List<String> texts = new ArrayList<>();
  static final List<String> labels = new ArrayList<>();

  @BeforeAll
  static void setUp() {
    embedder = Embedder.open(EmbedderOptions.defaults().withThreads(2));
    for (String[] r : SentimentFixture.demoReviews().subList(0, 300)) {
      texts.add(r[0]);
      labels.add(r[1]);
    }
  }

  @AfterAll
  static void tearDown() {
    embedder.close();
  }

  /** Texts to score: the demo reviews after the training ones, a blank one and a mixed one. */
  private static List<String> others() {
    List<String> out = new ArrayList<>();
    for (String[] r : SentimentFixture.demoReviews().subList(300, 330)) out.add(r[0]);
    out.add("  ");
    out.add("这个product的quality非常好");
    return out;
  }

  private static double[] bits(String output) {
    return output
        .lines()
        .mapToDouble(l -> Double.longBitsToDouble(Long.parseUnsignedLong(l, 16)))
        .toArray();
  }

  @Test
  void saved_reloadedInANewProcess_scoresBitForBit(@TempDir Path dir)
      throws IOException, InterruptedException {
    SentimentResult r =
        SentimentAnalysis.run(
            texts, labels, null, SentimentOptions.defaults(), embedder, Progress.NONE);
    try (SentimentModel model = r.model()) {
      model.save(dir.resolve("sentiment"));
      List<String> scored = new ArrayList<>(texts.subList(0, 10));
      scored.addAll(others());
      double[] expected = model.score(scored, embedder);
      // The analysis-time scores of the training texts are the model's scores.
      for (int i = 0; i < 10; i++) assertThat(expected[i]).isEqualTo(r.score(i).getAsDouble());
      assertThat(expected[scored.size() - 2]).isNaN();
      assertThat(expected[scored.size() - 1]).isBetween(0.0, 1.0);

      Path file = dir.resolve("texts.txt");
      Files.write(file, scored, StandardCharsets.UTF_8);
      double[] again =
          bits(
              NewJvm.run(
                  ScoreWithSavedModel.class, dir.resolve("sentiment").toString(), file.toString()));
      assertThat(again).containsExactly(expected);
    }
  }

  @Test
  void metadata_recordsTheChoice_metrics_dataHash_andEncoders(@TempDir Path dir)
      throws IOException {
    SentimentResult r =
        SentimentAnalysis.run(
            texts, labels, null, SentimentOptions.defaults(), embedder, Progress.NONE);
    try (SentimentModel model = r.model()) {
      model.snapshot().withTrainingData("reviews.csv").write(dir);
    }
    ModelMetadata m = ModelStore.load(dir).metadata();
    assertThat(m.schemaVersion()).isEqualTo(ModelStore.SCHEMA_VERSION);
    assertThat(m.task()).isEqualTo("sentiment");
    assertThat(m.labels()).containsExactly("negative", "positive");
    assertThat(m.trainingData()).isEqualTo("reviews.csv");
    assertThat(m.trainingDataSha256()).matches("[0-9a-f]{64}");
    assertThat(m.seed()).isEqualTo(42);
    assertThat(m.architecture())
        .isEqualTo("en:" + r.of(Language.EN).chosen() + ",zh:" + r.of(Language.ZH).chosen());
    assertThat(m.preprocessing()).containsOnlyKeys("en", "zh");
    assertThat(asMap(m.preprocessing().get("en")))
        .containsEntry("encoder", Embedder.modelId(Language.EN))
        .containsEntry("file", "en.json");
    assertThat(asMap(m.metrics().get("zh")))
        .containsEntry("accuracy", r.of(Language.ZH).test().accuracy());
    assertThat(m.metrics()).containsKey("overall");
    assertThat(m.versions()).containsKey("encoder.zh");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("metadata.json", "en.json", "zh.json");
    }
    // The same data and seed give the same hash, whatever the candidates.
    SentimentOptions lrOnly =
        SentimentOptions.defaults().withCandidates(List.of(SentimentCandidate.EMBEDDING_LR));
    SentimentResult again =
        SentimentAnalysis.run(texts, labels, null, lrOnly, embedder, Progress.NONE);
    try (SentimentModel model = again.model()) {
      assertThat(model.metadata().trainingDataSha256()).isEqualTo(m.trainingDataSha256());
    }
  }

  @Test
  void transformerCandidate_savesWeightsAndVocabulary_andReloadsBitForBit(@TempDir Path dir) {
    SentimentOptions transformerOnly =
        SentimentOptions.defaults()
            .withCandidates(List.of(SentimentCandidate.TRANSFORMER))
            .withTransformer(0, 1);
    SentimentResult r =
        SentimentAnalysis.run(texts, labels, null, transformerOnly, embedder, Progress.NONE);
    List<String> scored = others();
    double[] expected;
    try (SentimentModel model = r.model()) {
      assertThat(r.of(Language.EN).chosen()).isEqualTo(SentimentCandidate.TRANSFORMER);
      expected = model.score(scored, embedder);
      model.save(dir);
    }
    assertThat(dir.resolve("en-transformer.params")).isRegularFile();
    assertThat(dir.resolve("zh-transformer-vocabulary.json")).isRegularFile();
    try (SentimentModel loaded = SentimentModel.load(dir)) {
      assertThat(loaded.head(Language.ZH).orElseThrow().candidate())
          .isEqualTo(SentimentCandidate.TRANSFORMER);
      assertThat(loaded.score(scored, embedder)).containsExactly(expected);
    }
  }

  @Test
  void modelSavedByAnEarlierBuild_stillLoads_andScoresAsItDidThen() throws IOException {
    Path fixture = resource("model-v1");
    List<String> lines =
        Files.readAllLines(resource("model-v1-scores.tsv"), StandardCharsets.UTF_8);
    List<String> scored = new ArrayList<>();
    double[] expected = new double[lines.size()];
    for (int i = 0; i < lines.size(); i++) {
      int tab = lines.get(i).indexOf('\t');
      expected[i] =
          Double.longBitsToDouble(Long.parseUnsignedLong(lines.get(i).substring(0, tab), 16));
      scored.add(lines.get(i).substring(tab + 1));
    }
    try (SentimentModel model = SentimentModel.load(fixture)) {
      assertThat(model.languages()).containsExactly(Language.EN, Language.ZH);
      assertThat(model.head(Language.EN).orElseThrow().candidate())
          .isEqualTo(SentimentCandidate.TFIDF_EMBEDDING_LR);
      assertThat(model.score(scored, embedder)).containsExactly(expected);
    }
  }

  @Test
  void notASentimentModel_orAnotherEncoder_isInvalidInput(@TempDir Path dir) throws IOException {
    assertThatThrownBy(() -> SentimentModel.load(dir.resolve("missing")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("metadata.json");
    Path copy = dir.resolve("copy");
    Files.createDirectories(copy);
    try (var files = Files.list(resource("model-v1"))) {
      for (Path f : files.toList()) Files.copy(f, copy.resolve(f.getFileName()));
    }
    String en = Files.readString(copy.resolve("en.json"), StandardCharsets.UTF_8);
    Files.writeString(
        copy.resolve("en.json"),
        en.replace(Embedder.modelId(Language.EN), "all-minilm-l6-v2-q@1.20.0-beta30/p1"),
        StandardCharsets.UTF_8);
    assertThatThrownBy(() -> SentimentModel.load(copy))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("all-minilm-l6-v2-q")
        .hasMessageContaining("retrain");
    String meta = Files.readString(copy.resolve("metadata.json"), StandardCharsets.UTF_8);
    Files.writeString(
        copy.resolve("metadata.json"),
        meta.replace("\"task\" : \"sentiment\"", "\"task\" : \"text\""),
        StandardCharsets.UTF_8);
    assertThatThrownBy(() -> SentimentModel.load(copy))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("sentiment");
  }

  @Test
  void scores_ofTextsWithoutAModelOrBlank_areNaN() {
    List<String> enOnly = new ArrayList<>();
    List<String> enLabels = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      if (Language.detect(texts.get(i)) == Language.EN) {
        enOnly.add(texts.get(i));
        enLabels.add(labels.get(i));
      }
    }
    SentimentOptions lrOnly =
        SentimentOptions.defaults().withCandidates(List.of(SentimentCandidate.EMBEDDING_LR));
    try (SentimentModel model =
        SentimentAnalysis.run(enOnly, enLabels, null, lrOnly, embedder, Progress.NONE).model()) {
      double[] p = model.score(Arrays.asList("房间很干净", null, "great value"), embedder);
      assertThat(p[0]).isNaN();
      assertThat(p[1]).isNaN();
      assertThat(p[2]).isGreaterThan(0.5);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object o) {
    return (Map<String, Object>) o;
  }

  static Path resource(String name) {
    try {
      return Path.of(SentimentModelTest.class.getResource(name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("test resource missing: " + name, e);
    }
  }
}
