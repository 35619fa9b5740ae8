package io.marketlens.ml.lab;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Adam or SGD with momentum over a block's parameters, using PyTorch's fused update kernels, with
 * its state (moments, step count) held here so that a checkpoint can save and restore it exactly.
 * DJL's own optimisers keep that state private, which would make a resumed run diverge.
 *
 * <p>Adam follows Kingma &amp; Ba (2015) as PyTorch implements it (epsilon added to the
 * bias-corrected root of the second moment), with the bias correction folded into the step size; L2
 * weight decay is added to the gradient as PyTorch's {@code Adam(weight_decay=...)} does. SGD with
 * momentum keeps one velocity per parameter ({@code v = m v + g; w -= lr v}).
 */
final class LabOptimizer implements AutoCloseable {

  private static final float BETA1 = 0.9f;
  private static final float BETA2 = 0.999f;
  private static final float EPSILON = 1e-8f;

  private final TrainConfig config;
  private final NDManager manager;
  private final List<Pair<String, Parameter>> parameters;
  private final Map<String, NDArray> first = new HashMap<>();
  private final Map<String, NDArray> second = new HashMap<>();
  private long updates;

  LabOptimizer(TrainConfig config, NDManager parent, List<Pair<String, Parameter>> parameters) {
    this.config = config;
    this.manager = parent.newSubManager();
    this.parameters = parameters;
  }

  /** The number of updates made so far (Adam's bias-correction step). */
  long updates() {
    return updates;
  }

  /**
   * Updates every trainable parameter from its gradient and clears the gradient.
   *
   * @param learningRate this step's rate
   * @param gradientScale multiplies every gradient first (gradient clipping), 1 for none
   */
  void step(double learningRate, double gradientScale) {
    updates++;
    float lr = (float) learningRate;
    float wd = (float) config.weightDecay();
    float scale = (float) gradientScale;
    for (Pair<String, Parameter> p : parameters) {
      Parameter param = p.getValue();
      if (!param.requiresGradient()) continue;
      NDArray weight = param.getArray();
      try (NDArray grad = weight.getGradient()) {
        if (config.optimizer() == TrainConfig.Optimizer.ADAM) {
          NDArray m = first.computeIfAbsent(p.getKey(), k -> zerosLike(weight));
          NDArray v = second.computeIfAbsent(p.getKey(), k -> zerosLike(weight));
          double sqrtBias2 = Math.sqrt(1 - Math.pow(BETA2, updates));
          double correction = sqrtBias2 / (1 - Math.pow(BETA1, updates));
          weight
              .getNDArrayInternal()
              .adamUpdate(
                  new NDList(weight, grad, m, v),
                  new NDList(weight),
                  lr,
                  (float) (lr * correction),
                  wd,
                  scale,
                  -1f,
                  BETA1,
                  BETA2,
                  // The kernel adds epsilon to sqrt(v) before the bias correction folded into the
                  // step; scaled so, it equals PyTorch's sqrt(v / (1 - beta2^t)) + epsilon.
                  (float) (EPSILON * sqrtBias2),
                  true,
                  false);
        } else {
          NDArray velocity =
              config.momentum() > 0
                  ? first.computeIfAbsent(p.getKey(), k -> zerosLike(weight))
                  : null;
          weight
              .getNDArrayInternal()
              .sgdUpdate(
                  new NDList(weight, grad, velocity),
                  new NDList(weight),
                  lr,
                  wd,
                  scale,
                  -1f,
                  (float) config.momentum(),
                  true);
        }
      }
    }
  }

  private NDArray zerosLike(NDArray weight) {
    NDArray z = manager.zeros(weight.getShape(), weight.getDataType(), weight.getDevice());
    z.setName(weight.getName());
    return z;
  }

  /** The state as bytes: update count and, per parameter, its moment arrays. */
  byte[] save() {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeLong(updates);
      writeMap(out, first);
      writeMap(out, second);
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Restores what {@link #save()} wrote. */
  void load(byte[] state) {
    try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(state))) {
      updates = in.readLong();
      readMap(in, first);
      readMap(in, second);
    } catch (IOException e) {
      throw new UncheckedIOException("the optimiser state in the checkpoint is damaged", e);
    }
  }

  private static void writeMap(DataOutputStream out, Map<String, NDArray> map) throws IOException {
    List<String> keys = new ArrayList<>(map.keySet());
    java.util.Collections.sort(keys);
    out.writeInt(keys.size());
    for (String k : keys) {
      out.writeUTF(k);
      byte[] enc = new NDList(map.get(k)).encode();
      out.writeInt(enc.length);
      out.write(enc);
    }
  }

  private void readMap(DataInputStream in, Map<String, NDArray> map) throws IOException {
    map.values().forEach(NDArray::close);
    map.clear();
    int n = in.readInt();
    for (int i = 0; i < n; i++) {
      String key = in.readUTF();
      byte[] enc = new byte[in.readInt()];
      in.readFully(enc);
      NDArray a = NDList.decode(manager, enc).singletonOrThrow();
      Parameter owner = null;
      for (Pair<String, Parameter> p : parameters) {
        if (p.getKey().equals(key)) owner = p.getValue();
      }
      if (owner != null && !owner.getArray().getDevice().equals(a.getDevice())) {
        a = a.toDevice(owner.getArray().getDevice(), false);
      }
      map.put(key, a);
    }
  }

  @Override
  public void close() {
    manager.close();
  }
}
