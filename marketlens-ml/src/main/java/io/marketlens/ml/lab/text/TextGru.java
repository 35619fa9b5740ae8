package io.marketlens.ml.lab.text;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.recurrent.GRU;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.UniformInitializer;
import ai.djl.util.PairList;

/**
 * The recurrent text classifier ({@code train text --arch gru}): token embedding (padding id 0), a
 * {@code layers}-layer GRU of width {@code dim} reading the tokens left to right, the mean of its
 * outputs over the non-padding positions, and a linear layer to the class logits.
 *
 * <p>Input: token ids {@code (B, T)} as INT64, padded with 0 on the right, each row holding at
 * least one non-padding id. The GRU reads left to right, so its outputs at a row's tokens do not
 * depend on the padding after them, and a row gives the same output however much padding follows
 * it. Output: logits {@code (B, classes)}.
 *
 * <p>The embedding starts from N(0, σ²) (the padding row at 0), the GRU and the output layer from
 * U(±1/√dim), PyTorch's defaults for {@code nn.GRU} and {@code nn.Linear} of that width.
 */
public final class TextGru extends AbstractBlock {

  private static final byte VERSION = 1;

  private final int classes;
  private final int dim;
  private final int maxLength;
  private final float tokenDropout;
  private final Parameter tokenEmbedding;
  private final GRU gru;
  private final Parameter headWeight;
  private final Parameter headBias;

  /**
   * A classifier of the given sizes.
   *
   * @param vocabularySize token ids, padding and unknown included
   * @param classes output classes
   * @param maxLength the longest input
   * @param dim embedding and GRU width
   * @param layers GRU layers
   * @param dropout dropout between GRU layers (none with one layer)
   * @param tokenDropout in training, the probability that a token is replaced by {@code <unk>}
   * @param embeddingStd the standard deviation of the embeddings' initial values
   */
  public TextGru(
      int vocabularySize,
      int classes,
      int maxLength,
      int dim,
      int layers,
      float dropout,
      float tokenDropout,
      float embeddingStd) {
    super(VERSION);
    this.classes = classes;
    this.dim = dim;
    this.maxLength = maxLength;
    this.tokenDropout = tokenDropout;
    tokenEmbedding = addParameter(TokenLayers.tokenEmbedding(vocabularySize, dim, embeddingStd));
    GRU.Builder cell = GRU.builder().setStateSize(dim).setNumLayers(layers).optBatchFirst(true);
    if (layers > 1 && dropout > 0) cell.optDropRate(dropout);
    gru = addChildBlock("gru", cell.build());
    UniformInitializer uniform = new UniformInitializer((float) (1 / Math.sqrt(dim)));
    gru.setInitializer(uniform, p -> true);
    headWeight = addParameter(TokenLayers.head(true, classes, dim, uniform));
    headBias = addParameter(TokenLayers.head(false, classes, dim, uniform));
  }

  /** The input shape to initialise with: a batch of one full-length row. */
  public Shape inputShape() {
    return new Shape(1, maxLength);
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray ids = inputs.head();
    long t = ids.getShape().get(1);
    if (t > maxLength) {
      throw new IllegalArgumentException("input length " + t + " exceeds " + maxLength);
    }
    NDArray keep = TokenLayers.keep(ids);
    if (training && tokenDropout > 0) ids = TokenLayers.dropTokens(ids, tokenDropout);
    NDArray table = store.getValue(tokenEmbedding, ids.getDevice(), training);
    NDArray x = ids.getNDArrayInternal().embedding(ids, table, SparseFormat.DENSE).head();
    NDArray out = gru.forward(store, new NDList(x), training, params).head();
    NDArray pooled = TokenLayers.meanOverTokens(out, keep);
    NDArray logits =
        pooled
            .getNDArrayInternal()
            .linear(
                pooled,
                store.getValue(headWeight, ids.getDevice(), training),
                store.getValue(headBias, ids.getDevice(), training))
            .head();
    return new NDList(logits);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[0].get(0), classes)};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape in = inputShapes[0];
    gru.initialize(manager, dataType, new Shape(in.get(0), in.get(1), dim));
  }
}
