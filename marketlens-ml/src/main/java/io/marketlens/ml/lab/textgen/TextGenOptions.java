package io.marketlens.ml.lab.textgen;

import io.marketlens.core.validate.InvalidInputException;

/**
 * The model settings of a {@code textgen} language model (the training loop's settings are in
 * {@link io.marketlens.ml.lab.TrainConfig}).
 *
 * @param architecture {@code gru} or {@code lstm}
 * @param level {@code char} or {@code word}
 * @param seq tokens per training window (the unrolled length)
 * @param hidden the recurrent layer's state size
 * @param embedding the embedding size
 * @param minCount word level: words seen fewer times in the training part become {@code <unk>}
 * @param validationBatches how many seeded random validation batches (of the training batch size)
 *     the validation loss is the mean over
 */
public record TextGenOptions(
    String architecture,
    String level,
    int seq,
    int hidden,
    int embedding,
    int minCount,
    int validationBatches) {

  public TextGenOptions {
    if (CharRnnBlock.Architecture.parse(architecture) == null) {
      throw InvalidInputException.in(null)
          .key("--arch")
          .expected("gru or lstm")
          .found(String.valueOf(architecture))
          .build();
    }
    if (TokenLevel.parse(level) == null) {
      throw InvalidInputException.in(null)
          .key("--level")
          .expected("char or word")
          .found(String.valueOf(level))
          .build();
    }
    positive("--seq", seq);
    positive("--hidden", hidden);
    positive("--embedding", embedding);
    positive("--min-count", minCount);
    positive("--val-batches", validationBatches);
  }

  /**
   * The peer's settings ({@code char_rnn.py}): GRU, characters, windows of 100, hidden 256,
   * embedding 64, 50 validation batches; word level keeps words seen at least 3 times.
   */
  public static TextGenOptions defaults() {
    return new TextGenOptions("gru", "char", 100, 256, 64, 3, 50);
  }

  /** A copy with another architecture. */
  public TextGenOptions withArchitecture(String arch) {
    return new TextGenOptions(arch, level, seq, hidden, embedding, minCount, validationBatches);
  }

  CharRnnBlock.Architecture arch() {
    return CharRnnBlock.Architecture.parse(architecture);
  }

  TokenLevel tokenLevel() {
    return TokenLevel.parse(level);
  }

  private static void positive(String key, int v) {
    if (v < 1) {
      throw InvalidInputException.in(null)
          .key(key)
          .expected("a whole number >= 1")
          .found(Integer.toString(v))
          .build();
    }
  }
}
