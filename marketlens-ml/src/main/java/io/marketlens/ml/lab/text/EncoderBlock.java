package io.marketlens.ml.lab.text;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.internal.NDArrayEx;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;
import io.marketlens.ml.lab.Native;

/**
 * One post-norm Transformer encoder layer, as PyTorch's {@code TransformerEncoderLayer} with its
 * defaults: multi-head self-attention with a key-padding mask, dropout, residual and LayerNorm,
 * then a ReLU feed-forward network, dropout, residual and LayerNorm. Dropout is applied to the
 * attention weights, after the attention's output projection, inside the feed-forward network and
 * after it.
 *
 * <p>Input: the hidden states {@code (B, T, d)} and an additive attention bias {@code (B, 1, 1, T)}
 * that is 0 for real tokens and a large negative number for padding, so that no position attends to
 * padding. Output: {@code (B, T, d)}.
 *
 * <p>Initialisation follows PyTorch: Xavier-uniform input projection with zero bias, output
 * projection U(±1/√d) with zero bias, feed-forward layers U(±1/√fan_in) for weights and biases,
 * LayerNorm gain 1 and bias 0.
 */
final class EncoderBlock extends AbstractBlock {

  private static final byte VERSION = 1;
  private static final float LAYER_NORM_EPS = 1e-5f;

  private final int dim;
  private final int heads;
  private final float dropout;

  private final Parameter inWeight;
  private final Parameter inBias;
  private final Parameter outWeight;
  private final Parameter outBias;
  private final Parameter norm1Gain;
  private final Parameter norm1Bias;
  private final Parameter ff1Weight;
  private final Parameter ff1Bias;
  private final Parameter ff2Weight;
  private final Parameter ff2Bias;
  private final Parameter norm2Gain;
  private final Parameter norm2Bias;

  EncoderBlock(int dim, int heads, int ffDim, float dropout) {
    super(VERSION);
    if (dim % heads != 0) {
      throw new IllegalArgumentException("dim " + dim + " is not a multiple of heads " + heads);
    }
    this.dim = dim;
    this.heads = heads;
    this.dropout = dropout;
    inWeight = weight("in_weight", new Shape(3L * dim, dim), xavierUniform(dim, 3 * dim));
    inBias = bias("in_bias", new Shape(3L * dim), Initializer.ZEROS);
    outWeight = weight("out_weight", new Shape(dim, dim), fanIn(dim));
    outBias = bias("out_bias", new Shape(dim), Initializer.ZEROS);
    norm1Gain = weight("norm1_gain", new Shape(dim), Initializer.ONES);
    norm1Bias = bias("norm1_bias", new Shape(dim), Initializer.ZEROS);
    ff1Weight = weight("ff1_weight", new Shape(ffDim, dim), fanIn(dim));
    ff1Bias = bias("ff1_bias", new Shape(ffDim), fanIn(dim));
    ff2Weight = weight("ff2_weight", new Shape(dim, ffDim), fanIn(ffDim));
    ff2Bias = bias("ff2_bias", new Shape(dim), fanIn(ffDim));
    norm2Gain = weight("norm2_gain", new Shape(dim), Initializer.ONES);
    norm2Bias = bias("norm2_bias", new Shape(dim), Initializer.ZEROS);
  }

  private Parameter weight(String name, Shape shape, Initializer init) {
    return addParameter(
        Parameter.builder()
            .setName(name)
            .setType(Parameter.Type.WEIGHT)
            .optShape(shape)
            .optInitializer(init)
            .build());
  }

  private Parameter bias(String name, Shape shape, Initializer init) {
    return addParameter(
        Parameter.builder()
            .setName(name)
            .setType(Parameter.Type.BIAS)
            .optShape(shape)
            .optInitializer(init)
            .build());
  }

  /** U(±√(6 / (fanIn + fanOut))). */
  static Initializer xavierUniform(int fanIn, int fanOut) {
    float bound = (float) Math.sqrt(6.0 / (fanIn + fanOut));
    return (manager, shape, type) -> manager.randomUniform(-bound, bound, shape, type);
  }

  /** U(±1/√fanIn), PyTorch's default for linear layers. */
  static Initializer fanIn(int fanIn) {
    float bound = (float) (1.0 / Math.sqrt(fanIn));
    return (manager, shape, type) -> manager.randomUniform(-bound, bound, shape, type);
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.get(0);
    NDArray attentionBias = inputs.get(1);
    long b = x.getShape().get(0);
    long t = x.getShape().get(1);
    int headDim = dim / heads;
    NDArrayEx ex = x.getNDArrayInternal();

    NDArray qkv =
        ex.linear(x, value(store, x, inWeight, training), value(store, x, inBias, training)).head();
    NDList parts = qkv.split(3, 2);
    NDArray q =
        Native.scale(
            parts.get(0).reshape(b, t, heads, headDim).transpose(0, 2, 1, 3),
            1 / Math.sqrt(headDim));
    NDArray k = parts.get(1).reshape(b, t, heads, headDim).transpose(0, 2, 3, 1);
    NDArray v = parts.get(2).reshape(b, t, heads, headDim).transpose(0, 2, 1, 3);
    NDArray weights = q.matMul(k).add(attentionBias).softmax(-1);
    weights = ex.dropout(weights, dropout, training).head();
    NDArray context = weights.matMul(v).transpose(0, 2, 1, 3).reshape(b, t, dim);
    NDArray attended =
        ex.linear(context, value(store, x, outWeight, training), value(store, x, outBias, training))
            .head();
    attended = ex.dropout(attended, dropout, training).head();
    NDArray h =
        ex.layerNorm(
                x.add(attended),
                new Shape(dim),
                value(store, x, norm1Gain, training),
                value(store, x, norm1Bias, training),
                LAYER_NORM_EPS)
            .head();

    NDArray ff =
        ex.linear(h, value(store, x, ff1Weight, training), value(store, x, ff1Bias, training))
            .head();
    ff = ex.dropout(ff.getNDArrayInternal().relu(), dropout, training).head();
    ff =
        ex.linear(ff, value(store, x, ff2Weight, training), value(store, x, ff2Bias, training))
            .head();
    ff = ex.dropout(ff, dropout, training).head();
    NDArray out =
        ex.layerNorm(
                h.add(ff),
                new Shape(dim),
                value(store, x, norm2Gain, training),
                value(store, x, norm2Bias, training),
                LAYER_NORM_EPS)
            .head();
    return new NDList(out);
  }

  private static NDArray value(ParameterStore store, NDArray x, Parameter p, boolean training) {
    return store.getValue(p, x.getDevice(), training);
  }

  /** Sets every weight of this layer to a copy of {@code other}'s (same sizes). */
  void copyFrom(EncoderBlock other) {
    var mine = getDirectParameters().values();
    var theirs = other.getDirectParameters().values();
    for (int i = 0; i < mine.size(); i++) {
      mine.get(i).getArray().set(theirs.get(i).getArray().toByteBuffer());
    }
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }

  @Override
  protected void initializeChildBlocks(
      ai.djl.ndarray.NDManager manager, DataType dataType, Shape... inputShapes) {
    // No child blocks: every parameter is this block's own.
  }
}
