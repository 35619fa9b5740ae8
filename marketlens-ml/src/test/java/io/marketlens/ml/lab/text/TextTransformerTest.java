package io.marketlens.ml.lab.text;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.marketlens.ml.lab.Lab;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TextTransformerTest {

  private static NDManager manager;
  private static TextTransformer block;
  private static ParameterStore store;

  @BeforeAll
  static void build() {
    manager = Lab.engine(1).newBaseManager(Device.cpu());
    block = new TextTransformer(50, 3, 16, 16, 4, 2, 32, 0.1f, 0f, 1f);
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
      assertThat(padded[c]).isCloseTo(bare[c], org.assertj.core.data.Offset.offset(1e-5f));
      assertThat(inBatch[c]).isCloseTo(bare[c], org.assertj.core.data.Offset.offset(1e-5f));
    }
  }

  @Test
  void tokensAndTheirOrder_changeTheOutput() {
    float[] a = logits(new long[] {5, 6, 7}, 1);
    float[] b = logits(new long[] {5, 6, 9}, 1);
    float[] c = logits(new long[] {7, 6, 5}, 1);
    assertThat(a).isNotEqualTo(b);
    assertThat(a).isNotEqualTo(c);
  }

  @Test
  void tokenDropout_isSeededAndOnlyInTraining() {
    TextTransformer noisy = new TextTransformer(50, 3, 16, 16, 4, 1, 32, 0f, 0.5f, 0.02f);
    try (NDManager m = manager.newSubManager()) {
      Lab.seed(7, 0);
      noisy.initialize(m, DataType.FLOAT32, noisy.inputShape());
      NDArray x = m.create(new long[] {5, 6, 7, 8, 9, 10, 11, 12}, new Shape(1, 8));
      Lab.seed(1, 5);
      float[] a = noisy.forward(store, new NDList(x), true).head().toFloatArray();
      Lab.seed(1, 5);
      float[] b = noisy.forward(store, new NDList(x), true).head().toFloatArray();
      float[] eval1 = noisy.forward(store, new NDList(x), false).head().toFloatArray();
      float[] eval2 = noisy.forward(store, new NDList(x), false).head().toFloatArray();
      assertThat(a).isEqualTo(b);
      assertThat(eval1).isEqualTo(eval2);
      assertThat(a).isNotEqualTo(eval1);
    }
  }

  @Test
  void layersStartEqual_andEveryWeightIsTrainable() {
    var params = block.getParameters();
    for (var p : params) assertThat(p.getValue().getArray().hasGradient()).as(p.getKey()).isTrue();
    java.util.List<float[]> ff1 = new java.util.ArrayList<>();
    for (var p : params) {
      if (p.getKey().endsWith("ff1_weight")) ff1.add(p.getValue().getArray().toFloatArray());
    }
    assertThat(ff1).hasSize(2);
    assertThat(ff1.get(1)).isEqualTo(ff1.get(0));
  }

  @Test
  void shapes() {
    assertThat(block.getOutputShapes(new Shape[] {new Shape(4, 16)})[0]).isEqualTo(new Shape(4, 3));
    assertThat(block.maxLength()).isEqualTo(16);
  }
}
