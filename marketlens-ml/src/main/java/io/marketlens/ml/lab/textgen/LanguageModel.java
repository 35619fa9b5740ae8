package io.marketlens.ml.lab.textgen;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.marketlens.ml.lab.Examples;
import io.marketlens.ml.lab.Lab;
import io.marketlens.ml.lab.LossFunction;
import io.marketlens.ml.lab.Trainer;
import java.util.Random;

/**
 * A character- or word-level RNN language model in memory: its block on its own manager, its
 * vocabulary and its window length. Closing it frees the native memory.
 */
final class LanguageModel implements AutoCloseable {

  /** Softmax cross-entropy over every position, in nats per token. */
  static final LossFunction LOSS = LossFunction.softmaxCrossEntropy(null);

  /** Upper bound on logits per forward pass when evaluating (floats), to bound memory. */
  private static final long MAX_LOGITS = 1L << 24;

  private final NDManager manager;
  private final CharRnnBlock block;
  private final Vocabulary vocabulary;
  private final int seq;
  private final ParameterStore store;

  private LanguageModel(NDManager manager, CharRnnBlock block, Vocabulary vocabulary, int seq) {
    this.manager = manager;
    this.block = block;
    this.vocabulary = vocabulary;
    this.seq = seq;
    this.store = new ParameterStore(manager, false);
  }

  /**
   * A freshly initialised model (PyTorch's default initialisation, seeded by {@code seed}) on
   * {@code device}.
   */
  static LanguageModel create(
      CharRnnBlock.Architecture arch,
      Vocabulary vocabulary,
      int embedding,
      int hidden,
      int seq,
      long seed,
      Device device) {
    NDManager manager = NDManager.newBaseManager(device, Lab.ENGINE);
    try {
      CharRnnBlock block = new CharRnnBlock(arch, vocabulary.size(), embedding, hidden);
      Lab.seed(seed, 0);
      block.initialize(manager, DataType.FLOAT32, new Shape(1, seq));
      return new LanguageModel(manager, block, vocabulary, seq);
    } catch (RuntimeException e) {
      manager.close();
      throw e;
    }
  }

  NDManager manager() {
    return manager;
  }

  CharRnnBlock block() {
    return block;
  }

  Vocabulary vocabulary() {
    return vocabulary;
  }

  int seq() {
    return seq;
  }

  /** The number of trainable values. */
  long parameterCount() {
    long n = 0;
    for (var p : block.getParameters()) n += p.getValue().getArray().size();
    return n;
  }

  /**
   * The mean loss over {@code examples} in order, {@code batch} windows per forward pass, as the
   * mean of the per-batch means (all batches are the same size when {@code batch} divides the
   * example count, as with the validation sample).
   */
  double meanLoss(Examples examples, int batch) {
    double sum = 0;
    int n = examples.size();
    for (int start = 0; start < n; start += batch) {
      int[] idx = Trainer.range(start, Math.min(n, start + batch));
      try (NDManager m = manager.newSubManager()) {
        Examples.Batch b = examples.batch(m, idx);
        NDList out = block.forward(store, b.inputs(), false);
        sum += (double) LOSS.compute(out, b.labels()).getFloat() * idx.length;
      }
    }
    return sum / n;
  }

  /**
   * The loss over a whole token sequence: consecutive windows of {@code seq} tokens, each from a
   * zero state as in training, so every token after the first is predicted exactly once.
   *
   * @return {sum of the per-token losses, number of predicted tokens}
   */
  double[] sequenceLoss(int[] tokens, int maxBatch) {
    int predicted = tokens.length - 1;
    int full = predicted / seq;
    int perPass =
        (int) Math.max(1, Math.min(maxBatch, MAX_LOGITS / ((long) seq * vocabulary.size())));
    double sum = 0;
    for (int w = 0; w < full; w += perPass) {
      int count = Math.min(perPass, full - w);
      sum += windowLoss(tokens, w * seq, count, seq) * count * seq;
    }
    int rest = predicted - full * seq;
    if (rest > 0) sum += windowLoss(tokens, full * seq, 1, rest) * rest;
    return new double[] {sum, predicted};
  }

  private double windowLoss(int[] tokens, int from, int count, int len) {
    long[] x = new long[count * len];
    long[] y = new long[count * len];
    for (int b = 0; b < count; b++) {
      for (int t = 0; t < len; t++) {
        x[b * len + t] = tokens[from + b * len + t];
        y[b * len + t] = tokens[from + b * len + t + 1];
      }
    }
    try (NDManager m = manager.newSubManager()) {
      Shape shape = new Shape(count, len);
      NDList out = block.forward(store, new NDList(m.create(x, shape)), false);
      return LOSS.compute(out, m.create(y, shape)).getFloat();
    }
  }

  /** The logits (T × V, row-major) of one token sequence from a zero state. */
  float[] logits(int[] tokens) {
    long[] x = new long[tokens.length];
    for (int i = 0; i < x.length; i++) x[i] = tokens[i];
    try (NDManager m = manager.newSubManager()) {
      NDList out = block.forward(store, new NDList(m.create(x, new Shape(1, x.length))), false);
      return out.head().toFloatArray();
    }
  }

  /**
   * Feeds {@code prompt} through the network from a zero state, then draws {@code length} tokens
   * one at a time, each fed back with the carried recurrent state (the prompt is not re-run).
   *
   * @return the drawn token indices
   */
  int[] generate(int[] prompt, int length, double temperature, int topK, long seed) {
    if (prompt.length == 0) throw new IllegalArgumentException("empty prompt");
    Random rnd = new Random(Lab.mix(seed, 9_001L));
    int[] out = new int[length];
    if (length == 0) return out;
    try (NDManager gen = manager.newSubManager()) {
      NDList state = null;
      long[] input = new long[prompt.length];
      for (int i = 0; i < input.length; i++) input[i] = prompt[i];
      for (int i = 0; i < length; i++) {
        try (NDManager step = gen.newSubManager()) {
          // The old state joins this step's arrays, so that it and every intermediate array
          // derived from it (results belong to their first operand's manager) are freed with
          // the step; only the new state moves to the generation's manager.
          if (state != null) state.attach(step);
          NDArray tokens = step.create(input, new Shape(1, input.length));
          NDList res;
          if (state != null && block.architecture() == CharRnnBlock.Architecture.LSTM) {
            res = block.lstmStep(store, tokens, state.get(0), state.get(1));
          } else {
            NDList in = new NDList(tokens);
            if (state != null) in.addAll(state);
            res = block.forward(store, in, false);
          }
          NDArray logits = res.head();
          long t = logits.getShape().get(1);
          float[] last = logits.get(0, t - 1).toFloatArray();
          out[i] = Sampler.sample(last, temperature, topK, rnd);
          NDList next = new NDList();
          for (int s = 1; s < res.size(); s++) {
            NDArray a = res.get(s);
            a.attach(gen);
            next.add(a);
          }
          state = next;
        }
        input = new long[] {out[i]};
      }
    }
    return out;
  }

  @Override
  public void close() {
    manager.close();
  }
}
