package io.marketlens.ml.lab.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketlens.core.progress.Progress;
import io.marketlens.ml.lab.LabModels;
import io.marketlens.ml.lab.ModelMetadata;
import io.marketlens.ml.lab.ModelStore;
import io.marketlens.ml.lab.RunOptions;
import io.marketlens.ml.lab.TrainConfig;
import io.marketlens.testing.NewJvm;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageTrainerTest {

  /** A narrower CNN than the seed's, so that each test trains in about a second. */
  static final ImageCnn SMALL = new ImageCnn(8, 3, 32);

  @TempDir Path tmp;

  private static TrainConfig config(int epochs) {
    return ImageTrainer.defaults().toBuilder().epochs(epochs).batchSize(32).threads(1).build();
  }

  private ImageTrainer.Result train(String name, TrainConfig config) {
    return ImageTrainer.train(
        ImageFixtures.mnist500(), SMALL, 0.2, config, tmp.resolve(name), Progress.NONE);
  }

  @Test
  void train_mnistSlice_lossFallsAndBeatsChance() {
    ImageTrainer.Result r = train("m", config(3));

    assertThat(r.training().history()).hasSize(3);
    assertThat(r.training().last().trainLoss())
        .isLessThan(r.training().history().get(0).trainLoss());
    // 10 classes: chance is 0.1; a few hundred steps of the seed CNN reach well above it.
    assertThat((double) r.report().metrics().get("accuracy")).isGreaterThan(0.5);
    assertThat(r.report().metrics()).containsKeys("macroF1", "logLoss", "confusion");
    assertThat(r.report().timing()).containsKeys("trainSeconds", "secondsPerEpoch");
    assertThat(r.report().details())
        .containsEntry("trainImages", 400)
        .containsEntry("testImages", 100);
  }

  @Test
  void train_sameSeed_sameMetricsAndProbabilities() {
    ImageTrainer.Result a = train("a", config(1));
    ImageTrainer.Result b = train("b", config(1));
    ImageTrainer.Result c = train("c", config(1).toBuilder().seed(7).build());

    assertThat(b.report().metrics()).usingRecursiveComparison().isEqualTo(a.report().metrics());
    assertThat(b.testProbabilities()).isDeepEqualTo(a.testProbabilities());
    assertThat(c.testProbabilities()).isNotEqualTo(a.testProbabilities());
  }

  @Test
  void save_metadataDescribesModelAndData() {
    ImageTrainer.Result r = train("meta", config(1));

    ModelMetadata m = ModelStore.load(tmp.resolve("meta")).metadata();

    assertThat(m.schemaVersion()).isEqualTo(ModelStore.SCHEMA_VERSION);
    assertThat(m.task()).isEqualTo("image");
    assertThat(m.architecture()).isEqualTo("cnn");
    assertThat(m.seed()).isEqualTo(42);
    assertThat(m.inputSchema())
        .containsEntry("height", 28)
        .containsEntry("width", 28)
        .containsEntry("channels", 1);
    assertThat(m.labels()).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    assertThat(m.metrics().get("accuracy")).isEqualTo(r.report().metrics().get("accuracy"));
    assertThat(m.metrics()).containsKeys("macroF1", "confusion");
    assertThat(m.trainingDataSha256()).hasSize(64);
    assertThat(m.hyperparameters())
        .containsEntry("filters", 8)
        .containsEntry("hidden", 32)
        .containsEntry("optimizer", "sgd")
        .containsEntry("learningRate", 0.01)
        .containsEntry("momentum", 0.9);
    assertThat(m.versions()).containsKeys("djl", "pytorch");
  }

  @Test
  void load_sameProcess_predictsBitForBitAsInTraining() {
    ImageTrainer.Result r = train("bits", config(1));
    ImageSet test = ImageData.forTraining(ImageFixtures.mnist500(), 0.2, 42).test();

    try (ImageClassifier c =
        ImageClassifier.load(
            ModelStore.load(tmp.resolve("bits")), new RunOptions(1, "cpu", 1000))) {
      assertThat(c.probabilities(test, ImageTrainer.EVAL_BATCH, Progress.NONE))
          .isDeepEqualTo(r.testProbabilities());
    }
  }

  @Test
  void load_newProcess_predictsBitForBitAsInTraining() throws Exception {
    ImageTrainer.Result r = train("proc", config(1));
    Path out = tmp.resolve("bits.txt");
    NewJvm.run(
        PredictBitsMain.class,
        tmp.resolve("proc").toString(),
        ImageFixtures.mnist500().toString(),
        out.toString());

    assertThat(Files.readAllLines(out)).isEqualTo(PredictBitsMain.lines(r.testProbabilities()));
  }

  @Test
  void pngTree_trainsAndEvaluatesByClassName() {
    ImageTrainer.Result r =
        ImageTrainer.train(
            ImageFixtures.pngTree(),
            SMALL,
            0.25,
            config(4).toBuilder().batchSize(8).build(),
            tmp.resolve("png"),
            Progress.NONE);

    assertThat(ModelStore.load(tmp.resolve("png")).metadata().labels())
        .containsExactly("one", "two", "zero");
    assertThat(r.report().details()).containsEntry("testImages", 6);
    Map<String, Object> eval =
        LabModels.evaluate(
            tmp.resolve("png"),
            ImageFixtures.pngTree(),
            new RunOptions(1, "cpu", 64),
            Progress.NONE);
    @SuppressWarnings("unchecked")
    Map<String, Object> metrics = (Map<String, Object>) eval.get("metrics");
    assertThat(metrics).containsEntry("n", 24);
    assertThat((double) metrics.get("accuracy")).isGreaterThan(1.0 / 3);
  }

  @Test
  void dropoutAndPatience_validationSplitAndStructureSaved() {
    TrainConfig c = config(2).toBuilder().dropout(0.3).patience(1).balanceClasses(true).build();

    ImageTrainer.Result r = train("drop", c);

    assertThat(r.report().details()).containsKey("validationImages");
    assertThat(r.report().details()).containsKey("bestValidationLoss");
    ModelMetadata m = ModelStore.load(tmp.resolve("drop")).metadata();
    assertThat(m.hyperparameters()).containsEntry("dropout", 0.3);
    ByteArrayOutputStream csv = new ByteArrayOutputStream();
    long rows =
        LabModels.predict(
            tmp.resolve("drop"),
            ImageFixtures.mnist500(),
            null,
            csv,
            new RunOptions(1, "cpu", 50),
            Progress.NONE);
    assertThat(rows).isEqualTo(100);
    List<String> lines = csv.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines.get(0)).isEqualTo(ImageFamily.CSV_HEADER);
    assertThat(lines.get(1)).matches("0,[0-9],[0-9.E-]+");
  }
}
