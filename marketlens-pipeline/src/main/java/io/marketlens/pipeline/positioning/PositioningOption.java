package io.marketlens.pipeline.positioning;

import java.util.List;
import java.util.Map;

/**
 * One candidate positioning, ranked by its score.
 *
 * @param rank 1 = best
 * @param segment the target segment (label)
 * @param need what the segment needs or suffers from
 * @param differentiator what sets the product apart for them
 * @param alternatives the named alternatives it is positioned against
 * @param statement "For ... who ..., P is the C that ..., unlike ..."
 * @param score weighted mean of the components that have evidence, 0..1
 * @param components score component → value 0..1
 * @param evidence the numbers behind it (at least three when the data allow)
 * @param disprove what observation would show this option is wrong
 */
public record PositioningOption(
    int rank,
    String segment,
    String need,
    String differentiator,
    List<String> alternatives,
    String statement,
    double score,
    Map<String, Double> components,
    List<Evidence> evidence,
    String disprove) {

  public PositioningOption {
    alternatives = List.copyOf(alternatives);
    // In the given order: Map.copyOf iterates in an order that changes from run to run, and the
    // components are written to results.json, which must be byte-identical for the same data.
    components = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(components));
    evidence = List.copyOf(evidence);
  }
}
