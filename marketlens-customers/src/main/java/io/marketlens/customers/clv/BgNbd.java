package io.marketlens.customers.clv;

import static io.marketlens.customers.clv.SpecialFunctions.hyp2f1;
import static io.marketlens.customers.clv.SpecialFunctions.lnGamma;

import java.util.List;
import java.util.TreeMap;

/**
 * The BG/NBD likelihood and predictions, following Fader, Hardie and Lee (2005), "Counting your
 * customers the easy way: an alternative to the Pareto/NBD model", Marketing Science 24(2):275-284,
 * equations (6), (10) and (13); and Fader, Hardie and Lee, "Computing P(alive) using the BG/NBD
 * model" (2008 note). Stateless.
 */
final class BgNbd {

  private BgNbd() {}

  /**
   * The log-likelihood of one customer, equation (6): ln[A1 A2 (A3 + δ(x>0) A4)] with A1 = Γ(r+x)
   * α^r / Γ(r), A2 = Γ(a+b) Γ(b+x) / (Γ(b) Γ(a+b+x)), A3 = (α+T)^-(r+x), A4 = a/(b+x-1)
   * (α+tx)^-(r+x).
   */
  static double logLikelihood(double r, double alpha, double a, double b, RepeatSummary c) {
    int x = c.x();
    double lnA1 = lnGamma(r + x) - lnGamma(r) + r * Math.log(alpha);
    double lnA2 = lnGamma(a + b) + lnGamma(b + x) - lnGamma(b) - lnGamma(a + b + x);
    return lnA1 + lnA2 + lnLast(r, alpha, a, b, x, c.tx(), c.t());
  }

  /** ln(A3 + δ A4), by log-sum-exp. */
  private static double lnLast(
      double r, double alpha, double a, double b, int x, double tx, double t) {
    double lnA3 = -(r + x) * Math.log(alpha + t);
    if (x == 0) return lnA3;
    double lnA4 = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx);
    double m = Math.max(lnA3, lnA4);
    return m + Math.log(Math.exp(lnA3 - m) + Math.exp(lnA4 - m));
  }

  /** The summed log-likelihood; the Γ terms are computed once per distinct x. */
  static double logLikelihood(double r, double alpha, double a, double b, Data d) {
    double sum = d.customers * (r * Math.log(alpha) - lnGamma(r) + lnGamma(a + b) - lnGamma(b));
    for (int g = 0; g < d.xs.length; g++) {
      int x = d.xs[g];
      sum += d.counts[g] * (lnGamma(r + x) + lnGamma(b + x) - lnGamma(a + b + x));
    }
    for (int i = 0; i < d.x.length; i++) {
      sum += lnLast(r, alpha, a, b, d.x[i], d.tx[i], d.t[i]);
    }
    return sum;
  }

  /**
   * E[Y(t) | x, tx, T], the expected purchases in (T, T + t], equation (10). The hypergeometric
   * term uses Euler's transformation 2F1(r+x, b+x; c; z) = (1-z)^(c-r-x-b-x) 2F1(c-r-x, c-b-x; c;
   * z) with c = a+b+x-1, whose series has small terms for every x.
   */
  static double expected(BgNbdParameters p, RepeatSummary c, double t) {
    if (t <= 0) return 0;
    double r = p.r();
    double alpha = p.alpha();
    double a = Math.abs(p.a() - 1) < 1e-9 ? 1 + 1e-9 : p.a();
    double b = p.b();
    int x = c.x();
    double cc = a + b + x - 1;
    double z = t / (alpha + c.t() + t);
    double oneMinusZ = (alpha + c.t()) / (alpha + c.t() + t);
    double h = hyp2f1(a + b - 1 - r, a - 1, cc, z);
    double num = cc / (a - 1) * (1 - Math.pow(oneMinusZ, a - 1) * h);
    return num / (1 + oddsDead(p, c));
  }

  /** P(alive | x, tx, T) = 1 / (1 + δ(x>0) a/(b+x-1) ((α+T)/(α+tx))^(r+x)). */
  static double probabilityAlive(BgNbdParameters p, RepeatSummary c) {
    return 1 / (1 + oddsDead(p, c));
  }

  private static double oddsDead(BgNbdParameters p, RepeatSummary c) {
    int x = c.x();
    if (x == 0) return 0;
    return p.a()
        / (p.b() + x - 1)
        * Math.exp((p.r() + x) * Math.log((p.alpha() + c.t()) / (p.alpha() + c.tx())));
  }

  /** Customers in arrays, with the distinct x values and their counts. */
  static final class Data {
    final int customers;
    final int[] x;
    final double[] tx;
    final double[] t;
    final int[] xs;
    final double[] counts;

    Data(List<RepeatSummary> cs) {
      customers = cs.size();
      x = new int[customers];
      tx = new double[customers];
      t = new double[customers];
      TreeMap<Integer, Integer> count = new TreeMap<>();
      for (int i = 0; i < customers; i++) {
        RepeatSummary c = cs.get(i);
        x[i] = c.x();
        tx[i] = c.tx();
        t[i] = c.t();
        count.merge(c.x(), 1, Integer::sum);
      }
      xs = new int[count.size()];
      counts = new double[count.size()];
      int g = 0;
      for (var e : count.entrySet()) {
        xs[g] = e.getKey();
        counts[g++] = e.getValue();
      }
    }
  }
}
