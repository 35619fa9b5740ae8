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
import io.marketlens.ml.lab.Lab;
import io.marketlens.ml.lab.LossFunction;
import java.io.IOException;
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
