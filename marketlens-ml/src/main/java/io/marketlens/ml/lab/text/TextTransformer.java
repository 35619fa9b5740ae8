package io.marketlens.ml.lab.text;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.internal.NDArrayEx;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * The Transformer-encoder text classifier: token embedding (padding id 0) plus a learned position
 * embedding, {@code layers} post-norm {@link EncoderBlock}s with the padding masked in attention,
 * the mean of the outputs over the non-padding positions, and a linear layer to the class logits.
 *
 * <p>Input: token ids {@code (B, T)} as INT64 with {@code T <= maxLength}, padded with 0 on the
 * right; every row must hold at least one non-padding id. A row gives the same output however much
 * padding follows it. Output: logits {@code (B, classes)}.
 *
 * <p>Every encoder layer starts from the same weights, as in PyTorch's {@code
 * nn.TransformerEncoder} (which deep-copies one layer). Embeddings start from N(0, σ²), σ = 1 as
 * PyTorch's {@code nn.Embedding} by default (the padding row at 0); the output layer from U(±1/√d).
 */
public final class TextTransformer extends AbstractBlock {

  private static final byte VERSION = 1;

  /** What padding adds to an attention score: enough to make its weight exactly 0. */
  private static final float MASKED = -1e9f;

  private final int classes;
  private final int dim;
  private final int maxLength;
  private final float tokenDropout;
  private final Parameter tokenEmbedding;
  private final Parameter positionEmbedding;
  private final List<EncoderBlock> layers = new ArrayList<>();
  private final Parameter headWeight;
  private final Parameter headBias;

  /**
   * A classifier of the given sizes.
   *
   * @param vocabularySize token ids, padding and unknown included
   * @param classes output classes
   * @param maxLength the longest input (position embeddings)
   * @param dim model width
   * @param heads attention heads (dividing {@code dim})
   * @param layers encoder layers
   * @param ffDim feed-forward width
   * @param dropout dropout probability throughout
   * @param tokenDropout in training, the probability that a token is replaced by {@code <unk>} (0
   *     in the reference model)
   * @param embeddingStd the standard deviation of the embeddings' initial values (1 in the
   *     reference model, as PyTorch's {@code nn.Embedding})
   */
  public TextTransformer(
      int vocabularySize,
      int classes,
      int maxLength,
      int dim,
      int heads,
      int layers,
      int ffDim,
      float dropout,
      float tokenDropout,
      float embeddingStd) {
    super(VERSION);
    this.classes = classes;
    this.dim = dim;
    this.maxLength = maxLength;
    this.tokenDropout = tokenDropout;
    tokenEmbedding = addParameter(TokenLayers.tokenEmbedding(vocabularySize, dim, embeddingStd));
    positionEmbedding =
        addParameter(
            Parameter.builder()
                .setName("position_embedding")
                .setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(maxLength, dim))
                .optInitializer((m, sh, t) -> m.randomNormal(0, embeddingStd, sh, t))
                .build());
    for (int i = 0; i < layers; i++) {
      this.layers.add(addChildBlock("layer" + i, new EncoderBlock(dim, heads, ffDim, dropout)));
    }
    Initializer head = EncoderBlock.fanIn(dim);
    headWeight = addParameter(TokenLayers.head(true, classes, dim, head));
    headBias = addParameter(TokenLayers.head(false, classes, dim, head));
  }

  /** The longest input accepted. */
  public int maxLength() {
    return maxLength;
  }

  /** The input shape to initialise with: a batch of one full-length row. */
  public Shape inputShape() {
    return new Shape(1, maxLength);
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray ids = inputs.head();
    long b = ids.getShape().get(0);
    long t = ids.getShape().get(1);
    if (t > maxLength) {
      throw new IllegalArgumentException("input length " + t + " exceeds " + maxLength);
    }
    NDManager m = ids.getManager();
    NDArrayEx ex = ids.getNDArrayInternal();
    NDArray keep = TokenLayers.keep(ids);
    NDArray attentionBias = keep.sub(1f).mul(-MASKED).reshape(b, 1, 1, t);
    if (training && tokenDropout > 0) ids = TokenLayers.dropTokens(ids, tokenDropout);
    NDArray positions = m.arange(0, (int) t, 1, DataType.INT64);
    NDArray tokens =
        ex.embedding(ids, value(store, ids, tokenEmbedding, training), SparseFormat.DENSE).head();
    NDArray where =
        positions
            .getNDArrayInternal()
            .embedding(
                positions, value(store, ids, positionEmbedding, training), SparseFormat.DENSE)
            .head();
    NDArray x = tokens.add(where);
    for (EncoderBlock layer : layers) {
      x = layer.forward(store, new NDList(x, attentionBias), training).head();
    }
    NDArray pooled = TokenLayers.meanOverTokens(x, keep);
    NDArray logits =
        pooled
            .getNDArrayInternal()
            .linear(
                pooled,
                value(store, ids, headWeight, training),
                value(store, ids, headBias, training))
            .head();
    return new NDList(logits);
  }

  private static NDArray value(ParameterStore store, NDArray x, Parameter p, boolean training) {
    return store.getValue(p, x.getDevice(), training);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[0].get(0), classes)};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape in = inputShapes[0];
    Shape hidden = new Shape(in.get(0), in.get(1), dim);
    Shape bias = new Shape(in.get(0), 1, 1, in.get(1));
    for (EncoderBlock layer : layers) layer.initialize(manager, dataType, hidden, bias);
    // PyTorch's nn.TransformerEncoder deep-copies the layer it is given, so every layer of the
    // reference model starts from the same weights; so do these. Loaded weights replace them.
    for (int i = 1; i < layers.size(); i++) layers.get(i).copyFrom(layers.get(0));
  }
}
