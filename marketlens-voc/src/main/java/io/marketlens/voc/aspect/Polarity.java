package io.marketlens.voc.aspect;

/** The sentiment of one sentence or aspect, from its probability positive. */
public enum Polarity {
  /** Praise: probability positive at least 0.5 + the neutral margin. */
  POSITIVE,
  /** Criticism: probability positive at most 0.5 − the neutral margin. */
  NEGATIVE,
  /** Scored, but too close to 0.5 to call either way. */
  NEUTRAL,
  /** Not scored: its language has no sentiment head. */
  UNSCORED;

  /** The polarity of probability positive {@code p} (NaN for none) with the given margin. */
  static Polarity of(double p, double neutralMargin) {
    if (Double.isNaN(p)) return UNSCORED;
    if (p >= 0.5 + neutralMargin) return POSITIVE;
    if (p <= 0.5 - neutralMargin) return NEGATIVE;
    return NEUTRAL;
  }
}
