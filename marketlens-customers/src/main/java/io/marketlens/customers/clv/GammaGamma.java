package io.marketlens.customers.clv;

import static io.marketlens.customers.clv.SpecialFunctions.lnGamma;

import java.util.ArrayList;
import java.util.List;

/**
 * The Gamma-Gamma spend model of Fader and Hardie (2013), "The Gamma-Gamma model of monetary value"
 * (note), equations (1)-(5); fitted on customers with at least one repeat purchase, from the mean
 * value of their repeat purchases. Stateless.
 */
final class GammaGamma {

  private GammaGamma() {}

  /**
   * ln f(m | p, q, γ; x) = ln Γ(px+q) - ln Γ(px) - ln Γ(q) + q ln γ + (px-1) ln m + px ln x -
   * (px+q) ln(γ + m x), for one customer with x repeat purchases of mean value m.
   */
  static double logLikelihood(double p, double q, double gamma, int x, double m) {
    double px = p * x;
    return lnGamma(px + q)
        - lnGamma(px)
        - lnGamma(q)
        + q * Math.log(gamma)
        + (px - 1) * Math.log(m)
        + px * Math.log(x)
        - (px + q) * Math.log(gamma + m * x);
  }

  static double logLikelihood(double p, double q, double gamma, Data d) {
    double s = 0;
    for (int i = 0; i < d.x.length; i++) s += logLikelihood(p, q, gamma, d.x[i], d.m[i]);
    return s;
  }

  /**
   * E[M | p, q, γ, m, x] = (p (γ + m x)) / (p x + q - 1): a weighted mean of the population mean
   * and the customer's own mean. For x = 0, the population mean p γ / (q - 1).
   */
  static double expectedSpend(GammaGammaParameters g, RepeatSummary c) {
    return g.p() * (g.gamma() + c.meanSpend() * c.x()) / (g.p() * c.x() + g.q() - 1);
  }

  /** Repeat buyers only. */
  static final class Data {
    final int[] x;
    final double[] m;

    Data(List<RepeatSummary> cs) {
      List<RepeatSummary> repeat = new ArrayList<>();
      for (RepeatSummary c : cs) if (c.x() > 0) repeat.add(c);
      x = new int[repeat.size()];
      m = new double[repeat.size()];
      for (int i = 0; i < x.length; i++) {
        x[i] = repeat.get(i).x();
        m[i] = repeat.get(i).meanSpend();
      }
    }
  }
}
