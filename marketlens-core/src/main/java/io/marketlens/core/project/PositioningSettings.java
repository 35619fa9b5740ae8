package io.marketlens.core.project;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code positioning:} section: how candidate positioning options are scored and worded.
 *
 * @param category what the product is, for the statements ("telecom plan", "compact car")
 * @param options how many ranked options to keep
 * @param weights weight per score component (segmentValue, churn, unmetNeed, competitiveGap,
 *     marketTrend); the score is the weighted mean of the components that have evidence
 */
public record PositioningSettings(String category, int options, Map<String, Double> weights) {

  /** The score components, in the order they are explained. */
  public static final Map<String, Double> DEFAULT_WEIGHTS = defaultWeights();

  public PositioningSettings {
    // Sorted, so results.json lists the weights in the same order on every run.
    weights = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(weights));
  }

  public static PositioningSettings defaults() {
    return new PositioningSettings("product", 5, DEFAULT_WEIGHTS);
  }

  private static Map<String, Double> defaultWeights() {
    Map<String, Double> w = new LinkedHashMap<>();
    w.put("segmentValue", 0.30);
    w.put("churn", 0.15);
    w.put("unmetNeed", 0.25);
    w.put("competitiveGap", 0.20);
    w.put("marketTrend", 0.10);
    return java.util.Collections.unmodifiableMap(w);
  }
}
