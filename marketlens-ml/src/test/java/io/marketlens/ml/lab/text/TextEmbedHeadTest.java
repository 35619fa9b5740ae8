package io.marketlens.ml.lab.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketlens.core.progress.Progress;
import io.marketlens.core.validate.InvalidInputException;
import io.marketlens.ml.embed.Embedder;
import io.marketlens.ml.embed.Language;
import io.marketlens.ml.lab.ModelStore;
import io.marketlens.ml.lab.RunOptions;
import io.marketlens.ml.lab.TrainConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train text --arch embed-head} on real titles and sentences. */
class TextEmbedHeadTest {

  @TempDir static Path dir;

  private static Path model;
  private static TextTrainer.Result result;

  static TextSettings embedHead() {
    return new TextSettings(
        "embed-head", "auto", false, 2, 64, 64, 4, 1, 64, 0.0, 0.2, 0.0, 1.0, false);
  }

  static TrainConfig config() {
    return TextTrainer.defaults().toBuilder()
        .epochs(8)
        .batchSize(32)
        .learningRate(3e-3)
        .seed(42)
        .threads(1)
        .device("cpu")
        .build();
  }

  @BeforeAll
  static void train() {
    model = dir.resolve("embed-head");
    result =
        TextTrainer.train(
            new TextTrainer.Request(
                TextTestData.thucnewsTrain(),
                TextTestData.thucnewsColumns(),
                TextTestData.thucnewsTest(),
                embedHead(),
                config(),
                model),
            Progress.NONE);
  }

  @Test
  void chineseTitles_useTheChineseEncoder_andBeatChanceByFar() {
    // ten classes: chance is 0.1; the pre-trained vectors carry the topic
    assertThat((double) result.metrics().get("accuracy")).isGreaterThan(0.5);
    assertThat(result.report().details())
        .containsEntry("encoder", Embedder.modelId(Language.ZH))
        .containsEntry("testRows", 200);
    assertThat(result.training().last().trainLoss())
        .isLessThan(result.training().history().get(0).trainLoss());
  }

  @Test
  void savedModel_predictsBitForBit_andEvaluatesTheSame() {
    ModelStore.SavedModel saved = ModelStore.load(model);
    assertThat(saved.metadata().architecture()).isEqualTo("embed-head");
    assertThat(saved.metadata().preprocessing())
        .containsEntry("language", "zh")
        .containsEntry("encoder", Embedder.modelId(Language.ZH));
    TextRows test =
        TextReader.read(
            TextTestData.thucnewsTest(), TextTestData.thucnewsColumns(), false, Progress.NONE);
    RunOptions run = new RunOptions(1, "cpu", 256);
    assertThat(TextFamily.INSTANCE.probabilities(saved, test.texts(), run))
        .isDeepEqualTo(result.testProbabilities());
    Map<String, Object> metrics =
        TextFamily.INSTANCE.evaluate(saved, TextTestData.thucnewsTest(), run, Progress.NONE);
    assertThat(metrics).usingRecursiveComparison().isEqualTo(result.metrics());
  }

  @Test
  void modelOfAnotherEncoder_isRefusedWithAClearMessage() throws IOException {
    Path copy = dir.resolve("other-encoder");
    Files.createDirectories(copy);
    for (String f : List.of(ModelStore.METADATA, ModelStore.WEIGHTS)) {
      Files.copy(model.resolve(f), copy.resolve(f));
    }
    Path meta = copy.resolve(ModelStore.METADATA);
    String json = Files.readString(meta, StandardCharsets.UTF_8);
    Files.writeString(meta, json.replace(Embedder.modelId(Language.ZH), "some-other-encoder@9/p9"));

    assertThatThrownBy(
            () ->
                TextFamily.INSTANCE.probabilities(
                    ModelStore.load(copy), List.of("标题"), new RunOptions(1, "cpu", 8)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("some-other-encoder")
        .hasMessageContaining("retrain");
  }

  @Test
  void englishSentences_useTheEnglishEncoder() {
    TextTrainer.Result r =
        TextTrainer.train(
            new TextTrainer.Request(
                TextTestData.sst2(),
                new TextColumns("sentence", "label", null, false),
                null,
                embedHead(),
                config(),
                null),
            Progress.NONE);
    assertThat(r.report().details()).containsEntry("encoder", Embedder.modelId(Language.EN));
    assertThat(r.testRows()).isEqualTo(60);
    assertThat((double) r.metrics().get("auc")).isGreaterThan(0.7);
  }

  @Test
  void language_isTheMajorityOfTheNonBlankTexts() {
    assertThat(TextEmbedHead.language(List.of("好评", "质量很好", "great", " "))).isEqualTo(Language.ZH);
    assertThat(TextEmbedHead.language(List.of("好评", "great", "fine"))).isEqualTo(Language.EN);
    assertThat(TextEmbedHead.language(List.of("好评", "great"))).isEqualTo(Language.EN);
  }
}
