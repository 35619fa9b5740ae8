package io.marketlens.ml.lab.textgen;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.recurrent.GRU;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.nn.recurrent.RecurrentBlock;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.training.initializer.UniformInitializer;
import ai.djl.util.PairList;

/**
 * Embedding(V, E) → one GRU or LSTM layer (hidden H, batch first) → Linear(H, V): the character RNN
 * of the peer {@code char_rnn.py}, running on PyTorch's fused recurrent kernels through DJL.
 *
 * <p>Input: token indices (B, T) as int64, optionally followed by the recurrent state to start from
 * (GRU: h of shape (1, B, H); LSTM: h and c). Output: logits (B, T, V) followed by the final state
 * in the same form, so that generation can carry it from one token to the next.
 *
 * <p>Initialisation is PyTorch's default for these layers: embedding N(0, 1); every recurrent
 * weight and bias U(-1/√H, 1/√H); the output layer's weight and bias U(-1/√H, 1/√H) (PyTorch's
 * {@code Linear} draws its weight from Kaiming-uniform with a = √5, which is exactly that bound).
 */
final class CharRnnBlock extends AbstractBlock {

  private static final byte VERSION = 1;

  private final Architecture architecture;
  private final int vocabulary;
  private final int embeddingSize;
  private final int hidden;
  private final Parameter embedding;
  private final RecurrentBlock rnn;
  private final Linear head;

  /** The recurrent cell. */
  enum Architecture {
    GRU,
    LSTM;

    String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    static Architecture parse(String s) {
      for (Architecture a : values()) if (a.id().equalsIgnoreCase(s)) return a;
      return null;
    }

    /** How many state arrays the cell carries (h; or h and c). */
    int states() {
      return this == GRU ? 1 : 2;
    }
  }

  CharRnnBlock(Architecture architecture, int vocabulary, int embeddingSize, int hidden) {
    super(VERSION);
    this.architecture = architecture;
    this.vocabulary = vocabulary;
    this.embeddingSize = embeddingSize;
    this.hidden = hidden;
    float bound = (float) (1 / Math.sqrt(hidden));
    embedding =
        addParameter(
            Parameter.builder()
                .setName("embedding")
                .setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(vocabulary, embeddingSize))
                .optInitializer(new NormalInitializer(1f))
                .build());
    RecurrentBlock cell =
        architecture == Architecture.GRU
            ? GRU.builder()
                .setStateSize(hidden)
                .setNumLayers(1)
                .optBatchFirst(true)
                .optReturnState(true)
                .build()
            : LSTM.builder()
                .setStateSize(hidden)
                .setNumLayers(1)
                .optBatchFirst(true)
                .optReturnState(true)
                .build();
    rnn = addChildBlock("rnn", cell);
    head = addChildBlock("head", Linear.builder().setUnits(vocabulary).build());
    UniformInitializer uniform = new UniformInitializer(bound);
    rnn.setInitializer(uniform, p -> true);
    head.setInitializer(uniform, p -> true);
  }

  Architecture architecture() {
    return architecture;
  }

  int vocabulary() {
    return vocabulary;
  }

  int hidden() {
    return hidden;
  }

  /** Zero state for {@code batch} sequences on {@code manager}. */
  NDList zeroState(NDManager manager, int batch) {
    NDList s = new NDList();
    for (int i = 0; i < architecture.states(); i++) {
      s.add(manager.zeros(new Shape(1, batch, hidden), DataType.FLOAT32));
    }
    return s;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray tokens = inputs.head();
    NDArray table = store.getValue(embedding, tokens.getDevice(), training);
    NDArray x = tokens.getNDArrayInternal().embedding(tokens, table, SparseFormat.DENSE).head();
    NDList rnnIn = new NDList(x);
    for (int i = 1; i < inputs.size(); i++) rnnIn.add(inputs.get(i));
    NDList rnnOut = rnn.forward(store, rnnIn, training, params);
    NDArray logits = head.forward(store, new NDList(rnnOut.head()), training, params).head();
    NDList out = new NDList(logits);
    for (int i = 1; i < rnnOut.size(); i++) out.add(rnnOut.get(i));
    return out;
  }

  /**
   * One step of the LSTM for tokens of shape (B, 1) from state (h, c), each (1, B, H), written out
   * as matrix products: {@code gates = x W_ih' + b_ih + h W_hh' + b_hh}, split into the input,
   * forget, cell and output gates in PyTorch's order; {@code c' = σ(f) c + σ(i) tanh(g)}, {@code h'
   * = σ(o) tanh(c')}. Same weights and maths as the fused kernel; used for generation because
   * PyTorch's CPU LSTM (oneDNN) re-lays out all its weights on every call, which costs more than
   * the step itself when there is one token.
   *
   * @return logits (B, 1, V), h' and c'
   */
  NDList lstmStep(ParameterStore store, NDArray tokens, NDArray h, NDArray c) {
    if (architecture != Architecture.LSTM) throw new IllegalStateException("not an LSTM");
    ai.djl.Device device = tokens.getDevice();
    long b = tokens.getShape().get(0);
    NDArray table = store.getValue(embedding, device, false);
    NDArray x =
        tokens
            .getNDArrayInternal()
            .embedding(tokens, table, SparseFormat.DENSE)
            .head()
            .reshape(b, embeddingSize);
    var p = rnn.getDirectParameters();
    NDArray wih = store.getValue(p.get("l_0_i2h_WEIGHT"), device, false);
    NDArray whh = store.getValue(p.get("l_0_h2h_WEIGHT"), device, false);
    NDArray bih = store.getValue(p.get("l_0_i2h_BIAS"), device, false);
    NDArray bhh = store.getValue(p.get("l_0_h2h_BIAS"), device, false);
    NDArray h0 = h.reshape(b, hidden);
    NDArray gates = Linear.linear(x, wih, bih).head().add(Linear.linear(h0, whh, bhh).head());
    NDList g = gates.split(4, 1);
    NDArray c1 =
        Activation.sigmoid(g.get(1))
            .mul(c.reshape(b, hidden))
            .add(Activation.sigmoid(g.get(0)).mul(Activation.tanh(g.get(2))));
    NDArray h1 = Activation.sigmoid(g.get(3)).mul(Activation.tanh(c1));
    NDArray logits = head.forward(store, new NDList(h1.reshape(b, 1, hidden)), false).head();
    return new NDList(logits, h1.reshape(1, b, hidden), c1.reshape(1, b, hidden));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputs) {
    Shape in = inputs[0];
    Shape[] out = new Shape[1 + architecture.states()];
    out[0] = new Shape(in.get(0), in.get(1), vocabulary);
    for (int i = 1; i < out.length; i++) out[i] = new Shape(1, in.get(0), hidden);
    return out;
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape in = inputShapes[0];
    rnn.initialize(
        manager, dataType, new Shape(new long[] {in.get(0), in.get(1), embeddingSize}, "NTC"));
    head.initialize(manager, dataType, new Shape(in.get(0), in.get(1), hidden));
  }
}
