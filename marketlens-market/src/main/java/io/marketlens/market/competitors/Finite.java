package io.marketlens.market.competitors;

/** The guard that keeps NaN and infinities out of every result record. */
final class Finite {

  private Finite() {}

  static double check(double v, String what) {
    if (!Double.isFinite(v)) throw new IllegalStateException(what + " is not finite: " + v);
    return v;
  }

  static Double check(Double v, String what) {
    return v == null ? null : check(v.doubleValue(), what);
  }
}
