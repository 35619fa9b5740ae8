package io.marketlens.voc.theme;

import io.marketlens.core.validate.Checks;

/**
 * Settings of {@link ThemeAnalysis}.
 *
 * @param minK the smallest number of themes tried per language (at least 2)
 * @param maxK the largest number of themes tried per language; also capped by n / 20
 * @param targetUnassignedShare the share of texts, per language, left unassigned as outliers (the
 *     ones least similar to their theme), in [0, 1)
 * @param seed the seed of the clustering; the same seed gives the same result
 * @param restarts seeded k-means restarts per k
 * @param keywords keywords kept per theme
 * @param quotes representative quotes per theme
 * @param stability whether to re-cluster with 2 more seeds and report the adjusted Rand index
 */
public record ThemeOptions(
    int minK,
    int maxK,
    double targetUnassignedShare,
    long seed,
    int restarts,
    int keywords,
    int quotes,
    boolean stability) {

  public ThemeOptions {
    Checks.requireArgument(minK >= 2, "minK must be at least 2, found %d", minK);
    Checks.requireArgument(maxK >= minK, "maxK must be at least minK, found %d < %d", maxK, minK);
    Checks.requireArgument(
        targetUnassignedShare >= 0 && targetUnassignedShare < 1,
        "targetUnassignedShare must be in [0, 1), found %s",
        targetUnassignedShare);
    Checks.requireArgument(restarts >= 1, "restarts must be at least 1, found %d", restarts);
    Checks.requireArgument(keywords >= 1, "keywords must be at least 1, found %d", keywords);
    Checks.requireArgument(quotes >= 0, "quotes must be at least 0, found %d", quotes);
  }

  /** k in 3..12, 10 % unassigned, seed 42, 5 restarts, 10 keywords, 3 quotes, stability on. */
  public static ThemeOptions defaults() {
    return new ThemeOptions(3, 12, 0.10, 42, 5, 10, 3, true);
  }

  public ThemeOptions withKRange(int newMinK, int newMaxK) {
    return new ThemeOptions(
        newMinK, newMaxK, targetUnassignedShare, seed, restarts, keywords, quotes, stability);
  }

  public ThemeOptions withTargetUnassignedShare(double share) {
    return new ThemeOptions(minK, maxK, share, seed, restarts, keywords, quotes, stability);
  }

  public ThemeOptions withSeed(long newSeed) {
    return new ThemeOptions(
        minK, maxK, targetUnassignedShare, newSeed, restarts, keywords, quotes, stability);
  }

  public ThemeOptions withRestarts(int newRestarts) {
    return new ThemeOptions(
        minK, maxK, targetUnassignedShare, seed, newRestarts, keywords, quotes, stability);
  }

  public ThemeOptions withStability(boolean on) {
    return new ThemeOptions(
        minK, maxK, targetUnassignedShare, seed, restarts, keywords, quotes, on);
  }
}
