package io.marketlens.customers.clv;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded draws from the BG/NBD and Gamma-Gamma generative stories, for recovery tests. */
final class Simulation {

  private Simulation() {}

  /**
   * Customers as in CDNOW: first purchases spread over 12 weeks, observed until week 39 (so T is
   * between 27 and 39 weeks). λ ~ Gamma(r, α), p ~ Beta(a, b); purchases by a Poisson process;
   * after each repeat purchase the customer drops out with probability p.
   */
  static List<RepeatSummary> bgNbd(BgNbdParameters p, int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<RepeatSummary> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double t = 39 - 12 * rng.nextDouble();
      double lambda = gamma(rng, p.r()) / p.alpha();
      double ga = gamma(rng, p.a());
      double drop = ga / (ga + gamma(rng, p.b()));
      int x = 0;
      double now = 0;
      double last = 0;
      while (true) {
        now += -Math.log(1 - rng.nextDouble()) / lambda;
        if (now > t) break;
        x++;
        last = now;
        if (rng.nextDouble() < drop) break;
      }
      out.add(new RepeatSummary(x, x == 0 ? 0 : last, t, x == 0 ? 0 : 1));
    }
    return out;
  }

  /** Repeat buyers with 1-10 purchases; each purchase ~ Gamma(p, ν), ν ~ Gamma(q, γ). */
  static List<RepeatSummary> gammaGamma(GammaGammaParameters g, int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<RepeatSummary> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int x = 1 + rng.nextInt(10);
      double nu = gamma(rng, g.q()) / g.gamma();
      double sum = 0;
      for (int j = 0; j < x; j++) sum += gamma(rng, g.p()) / nu;
      out.add(new RepeatSummary(x, 1, 2, sum / x));
    }
    return out;
  }

  /** Gamma(shape, 1) by Marsaglia and Tsang (2000), boosted for shape < 1. */
  static double gamma(SplittableRandom rng, double shape) {
    if (shape < 1) {
      return gamma(rng, shape + 1) * Math.pow(rng.nextDouble(), 1 / shape);
    }
    double d = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double z = normal(rng);
      double v = 1 + c * z;
      if (v <= 0) continue;
      v = v * v * v;
      double u = rng.nextDouble();
      if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
    }
  }

  private static double normal(SplittableRandom rng) {
    double u1 = 1 - rng.nextDouble();
    double u2 = rng.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }
}
