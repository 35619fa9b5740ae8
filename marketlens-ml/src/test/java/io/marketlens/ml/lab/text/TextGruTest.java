package io.marketlens.ml.lab.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.marketlens.core.progress.Progress;
import io.marketlens.ml.lab.Lab;
import io.marketlens.ml.lab.ModelStore;
import io.marketlens.ml.lab.RunOptions;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextGruTest {

  private static NDManager manager;
  private static TextGru block;
  private static ParameterStore store;

  @BeforeAll
  static void build() {
    manager = Lab.engine(1).newBaseManager(Device.cpu());
    block = new TextGru(50, 3, 16, 16, 2, 0.1f, 0f, 1f);
    Lab.seed(7, 0);
    block.initialize(manager, DataType.FLOAT32, block.inputShape());
    store = new ParameterStore(manager, false);
  }

  @AfterAll
  static void close() {
    manager.close();
  }

  private static float[] logits(long[] ids, long rows) {
    try (NDManager m = manager.newSubManager()) {
      NDArray x = m.create(ids, new Shape(rows, ids.length / rows));
      return block.forward(store, new NDList(x), false).head().toFloatArray();
    }
  }

  @Test
  void padding_doesNotChangeTheOutput() {
    float[] bare = logits(new long[] {5, 6, 7}, 1);
    float[] padded = logits(new long[] {5, 6, 7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, 1);
    float[] inBatch = logits(new long[] {5, 6, 7, 0, 0, 0, 0, 0, 8, 9, 10, 11, 12, 13, 14, 15}, 2);
    assertThat(bare).hasSize(3);
    for (int c = 0; c < 3; c++) {
      assertThat(padded[c]).isCloseTo(bare[c], offset(1e-5f));
      assertThat(inBatch[c]).isCloseTo(bare[c], offset(1e-5f));
    }
  }

  @Test
  void tokensAndTheirOrder_changeTheOutput() {
    float[] a = logits(new long[] {5, 6, 7}, 1);
    assertThat(logits(new long[] {5, 6, 9}, 1)).isNotEqualTo(a);
    assertThat(logits(new long[] {7, 6, 5}, 1)).isNotEqualTo(a);
  }

  @Test
  void everyWeightIsTrainable_andTheOutputHasOneLogitPerClass() {
    for (var p : block.getParameters()) {
      assertThat(p.getValue().getArray().hasGradient()).as(p.getKey()).isTrue();
    }
    assertThat(block.getOutputShapes(new Shape[] {new Shape(4, 16)})[0]).isEqualTo(new Shape(4, 3));
  }

  @Test
  void trainOnTitles_beatsChance_andTheSavedModelPredictsBitForBit(@TempDir Path dir) {
    Path out = dir.resolve("gru");
    TextSettings gru =
        new TextSettings("gru", "auto", false, 2, 32, 32, 2, 1, 64, 0.0, 0.2, 0.0, 1.0, true);
    TextTrainer.Result r =
        TextTrainer.train(
            new TextTrainer.Request(
                TextTestData.thucnewsTrain(),
                TextTestData.thucnewsColumns(),
                TextTestData.thucnewsTest(),
                gru,
                TextTrainerTest.config(42),
                out),
            Progress.NONE);

    // ten classes: chance is 0.1
    assertThat((double) r.metrics().get("accuracy")).isGreaterThan(0.2);
    assertThat(r.training().last().trainLoss())
        .isLessThan(r.training().history().get(0).trainLoss());
    ModelStore.SavedModel saved = ModelStore.load(out);
    assertThat(saved.metadata().architecture()).isEqualTo("gru");
    TextRows test =
        TextReader.read(
            TextTestData.thucnewsTest(), TextTestData.thucnewsColumns(), false, Progress.NONE);
    RunOptions run = new RunOptions(1, "cpu", 256);
    assertThat(TextFamily.INSTANCE.probabilities(saved, test.texts(), run))
        .isDeepEqualTo(r.testProbabilities());
    Map<String, Object> metrics =
        TextFamily.INSTANCE.evaluate(saved, TextTestData.thucnewsTest(), run, Progress.NONE);
    assertThat(metrics).usingRecursiveComparison().isEqualTo(r.metrics());
  }
}
