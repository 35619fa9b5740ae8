package io.marketlens.voc.aspect;

import io.marketlens.core.validate.Checks;

/**
 * Settings of {@link AspectAnalysis}.
 *
 * @param targetUnassignedShare the share of sentences, per language, left unassigned (the ones
 *     least similar to their nearest theme), in [0, 1)
 * @param neutralMargin sentences with probability positive within this of 0.5 are neutral, in [0,
 *     0.5)
 * @param examples example sentences kept per theme and polarity
 */
public record AspectOptions(double targetUnassignedShare, double neutralMargin, int examples) {

  public AspectOptions {
    Checks.requireArgument(
        targetUnassignedShare >= 0 && targetUnassignedShare < 1,
        "targetUnassignedShare must be in [0, 1), found %s",
        targetUnassignedShare);
    Checks.requireArgument(
        neutralMargin >= 0 && neutralMargin < 0.5,
        "neutralMargin must be in [0, 0.5), found %s",
        neutralMargin);
    Checks.requireArgument(examples >= 0, "examples must be at least 0, found %d", examples);
  }

  /**
   * 10 % of sentences unassigned (the themes' default), a neutral margin of 0.1 (so a probability
   * positive between 0.4 and 0.6 is neutral), 2 examples.
   */
  public static AspectOptions defaults() {
    return new AspectOptions(0.10, 0.1, 2);
  }

  public AspectOptions withTargetUnassignedShare(double share) {
    return new AspectOptions(share, neutralMargin, examples);
  }

  public AspectOptions withNeutralMargin(double margin) {
    return new AspectOptions(targetUnassignedShare, margin, examples);
  }

  public AspectOptions withExamples(int count) {
    return new AspectOptions(targetUnassignedShare, neutralMargin, count);
  }
}
