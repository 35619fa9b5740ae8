package io.marketlens.ml.lab.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.marketlens.core.progress.Progress;
import io.marketlens.core.validate.InvalidInputException;
import io.marketlens.ml.lab.LabModels;
import io.marketlens.ml.lab.ModelStore;
import io.marketlens.ml.lab.RunOptions;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The committed small model still loads and predicts what it predicted when it was saved. */
class SmallModelFixtureTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({"mnist500, small-model-predictions-t10k.csv", "png, small-model-predictions-png.csv"})
  void predict_committedModel_matchesRecordedPredictions(String data, String recorded)
      throws Exception {
    ByteArrayOutputStream csv = new ByteArrayOutputStream();
    LabModels.predict(
        ImageFixtures.smallModel(),
        ImageFixtures.root().resolve(data),
        null,
        csv,
        new RunOptions(1, "cpu", 10_000),
        Progress.NONE);

    List<String> got = csv.toString(StandardCharsets.UTF_8).lines().toList();
    List<String> want = Files.readAllLines(ImageFixtures.root().resolve(recorded));
    assertThat(got).hasSameSizeAs(want);
    assertThat(got.get(0)).isEqualTo(want.get(0));
    for (int i = 1; i < want.size(); i++) {
      String[] g = got.get(i).split(",");
      String[] w = want.get(i).split(",");
      assertThat(g[0]).isEqualTo(w[0]);
      assertThat(g[1]).as("class of %s", w[0]).isEqualTo(w[1]);
      // Same build and CPU: identical; other CPUs' BLAS kernels may round the last bits apart.
      assertThat(Float.parseFloat(g[2])).isCloseTo(Float.parseFloat(w[2]), within(1e-5f));
    }
  }

  @Test
  void evaluate_committedModel_reproducesRecordedAccuracy() {
    Path model = ImageFixtures.smallModel();
    Object recorded = ModelStore.load(model).metadata().metrics().get("accuracy");

    Map<String, Object> eval =
        LabModels.evaluate(
            model, ImageFixtures.mnist500(), new RunOptions(1, "cpu", 1000), Progress.NONE);

    @SuppressWarnings("unchecked")
    Map<String, Object> metrics = (Map<String, Object>) eval.get("metrics");
    assertThat(eval).containsEntry("task", "image");
    assertThat(metrics.get("accuracy")).isEqualTo(recorded);
    assertThat(metrics).containsEntry("n", 100);
  }

  @Test
  void evaluate_classesTheModelDoesNotKnow_rejected() {
    assertThatThrownBy(
            () ->
                LabModels.evaluate(
                    ImageFixtures.smallModel(),
                    ImageFixtures.pngTree(),
                    new RunOptions(1, "cpu", 1000),
                    Progress.NONE))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("classes the model knows: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]")
        .hasMessageContaining("class one (8 images)");
  }

  @Test
  void predict_imagesOfAnotherSize_namesModelInput() throws Exception {
    Path dir = java.nio.file.Files.createTempDirectory("img");
    try {
      javax.imageio.ImageIO.write(
          new java.awt.image.BufferedImage(32, 32, java.awt.image.BufferedImage.TYPE_BYTE_GRAY),
          "png",
          dir.resolve("big.png").toFile());
      assertThatThrownBy(
              () ->
                  LabModels.predict(
                      ImageFixtures.smallModel(),
                      dir,
                      null,
                      new ByteArrayOutputStream(),
                      new RunOptions(1, "cpu", 1000),
                      Progress.NONE))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("big.png")
          .hasMessageContaining("28×28 pixels (height×width) like the model's input")
          .hasMessageContaining("found \"32×32\"");
    } finally {
      java.nio.file.Files.deleteIfExists(dir.resolve("big.png"));
      java.nio.file.Files.deleteIfExists(dir);
    }
  }
}
