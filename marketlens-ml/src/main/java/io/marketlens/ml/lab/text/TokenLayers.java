package io.marketlens.ml.lab.text;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.Initializer;

/** The pieces the token classifiers ({@link TextTransformer}, {@link TextGru}) share. */
final class TokenLayers {

  private TokenLayers() {}

  /** The token embedding: N(0, σ²) values, the padding row at 0. */
  static Parameter tokenEmbedding(int vocabularySize, int dim, float std) {
    return Parameter.builder()
        .setName("token_embedding")
        .setType(Parameter.Type.WEIGHT)
        .optShape(new Shape(vocabularySize, dim))
        .optInitializer(
            (m, sh, t) -> {
              NDArray a = m.randomNormal(0, std, sh, t);
              a.set(new NDIndex(TextVocabulary.PAD), 0f);
              return a;
            })
        .build();
  }

  /** The output layer's weight ({@code classes × dim}) or bias, drawn by {@code init}. */
  static Parameter head(boolean weight, int classes, int dim, Initializer init) {
    return Parameter.builder()
        .setName(weight ? "head_weight" : "head_bias")
        .setType(weight ? Parameter.Type.WEIGHT : Parameter.Type.BIAS)
        .optShape(weight ? new Shape(classes, dim) : new Shape(classes))
        .optInitializer(init)
        .build();
  }

  /** 1 at the tokens of {@code ids}, 0 at the padding, as floats of the same shape. */
  static NDArray keep(NDArray ids) {
    return ids.neq(TextVocabulary.PAD).toType(DataType.FLOAT32, false);
  }

  /**
   * {@code ids} with each token other than padding and {@code <unk>} replaced by {@code <unk>} with
   * probability {@code rate}, drawn from PyTorch's generator.
   */
  static NDArray dropTokens(NDArray ids, float rate) {
    NDManager m = ids.getManager();
    NDArray drop =
        m.randomUniform(0f, 1f, ids.getShape(), DataType.FLOAT32)
            .lt(rate)
            .logicalAnd(ids.gt(TextVocabulary.UNK));
    return NDArrays.where(drop, m.ones(ids.getShape(), DataType.INT64), ids);
  }

  /** The mean of {@code x} {@code (B, T, D)} over the positions where {@code keep} is 1. */
  static NDArray meanOverTokens(NDArray x, NDArray keep) {
    return x.mul(keep.expandDims(2)).sum(new int[] {1}).div(keep.sum(new int[] {1}, true));
  }
}
