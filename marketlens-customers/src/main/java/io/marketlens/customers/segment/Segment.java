package io.marketlens.customers.segment;

import io.marketlens.core.validate.Checks;
import io.marketlens.customers.features.FeatureContrast;
import io.marketlens.customers.persona.Persona;
import java.util.List;
import java.util.Objects;

/**
 * One segment of customers.
 *
 * @param id 1-based, segments numbered from the largest to the smallest; 0 for the group of
 *     customers in no segment (HDBSCAN's noise, reported as "Unclustered")
 * @param size customers in it
 * @param share its share of all customers, 0..1
 * @param profile every feature: the segment's typical value against the overall one
 * @param distinguishing the features that set it apart most, strongest first
 * @param value spend and expected lifetime value, where known
 * @param churnRate the share of its customers who churned, or null without a label
 * @param persona a short label and a sentence
 */
public record Segment(
    int id,
    int size,
    double share,
    List<FeatureContrast> profile,
    List<FeatureContrast> distinguishing,
    SegmentValue value,
    Double churnRate,
    Persona persona) {

  public Segment {
    Checks.requireArgument(id >= 0, "segment id must be at least 0, found %d", id);
    Checks.requireArgument(size >= 1, "segment size must be at least 1, found %d", size);
    Checks.requireArgument(share > 0 && share <= 1, "share must be in (0, 1], found %s", share);
    Checks.requireArgument(
        churnRate == null || (churnRate >= 0 && churnRate <= 1),
        "churn rate must be in [0, 1], found %s",
        churnRate);
    profile = List.copyOf(profile);
    distinguishing = List.copyOf(distinguishing);
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(persona, "persona");
  }

  /** The persona's short label. */
  public String label() {
    return persona.label();
  }

  /** The persona's sentence. */
  public String sentence() {
    return persona.sentence();
  }
}
