package io.marketlens.ml.lab.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketlens.core.progress.Progress;
import io.marketlens.ml.lab.ModelStore;
import io.marketlens.ml.lab.RunOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A small saved model committed in {@code src/test/resources/lab/text/fixture-model} still loads
 * and predicts what it predicted when it was saved ({@code fixture-predictions.csv}): the model
 * format stays readable.
 */
class TextFixtureTest {

  private static final String MODEL = "fixture-model";
  private static final String PREDICTIONS = "fixture-predictions.csv";

  private static String predict(Path modelDir) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TextFamily.INSTANCE.predict(
        ModelStore.load(modelDir),
        TextTestData.thucnewsTest(),
        out,
        new RunOptions(1, "cpu", 64),
        Progress.NONE);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void committedModel_predictsAsRecorded() throws IOException {
    Path model = TextTestData.resource(MODEL);
    assertThat(Files.size(model.resolve(ModelStore.WEIGHTS))).isLessThan(64 * 1024);
    List<String> recorded = Files.readAllLines(TextTestData.resource(PREDICTIONS));
    List<String> now = predict(model).lines().toList();
    assertThat(now).hasSameSizeAs(recorded);
    assertThat(now.get(0)).isEqualTo(recorded.get(0));
    for (int i = 1; i < now.size(); i++) {
      String[] a = now.get(i).split(",");
      String[] b = recorded.get(i).split(",");
      assertThat(a[0]).isEqualTo(b[0]);
      assertThat(a[1]).as("label of row %s", a[0]).isEqualTo(b[1]);
      assertThat(Float.parseFloat(a[2]))
          .as("probability of row %s", a[0])
          .isCloseTo(Float.parseFloat(b[2]), org.assertj.core.data.Offset.offset(1e-5f));
    }
  }

  /** Rewrites the fixture: {@code -Dmarketlens.regenerateFixtures=true}, from the module folder. */
  @Test
  @EnabledIfSystemProperty(named = "marketlens.regenerateFixtures", matches = "true")
  void regenerate() throws IOException {
    Path resources = Path.of("src/test/resources/lab/text");
    Path model = resources.resolve(MODEL);
    TextTrainer.train(
        new TextTrainer.Request(
            resources.resolve("thucnews_train_1000.txt"),
            TextTestData.thucnewsColumns(),
            resources.resolve("thucnews_test_200.txt"),
            new TextSettings(
                "transformer", "char", false, 3, 32, 8, 2, 1, 16, 0, 0.2, 0.0, 1.0, true),
            TextTrainer.defaults().toBuilder()
                .epochs(3)
                .batchSize(32)
                .learningRate(1e-2)
                .threads(1)
                .device("cpu")
                .build(),
            model),
        Progress.NONE);
    Files.writeString(resources.resolve(PREDICTIONS), predict(model));
  }
}
