package io.marketlens.ml.lab.tabular;

import java.util.List;

/**
 * The shape of a tabular MLP: the widths of its hidden layers (each Dense then ReLU, then dropout
 * when {@link io.marketlens.ml.lab.TrainConfig#dropout()} is above 0).
 *
 * @param hidden hidden layer widths from input to output, each at least 1; may be empty (a linear
 *     model)
 */
public record TabularMlpOptions(List<Integer> hidden) {

  public TabularMlpOptions {
    hidden = List.copyOf(hidden);
    for (int h : hidden) {
      if (h < 1) throw new IllegalArgumentException("hidden layer widths must be >= 1, got " + h);
    }
  }

  /** Dense 128 ReLU, Dense 64 ReLU, as the founding documents' churn model. */
  public static TabularMlpOptions defaults() {
    return new TabularMlpOptions(List.of(128, 64));
  }
}
