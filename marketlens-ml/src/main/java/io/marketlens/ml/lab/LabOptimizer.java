package io.marketlens.ml.lab;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
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
  private final boolean allowFlat;
  private boolean prepared;
  private long updates;

  /**
   * Set on the first step when the parameters were gathered into one buffer (see {@link #flatten}):
   * then every update is one kernel call instead of one per parameter.
   */
  private Flat flat;

  /**
   * The flat path's handles on the parameters' gradients, flattened, kept from the first step of a
   * gradient collector to its end (see {@link #forgetGradients}); null before that step. Within one
   * collector PyTorch accumulates every backward pass into the same gradient tensors, which the
   * update clears in place, so the handles stay valid: fetching and reshaping them again each step
   * cost two dozen native calls a step.
   */
  private NDManager gradientManager;

  private NDList gradientViews;

  /**
   * The trainable parameters laid end to end in one buffer, each parameter's array a view of its
   * slice, with the optimiser's moments as buffers of the same layout.
   */
  private record Flat(
      List<Pair<String, Parameter>> parameters,
      long[] offsets,
      NDArray weights,
      NDArray first,
      NDArray second) {}

  /**
   * Models up to this many trainable values are updated through one flat buffer. For them the
   * per-parameter kernel calls (about ten small tensor operations each) cost more than the
   * arithmetic; larger models are bound by memory traffic, which gathering the gradients would only
   * add to.
   */
  static final long FLAT_LIMIT = 1L << 20;

  LabOptimizer(TrainConfig config, NDManager parent, List<Pair<String, Parameter>> parameters) {
    this(config, parent, parameters, true);
  }

  /** As above; {@code allowFlat} false keeps one update per parameter (tests compare the two). */
  LabOptimizer(
      TrainConfig config,
      NDManager parent,
      List<Pair<String, Parameter>> parameters,
      boolean allowFlat) {
    this.config = config;
    this.manager = parent.newSubManager();
    this.parameters = parameters;
    this.allowFlat = allowFlat;
  }

  /** The number of updates made so far (Adam's bias-correction step). */
  long updates() {
    return updates;
  }

  /**
   * Gathers the parameters into one buffer when that pays (see {@link #flatten}). Call after
   * loading a checkpoint and before the first forward pass: it replaces the parameters' arrays, so
   * a {@code ParameterStore} that already handed out the old ones would keep using them.
   */
  void prepare() {
    if (prepared) return;
    prepared = true;
    if (allowFlat) flat = flatten();
  }

  /**
   * Updates every trainable parameter from its gradient and clears the gradient.
   *
   * @param learningRate this step's rate
   * @param gradientScale multiplies every gradient first (gradient clipping), 1 for none
   */
  void step(double learningRate, double gradientScale) {
    prepare();
    updates++;
    float lr = (float) learningRate;
    float wd = (float) config.weightDecay();
    float scale = (float) gradientScale;
    if (flat != null) {
      stepFlat(lr, wd, scale);
      return;
    }
    for (Pair<String, Parameter> p : parameters) {
      Parameter param = p.getValue();
      if (!param.requiresGradient()) continue;
      NDArray weight = param.getArray();
      try (NDArray grad = weight.getGradient()) {
        boolean adam = config.optimizer() == TrainConfig.Optimizer.ADAM;
        NDArray m =
            adam || config.momentum() > 0
                ? first.computeIfAbsent(p.getKey(), k -> zerosLike(weight))
                : null;
        NDArray v = adam ? second.computeIfAbsent(p.getKey(), k -> zerosLike(weight)) : null;
        update(weight, grad, m, v, lr, wd, scale);
        grad.subi(grad); // consumed: cleared in place for the next step, as in stepFlat
      }
    }
  }

  /**
   * Gathers the trainable parameters into one buffer and makes each parameter's array a detached
   * view of its slice (a leaf of its own for autograd, sharing the buffer's storage), so that one
   * update of the buffer updates every parameter. Moments already loaded from a checkpoint are
   * gathered the same way. Returns null (one update per parameter) when the parameters differ in
   * type, device or manager, or hold more than {@link #FLAT_LIMIT} values.
   */
  private Flat flatten() {
    List<Pair<String, Parameter>> trainable = new ArrayList<>();
    long total = 0;
    for (Pair<String, Parameter> p : parameters) {
      if (!p.getValue().requiresGradient()) continue;
      NDArray a = p.getValue().getArray();
      if (!trainable.isEmpty()) {
        NDArray first0 = trainable.get(0).getValue().getArray();
        if (a.getDataType() != first0.getDataType()
            || !a.getDevice().equals(first0.getDevice())
            || a.getManager() != first0.getManager()) {
          return null;
        }
      }
      trainable.add(p);
      total += a.size();
    }
    if (trainable.size() < 2 || total > FLAT_LIMIT) return null;
    NDManager owner = trainable.get(0).getValue().getArray().getManager();
    long[] offsets = new long[trainable.size() + 1];
    NDList pieces = new NDList();
    NDList firstPieces = new NDList();
    NDList secondPieces = new NDList();
    for (int i = 0; i < trainable.size(); i++) {
      NDArray a = trainable.get(i).getValue().getArray();
      offsets[i + 1] = offsets[i] + a.size();
      pieces.add(a.reshape(-1));
      String key = trainable.get(i).getKey();
      firstPieces.add(momentPiece(first, key, a));
      secondPieces.add(momentPiece(second, key, a));
    }
    NDArray weights;
    try (NDManager gather = manager.newSubManager()) {
      // Concatenated with autograd off (no collector is open here), so the buffer is a plain
      // tensor; the intermediate reshapes go with this manager.
      pieces.attach(gather);
      weights = NDArrays.concat(pieces, 0);
      weights.attach(owner);
    }
    NDArray m = NDArrays.concat(firstPieces, 0);
    m.attach(manager);
    NDArray v = NDArrays.concat(secondPieces, 0);
    v.attach(manager);
    firstPieces.close();
    secondPieces.close();
    first.values().forEach(NDArray::close);
    first.clear();
    second.values().forEach(NDArray::close);
    second.clear();
    for (int i = 0; i < trainable.size(); i++) {
      Parameter param = trainable.get(i).getValue();
      NDArray old = param.getArray();
      NDArray view;
      try (NDManager slicing = manager.newSubManager()) {
        NDArray slice = weights.get(new NDIndex().addSliceDim(offsets[i], offsets[i + 1]));
        slice.attach(slicing);
        NDArray shaped = slice.reshape(old.getShape());
        shaped.attach(slicing);
        view = shaped.stopGradient();
        view.attach(owner);
      }
      DataType type = old.getDataType();
      param.close();
      param.setInitializer((mgr, shape, t) -> view);
      param.initialize(owner, type);
    }
    return new Flat(List.copyOf(trainable), offsets, weights, m, v);
  }

  /** The flattened moment of {@code key} (zeros when there is none yet). */
  private NDArray momentPiece(Map<String, NDArray> moments, String key, NDArray weight) {
    NDArray known = moments.get(key);
    return known != null
        ? known.reshape(-1)
        : weight.getManager().zeros(new Shape(weight.size()), weight.getDataType());
  }

  private void stepFlat(float lr, float wd, float scale) {
    if (gradientViews == null) {
      gradientManager = manager.newSubManager();
      gradientViews = new NDList(flat.parameters().size());
      for (Pair<String, Parameter> p : flat.parameters()) {
        NDArray g = p.getValue().getArray().getGradient();
        g.attach(gradientManager);
        NDArray view = g.reshape(-1);
        view.attach(gradientManager);
        gradientViews.add(view);
      }
    }
    try (NDManager tmp = manager.newSubManager()) {
      NDArray grad = NDArrays.concat(gradientViews, 0);
      grad.attach(tmp);
      // Consumed: cleared in place (g - g) for the next step. The trainer keeps one gradient
      // collector open per epoch, so nothing else clears them.
      for (NDArray g : gradientViews) g.subi(g);
      boolean adam = config.optimizer() == TrainConfig.Optimizer.ADAM;
      update(
          flat.weights(),
          grad,
          adam || config.momentum() > 0 ? flat.first() : null,
          adam ? flat.second() : null,
          lr,
          wd,
          scale);
    }
  }

  /**
   * Drops the gradient handles kept by the flat path. Call when a gradient collector closes: the
   * next one may start the gradients afresh.
   */
  void forgetGradients() {
    if (gradientManager != null) gradientManager.close();
    gradientManager = null;
    gradientViews = null;
  }

  /**
   * One kernel call updating {@code weight} in place from {@code grad}: Adam with moments {@code m}
   * and {@code v}, or SGD with velocity {@code m} (null without momentum).
   */
  private void update(
      NDArray weight, NDArray grad, NDArray m, NDArray v, float lr, float wd, float scale) {
    if (config.optimizer() == TrainConfig.Optimizer.ADAM) {
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
      weight
          .getNDArrayInternal()
          .sgdUpdate(
              new NDList(weight, grad, m),
              new NDList(weight),
              lr,
              wd,
              scale,
              -1f,
              (float) config.momentum(),
              true);
    }
  }

  private NDArray zerosLike(NDArray weight) {
    NDArray z = manager.zeros(weight.getShape(), weight.getDataType(), weight.getDevice());
    z.setName(weight.getName());
    return z;
  }

  /** The state as bytes: update count and, per parameter, its moment arrays. */
  byte[] save() {
    if (flat != null) unflattenMoments();
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

  /**
   * Copies the flat moments back into the per-parameter maps, the layout checkpoints use whether or
   * not the run flattened.
   */
  private void unflattenMoments() {
    first.values().forEach(NDArray::close);
    first.clear();
    second.values().forEach(NDArray::close);
    second.clear();
    for (int i = 0; i < flat.parameters().size(); i++) {
      Pair<String, Parameter> p = flat.parameters().get(i);
      NDIndex slice = new NDIndex().addSliceDim(flat.offsets()[i], flat.offsets()[i + 1]);
      Shape shape = p.getValue().getArray().getShape();
      NDArray m = flat.first().get(slice).reshape(shape).duplicate();
      m.attach(manager);
      first.put(p.getKey(), m);
      NDArray v = flat.second().get(slice).reshape(shape).duplicate();
      v.attach(manager);
      second.put(p.getKey(), v);
    }
  }

  /** Restores what {@link #save()} wrote. */
  void load(byte[] state) {
    if (prepared) throw new IllegalStateException("load the optimiser state before the first step");
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
