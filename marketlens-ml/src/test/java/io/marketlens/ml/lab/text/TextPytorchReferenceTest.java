package io.marketlens.ml.lab.text;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marketlens.core.progress.Progress;
import io.marketlens.ml.lab.Examples;
import io.marketlens.ml.lab.Lab;
import io.marketlens.ml.lab.LossFunction;
import io.marketlens.ml.lab.TrainConfig;
import io.marketlens.ml.lab.Trainer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * The block computes what the peer's PyTorch model computes: {@code pytorch_reference.json} holds a
 * small model's weights and a padded batch, and what {@code torch.nn.TransformerEncoder} (torch
 * 1.13, the peer's construction, dropout 0) gave for them: eval-mode logits, the training loss and
 * every parameter's gradient ({@code pytorch_reference.py} beside it wrote the file).
 */
class TextPytorchReferenceTest {

  @Test
  void logitsLossAndGradients_matchPytorch() throws IOException {
    JsonNode ref =
        new ObjectMapper().readTree(TextTestData.resource("pytorch_reference.json").toFile());
    Engine engine = Lab.engine(1);
    try (NDManager m = engine.newBaseManager(Device.cpu())) {
      TextTransformer block = new TextTransformer(20, 3, 8, 8, 2, 2, 16, 0f, 0f, 1f);
      block.initialize(m, DataType.FLOAT32, block.inputShape());
      for (Pair<String, Parameter> p : block.getParameters()) {
        p.getValue().getArray().set(floats(ref.path("params").path(p.getKey()).path("data")));
      }
      ParameterStore store = new ParameterStore(m, false);
      NDArray x = m.create(longs(ref.path("ids")), new Shape(3, 8));
      NDArray y = m.create(longs(ref.path("labels")));

      float[] logits = block.forward(store, new NDList(x), false).head().toFloatArray();
      assertClose(logits, floats(ref.path("logits")), 1e-5f);

      NDArray loss;
      try (GradientCollector gc = engine.newGradientCollector()) {
        NDArray out = block.forward(store, new NDList(x), true).head();
        loss = LossFunction.softmaxCrossEntropy(null).compute(new NDList(out), y);
        gc.backward(loss);
      }
      assertThat(loss.getFloat())
          .isCloseTo((float) ref.path("loss").asDouble(), Offset.offset(1e-5f));
      int checked = 0;
      for (Pair<String, Parameter> p : block.getParameters()) {
        float[] expected = floats(ref.path("gradients").path(p.getKey()));
        assertThat(expected).as(p.getKey()).isNotEmpty();
        assertClose(p.getValue().getArray().getGradient().toFloatArray(), expected, 1e-6f);
        checked++;
      }
      assertThat(checked).isEqualTo(28);
    }
  }

  /**
   * Training through the lab's {@link Trainer} (Adam, the default flat update path) follows what
   * {@code torch.optim.Adam} does to the peer's model: {@code pytorch_training_reference.json}
   * holds the loss of each of eight steps on sub-batches of the reference batch (some short, as an
   * epoch's last batch), the eval-mode logits after them and every weight (written by {@code
   * pytorch_training_reference.py}). An optimiser, loss-reduction or gradient-clearing fault shows
   * from the second step on.
   */
  @Test
  void adamSteps_matchPytorch() throws IOException {
    ObjectMapper json = new ObjectMapper();
    JsonNode ref = json.readTree(TextTestData.resource("pytorch_reference.json").toFile());
    JsonNode trained =
        json.readTree(TextTestData.resource("pytorch_training_reference.json").toFile());
    Lab.engine(1);
    try (NDManager m = Lab.engine(1).newBaseManager(Device.cpu())) {
      TextTransformer block = new TextTransformer(20, 3, 8, 8, 2, 2, 16, 0f, 0f, 1f);
      block.initialize(m, DataType.FLOAT32, block.inputShape());
      for (Pair<String, Parameter> p : block.getParameters()) {
        p.getValue().getArray().set(floats(ref.path("params").path(p.getKey()).path("data")));
      }
      long[] ids = longs(ref.path("ids"));
      long[] labels = longs(ref.path("labels"));
      JsonNode steps = trained.path("steps");
      int[] next = {0};
      // The reference's batches in its order, whatever rows the trainer's own plan would draw.
      Examples scripted =
          new Examples() {
            @Override
            public int size() {
              return labels.length;
            }

            @Override
            public Batch batch(NDManager manager, int[] indices) {
              JsonNode rows = steps.get(next[0]++);
              long[] x = new long[rows.size() * 8];
              long[] y = new long[rows.size()];
              for (int r = 0; r < rows.size(); r++) {
                int row = rows.get(r).asInt();
                System.arraycopy(ids, row * 8, x, r * 8, 8);
                y[r] = labels[row];
              }
              return new Batch(
                  new NDList(manager.create(x, new Shape(y.length, 8))), manager.create(y));
            }
          };
      List<Float> losses = new ArrayList<>();
      LossFunction crossEntropy = TextTrainer.loss(0, null);
      LossFunction recorded =
          (out, y) -> {
            NDArray loss = crossEntropy.compute(out, y);
            losses.add(loss.getFloat());
            return loss;
          };
      TrainConfig config =
          TrainConfig.builder()
              .epochs(1)
              .stepsPerEpoch(steps.size())
              .batchSize(3)
              .optimizer(TrainConfig.Optimizer.ADAM)
              .learningRate(trained.path("learning_rate").asDouble())
              .dropout(0)
              .threads(1)
              .seed(1)
              .build();
      Trainer.fit(m, block, scripted, null, recorded, config, Progress.NONE);

      assertClose(toArray(losses), floats(trained.path("losses")), 1e-5f);
      ParameterStore store = new ParameterStore(m, false);
      NDArray x = m.create(ids, new Shape(3, 8));
      float[] logits = block.forward(store, new NDList(x), false).head().toFloatArray();
      assertClose(logits, floats(trained.path("logits_after")), 1e-4f);
      for (Pair<String, Parameter> p : block.getParameters()) {
        float[] actual = p.getValue().getArray().toFloatArray();
        float[] expected = floats(trained.path("params_after").path(p.getKey()));
        if (p.getKey().endsWith("in_bias")) {
          // The key projection's bias has no gradient (softmax ignores a constant added to every
          // score of a query), so Adam moves it by rounding noise, differently in each library;
          // it does not change any output. The query and value parts are compared.
          actual = withoutKeys(actual);
          expected = withoutKeys(expected);
        }
        assertClose(actual, expected, 1e-4f);
      }
    }
  }

  private static float[] withoutKeys(float[] inBias) {
    int d = inBias.length / 3;
    float[] out = new float[2 * d];
    System.arraycopy(inBias, 0, out, 0, d);
    System.arraycopy(inBias, 2 * d, out, d, d);
    return out;
  }

  private static float[] toArray(List<Float> values) {
    float[] out = new float[values.size()];
    for (int i = 0; i < out.length; i++) out[i] = values.get(i);
    return out;
  }

  private static void assertClose(float[] actual, float[] expected, float tolerance) {
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < actual.length; i++) {
      assertThat(actual[i]).as("element %d", i).isCloseTo(expected[i], Offset.offset(tolerance));
    }
  }

  private static float[] floats(JsonNode array) {
    float[] out = new float[array.size()];
    for (int i = 0; i < out.length; i++) out[i] = (float) array.get(i).asDouble();
    return out;
  }

  private static long[] longs(JsonNode array) {
    long[] out = new long[array.size()];
    for (int i = 0; i < out.length; i++) out[i] = array.get(i).asLong();
    return out;
  }
}
