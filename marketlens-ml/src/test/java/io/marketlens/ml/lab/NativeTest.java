package io.marketlens.ml.lab;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NativeTest {

  /**
   * The factor of {@link Native#scale} lives in native memory, so the graph's copy of it survives
   * the JVM freeing Java buffers between the forward and the backward pass (DJL's {@code
   * mul(Number)} keeps it in a Java buffer it closes at once).
   */
  @Test
  void scale_gradientSurvivesGarbageCollectionBeforeBackward() {
    Engine engine = Lab.engine(1);
    try (NDManager m = engine.newBaseManager(Device.cpu())) {
      NDArray x = m.create(new float[] {1f, 2f, 3f, 4f});
      x.setRequiresGradient(true);
      try (GradientCollector collector = engine.newGradientCollector()) {
        NDArray y = Native.scale(x, 0.125).sum();
        churnJavaBuffers();
        collector.backward(y);
      }
      assertThat(x.getGradient().toFloatArray()).containsExactly(0.125f, 0.125f, 0.125f, 0.125f);
    }
  }

  @Test
  void scale_equalsMulByTheSameNumber() {
    try (NDManager m = Lab.engine(1).newBaseManager(Device.cpu())) {
      NDArray x = m.randomNormal(new ai.djl.ndarray.types.Shape(64));
      double factor = 1 / Math.sqrt(32);
      assertThat(Native.scale(x, factor).toFloatArray())
          .containsExactly(x.mul(factor).toFloatArray());
    }
  }

  /** Frees unreachable direct buffers and reuses their memory with other bytes. */
  private static void churnJavaBuffers() {
    for (int round = 0; round < 3; round++) {
      System.gc();
      List<ByteBuffer> fill = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        ByteBuffer b = ByteBuffer.allocateDirect(64);
        while (b.hasRemaining()) b.put((byte) 0x7f);
        fill.add(b);
      }
      assertThat(fill).hasSize(64);
    }
  }
}
