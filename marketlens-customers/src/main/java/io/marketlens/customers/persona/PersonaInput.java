package io.marketlens.customers.persona;

import io.marketlens.core.validate.Checks;
import io.marketlens.customers.features.FeatureContrast;
import java.util.List;

/**
 * What {@link PersonaWriter} needs to know about one segment.
 *
 * @param id the segment id
 * @param size customers in the segment
 * @param share the segment's share of all customers, 0..1
 * @param profile every feature's contrast, in feature order
 * @param distinguishing the contrasts that set the segment apart, strongest first
 * @param churnRate the segment's churn rate, or null without a label
 * @param overallChurnRate the churn rate of all customers, or null without a label
 * @param meanValue mean expected value per customer over the CLV horizon, or null without CLV
 * @param overallMeanValue the same over all customers, or null
 * @param valueHorizonMonths the CLV horizon in months (0 without CLV)
 */
public record PersonaInput(
    int id,
    int size,
    double share,
    List<FeatureContrast> profile,
    List<FeatureContrast> distinguishing,
    Double churnRate,
    Double overallChurnRate,
    Double meanValue,
    Double overallMeanValue,
    int valueHorizonMonths) {

  public PersonaInput {
    profile = List.copyOf(profile);
    distinguishing = List.copyOf(distinguishing);
    Checks.requireArgument(size >= 1, "segment size must be at least 1, found %d", size);
    Checks.requireArgument(share > 0 && share <= 1, "share must be in (0, 1], found %s", share);
  }
}
