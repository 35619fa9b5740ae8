package io.marketlens.ml.lab.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketlens.core.progress.Progress;
import io.marketlens.core.validate.InvalidInputException;
import io.marketlens.ml.lab.ModelStore;
import io.marketlens.ml.lab.RunOptions;
import io.marketlens.ml.lab.TrainConfig;
import io.marketlens.testing.NewJvm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trains a tiny classifier on real titles in a second or two and checks what it gives. */
class TextTrainerTest {

  @TempDir static Path dir;

  private static Path model;
  private static TextTrainer.Result result;

  /** Width 32, 2 heads, 1 layer, 32 tokens: small enough for a few seconds on one thread. */
  static TextSettings tiny() {
    return new TextSettings(
        "transformer", "auto", false, 2, 32, 32, 2, 1, 64, 0.0, 0.2, 0.0, 1.0, true);
  }

  static TrainConfig config(long seed) {
    return TextTrainer.defaults().toBuilder()
        .epochs(5)
        .batchSize(32)
        .learningRate(3e-3)
        .seed(seed)
        .threads(1)
        .device("cpu")
        .build();
  }

  static TextTrainer.Result trainThucnews(long seed, Path out) {
    return TextTrainer.train(
        new TextTrainer.Request(
            TextTestData.thucnewsTrain(),
            TextTestData.thucnewsColumns(),
            TextTestData.thucnewsTest(),
            tiny(),
            config(seed),
            out),
        Progress.NONE);
  }

  static TextTrainer.Result trainThucnews(long seed, int epochs) {
    return TextTrainer.train(
        new TextTrainer.Request(
            TextTestData.thucnewsTrain(),
            TextTestData.thucnewsColumns(),
            TextTestData.thucnewsTest(),
            tiny(),
            config(seed).toBuilder().epochs(epochs).build(),
            null),
        Progress.NONE);
  }

  @BeforeAll
  static void train() {
    model = dir.resolve("model");
    result = trainThucnews(42, model);
  }

  @Test
  void chineseTitles_lossFallsAndAccuracyBeatsChance() {
    var history = result.training().history();
    assertThat(history).hasSize(5);
    assertThat(history.get(4).trainLoss()).isLessThan(history.get(0).trainLoss() * 0.8);
    assertThat((double) result.metrics().get("accuracy")).isGreaterThan(0.3); // chance: 0.1
    assertThat(result.metrics()).containsKeys("macroF1", "confusion", "logLoss");
    assertThat(result.report().details()).containsEntry("tokens", "char");
    assertThat(result.trainRows()).isEqualTo(1000);
    assertThat(result.testRows()).isEqualTo(200);
    assertThat(result.labels()).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
  }

  @Test
  void sameSeed_sameMetrics_otherSeed_otherModel() {
    TextTrainer.Result a = trainThucnews(42, 1);
    TextTrainer.Result b = trainThucnews(42, 1);
    assertThat(b.metrics()).usingRecursiveComparison().isEqualTo(a.metrics());
    assertThat(b.testProbabilities()).isDeepEqualTo(a.testProbabilities());
    TextTrainer.Result other = trainThucnews(43, 1);
    assertThat(other.training().last().trainLoss()).isNotEqualTo(a.training().last().trainLoss());
  }

  @Test
  void savedModel_holdsMetadataAndVocabulary() {
    ModelStore.SavedModel saved = ModelStore.load(model);
    var meta = saved.metadata();
    assertThat(meta.task()).isEqualTo("text");
    assertThat(meta.architecture()).isEqualTo("transformer");
    assertThat(meta.seed()).isEqualTo(42);
    assertThat(meta.trainingDataSha256()).hasSize(64);
    assertThat(meta.labels()).hasSize(10);
    assertThat(meta.preprocessing()).containsEntry("tokens", "char");
    assertThat(meta.preprocessing()).containsEntry("vocabularySize", result.vocabularySize());
    assertThat(meta.inputSchema()).containsEntry("noHeader", true);
    assertThat(meta.metrics()).containsKeys("accuracy", "macroF1", "confusion");
    assertThat(meta.versions()).containsKeys("djl", "pytorch");
    @SuppressWarnings("unchecked")
    Map<String, Object> m = (Map<String, Object>) meta.hyperparameters().get("model");
    assertThat(m).containsEntry("dim", 32).containsEntry("layers", 1);
    assertThat(Files.isRegularFile(model.resolve(TextVocabulary.FILE))).isTrue();
  }

  @Test
  void loadedModel_predictsBitForBit_andEvaluatesTheSame() {
    ModelStore.SavedModel saved = ModelStore.load(model);
    TextRows test =
        TextReader.read(
            TextTestData.thucnewsTest(), TextTestData.thucnewsColumns(), false, Progress.NONE);
    float[][] p =
        TextFamily.INSTANCE.probabilities(saved, test.texts(), new RunOptions(1, "cpu", 256));
    assertThat(p).isDeepEqualTo(result.testProbabilities());
    Map<String, Object> metrics =
        TextFamily.INSTANCE.evaluate(
            saved, TextTestData.thucnewsTest(), new RunOptions(1, "cpu", 256), Progress.NONE);
    assertThat(metrics).usingRecursiveComparison().isEqualTo(result.metrics());
  }

  @Test
  void newProcess_predictsBitForBit() throws IOException, InterruptedException {
    Path out = dir.resolve("bits.txt");
    NewJvm.run(
        TextPredictMain.class,
        model.toString(),
        TextTestData.thucnewsTest().toString(),
        out.toString());
    assertThat(Files.readAllLines(out)).isEqualTo(TextPredictMain.bits(result.testProbabilities()));
  }

  @Test
  void predict_writesIdLabelAndProbability() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    long n =
        TextFamily.INSTANCE.predict(
            ModelStore.load(model),
            TextTestData.thucnewsTest(),
            bytes,
            new RunOptions(1, "cpu", 64),
            Progress.NONE);
    List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(n).isEqualTo(200);
    assertThat(lines).hasSize(201);
    assertThat(lines.get(0)).isEqualTo("row,label,probability");
    assertThat(lines.get(1)).matches("1,[0-9],0\\.[0-9]+|1,[0-9],1\\.0");
  }

  @Test
  void englishSentences_wordTokens_stratifiedSplit_binaryMetrics() {
    TextTrainer.Result r =
        TextTrainer.train(
            new TextTrainer.Request(
                TextTestData.sst2(),
                new TextColumns("sentence", "label", null, false),
                null,
                tiny(),
                config(42).toBuilder().epochs(2).build(),
                null),
            Progress.NONE);
    assertThat(r.report().details()).containsEntry("tokens", "word");
    assertThat(r.testRows()).isEqualTo(60);
    assertThat(r.trainRows()).isEqualTo(240);
    assertThat(r.metrics()).containsKeys("auc", "prAuc", "f1", "accuracy");
  }

  @Test
  void oneLabelOnly_isAnInputError() throws IOException {
    Path f = dir.resolve("one.tsv");
    Files.writeString(f, "text\tlabel\ngood\tpos\nfine\tpos\n");
    assertThatThrownBy(() -> trainFile(f, null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("at least two different labels")
        .hasMessageContaining("only 'pos'");
  }

  @Test
  void allTextsBlank_isAnInputError() throws IOException {
    Path f = dir.resolve("blank.tsv");
    Files.writeString(f, "text\tlabel\n \tpos\n\tneg\n");
    assertThatThrownBy(() -> trainFile(f, null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("texts blank");
  }

  @Test
  void testLabelUnseenInTraining_namesTheRow() throws IOException {
    Path train = dir.resolve("train.tsv");
    Files.writeString(train, "text\tlabel\ngood\tpos\nbad\tneg\ngreat\tpos\nawful\tneg\n");
    Path test = dir.resolve("test.tsv");
    Files.writeString(test, "text\tlabel\nok\tpos\nmeh\tneutral\n");
    assertThatThrownBy(() -> trainFile(train, test))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("row 3")
        .hasMessageContaining("neutral");
  }

  @Test
  void otherArchitectures_areRefused() {
    assertThatThrownBy(
            () ->
                new TextSettings(
                    "lstm", "auto", false, 2, 64, 128, 4, 2, 256, 0, 0.2, 0.0, 1.0, false))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("transformer, gru or embed-head");
    assertThatThrownBy(
            () ->
                new TextSettings(
                    "transformer", "auto", false, 2, 64, 128, 3, 2, 256, 0, 0.2, 0.0, 1.0, false))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("--heads");
  }

  @Test
  void labelOrder_isNumericWhenLabelsAreNumbers() {
    assertThat(TextTrainer.labelOrder(List.of("10", "9", "2", "9")))
        .containsExactly("2", "9", "10");
    assertThat(TextTrainer.labelOrder(List.of("pos", "neg"))).containsExactly("neg", "pos");
  }

  @Test
  void stratifiedSplit_holdsOutTheShareOfEachClass() {
    int[] classes = new int[100];
    for (int i = 0; i < 100; i++) classes[i] = i < 80 ? 0 : 1;
    boolean[] test = TextTrainer.stratifiedSplit(classes, 2, 0.2, 1, 7);
    int a = 0;
    int b = 0;
    for (int i = 0; i < 100; i++)
      if (test[i])
        if (classes[i] == 0) a++;
        else b++;
    assertThat(a).isEqualTo(16);
    assertThat(b).isEqualTo(4);
    assertThat(TextTrainer.stratifiedSplit(classes, 2, 0.2, 1, 7)).isEqualTo(test);
  }

  private static void trainFile(Path data, Path test) {
    TextTrainer.train(
        new TextTrainer.Request(
            data,
            new TextColumns("text", "label", null, false),
            test,
            tiny(),
            config(1).toBuilder().epochs(1).build(),
            null),
        Progress.NONE);
  }
}
