package io.marketlens.ml.lab.image;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.initializer.XavierInitializer;
import io.marketlens.core.validate.InvalidInputException;
import io.marketlens.ml.lab.Lab;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The seed CNN's architecture: {@code Conv2d(channels → filters, kernel × kernel, stride 1, no
 * padding) → ReLU → flatten → Linear(filters·(H−k+1)·(W−k+1) → hidden) → ReLU → [Dropout] →
 * Linear(hidden → classes)}, weights Glorot-uniform ({@code U(±√(6 / (fan_in + fan_out)))}, fans
 * counting the kernel's area, as PyTorch's {@code xavier_uniform_}), biases zero. The seed
 * (founding documents, {@code shared/peers/cnn_fashion.py}) is 32 filters of 3×3 and 128 hidden
 * units.
 *
 * @param filters convolution output channels
 * @param kernel the square kernel's side
 * @param hidden units of the dense hidden layer
 */
public record ImageCnn(int filters, int kernel, int hidden) {

  public ImageCnn {
    if (filters < 1 || kernel < 1 || hidden < 1) {
      throw InvalidInputException.usage(
          "--filters, --kernel and --hidden of at least 1",
          filters + ", " + kernel + ", " + hidden);
    }
  }

  /** The seed architecture: 32 filters of 3×3, 128 hidden units. */
  public static ImageCnn seed() {
    return new ImageCnn(32, 3, 128);
  }

  /** The number of trainable parameters for images of {@code c×h×w} and {@code classes}. */
  public long parameters(int channels, int height, int width, int classes) {
    long conv = (long) filters * channels * kernel * kernel + filters;
    long flat = (long) filters * (height - kernel + 1) * (width - kernel + 1);
    return conv + flat * hidden + hidden + (long) hidden * classes + classes;
  }

  /** The sizes as metadata values. */
  Map<String, Object> toMap(double dropout) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("filters", filters);
    m.put("kernel", kernel);
    m.put("hidden", hidden);
    m.put("dropout", dropout);
    return m;
  }

  /** The architecture recorded by {@link #toMap}. */
  static ImageCnn fromMap(Map<String, Object> m) {
    return new ImageCnn(
        ((Number) m.get("filters")).intValue(),
        ((Number) m.get("kernel")).intValue(),
        ((Number) m.get("hidden")).intValue());
  }

  /**
   * The block for images of {@code channels × height × width}, initialised on {@code manager} with
   * PyTorch's generator seeded from {@code seed} (so the same seed gives the same weights).
   */
  SequentialBlock build(
      NDManager manager,
      int channels,
      int height,
      int width,
      int classes,
      double dropout,
      long seed) {
    if (height < kernel || width < kernel) {
      throw InvalidInputException.in(null)
          .key("--data")
          .expected("images at least " + kernel + "×" + kernel + " pixels (the kernel size)")
          .found(height + "×" + width)
          .build();
    }
    SequentialBlock block = new SequentialBlock();
    block.add(
        Conv2d.builder().setKernelShape(new Shape(kernel, kernel)).setFilters(filters).build());
    block.add(Activation.reluBlock());
    block.add(Blocks.batchFlattenBlock());
    block.add(Linear.builder().setUnits(hidden).build());
    block.add(Activation.reluBlock());
    if (dropout > 0) block.add(Dropout.builder().optRate((float) dropout).build());
    block.add(Linear.builder().setUnits(classes).build());
    // Glorot/Xavier uniform: DJL's default XavierInitializer uses magnitude 6 with the average
    // fan, i.e. √2 times wider than Glorot; magnitude 3 over the average fan is √(6/(in+out)).
    block.setInitializer(
        new XavierInitializer(
            XavierInitializer.RandomType.UNIFORM, XavierInitializer.FactorType.AVG, 3f),
        Parameter.Type.WEIGHT);
    Lab.seed(seed, 0);
    block.initialize(manager, DataType.FLOAT32, new Shape(1, channels, height, width));
    return block;
  }
}
