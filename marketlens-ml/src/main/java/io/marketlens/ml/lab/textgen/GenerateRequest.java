package io.marketlens.ml.lab.textgen;

import io.marketlens.core.validate.InvalidInputException;

/**
 * What to generate.
 *
 * @param prompt the text the continuation follows (not empty)
 * @param length how many tokens to draw
 * @param temperature divides the logits before the softmax; 0 = greedy (always the likeliest token)
 * @param topK draw only from the {@code topK} likeliest tokens (0 = from all)
 * @param seed the seed of the draws: the same seed, prompt and model give the same text
 */
public record GenerateRequest(String prompt, int length, double temperature, int topK, long seed) {

  /** The most tokens one request may generate. */
  public static final int MAX_LENGTH = 1_000_000;

  public GenerateRequest {
    if (prompt == null || prompt.isEmpty()) {
      throw InvalidInputException.in(null)
          .key("--prompt")
          .expected("a non-empty prompt")
          .found("an empty one")
          .build();
    }
    if (length < 0 || length > MAX_LENGTH) {
      throw InvalidInputException.in(null)
          .key("--length")
          .expected("a whole number from 0 to " + MAX_LENGTH)
          .found(Integer.toString(length))
          .build();
    }
    if (!(temperature >= 0) || !Double.isFinite(temperature)) {
      throw InvalidInputException.in(null)
          .key("--temperature")
          .expected("a number >= 0 (0 = greedy)")
          .found(Double.toString(temperature))
          .build();
    }
    if (topK < 0) {
      throw InvalidInputException.in(null)
          .key("--top-k")
          .expected("a whole number >= 0 (0 = all tokens)")
          .found(Integer.toString(topK))
          .build();
    }
  }
}
