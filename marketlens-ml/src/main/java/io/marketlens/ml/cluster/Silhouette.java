package io.marketlens.ml.cluster;

import io.marketlens.core.validate.Checks;

/**
 * A mean silhouette coefficient (Rousseeuw 1987) and how it was computed.
 *
 * @param value the mean over the points used, in [-1, 1]; points alone in their cluster count as 0
 * @param exact true when every point was used; false when a seeded random sample was
 * @param points how many points were used (all, or the sample size)
 */
public record Silhouette(double value, boolean exact, int points) {

  public Silhouette {
    Checks.requireArgument(
        Double.isFinite(value) && value >= -1 - 1e-12 && value <= 1 + 1e-12,
        "silhouette must be in [-1, 1], found %s",
        value);
    Checks.requireArgument(points >= 2, "silhouette needs at least 2 points, found %d", points);
  }
}
