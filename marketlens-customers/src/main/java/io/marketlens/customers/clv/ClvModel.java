package io.marketlens.customers.clv;

import io.marketlens.core.validate.InvalidInputException;
import io.marketlens.customers.features.CleanTransactions;
import io.marketlens.customers.features.TransactionFeatures;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A fitted customer-lifetime-value model: BG/NBD for the number of future purchases (Fader, Hardie
 * and Lee 2005, Marketing Science 24(2):275-284) and Gamma-Gamma for the spend per purchase (Fader
 * and Hardie 2013, "The Gamma-Gamma model of monetary value"). Both are fitted by maximum
 * likelihood with Nelder-Mead on the logarithms of the parameters (log(q - 1) for the Gamma-Gamma
 * q, which must exceed 1 for a finite mean spend).
 *
 * <p>Time is in days; a purchase is a distinct day with spend. The published CDNOW estimates (r =
 * 0.243, α = 4.414, a = 0.793, b = 2.426, in weeks) cannot be reproduced here without CDNOW; the
 * tests pin the likelihood to hand-computed values instead and recover known parameters from
 * simulated data.
 *
 * <p>Immutable and thread-safe.
 *
 * @param bgNbd the purchase-count parameters
 * @param gammaGamma the spend parameters
 */
public record ClvModel(BgNbdParameters bgNbd, GammaGammaParameters gammaGamma) {

  static final int MAX_EVALUATIONS = 4000;

  public ClvModel {
    Objects.requireNonNull(bgNbd, "bgNbd");
    Objects.requireNonNull(gammaGamma, "gammaGamma");
  }

  /**
   * Fits both models: BG/NBD on every customer, Gamma-Gamma on those with a repeat purchase.
   *
   * @throws InvalidInputException with fewer than 2 customers or fewer than 2 repeat buyers
   */
  public static ClvModel fit(List<RepeatSummary> customers) {
    Objects.requireNonNull(customers, "customers");
    return new ClvModel(fitBgNbd(customers), fitGammaGamma(customers));
  }

  /** The BG/NBD maximum-likelihood estimates. */
  public static BgNbdParameters fitBgNbd(List<RepeatSummary> customers) {
    if (customers.size() < 2) {
      throw InvalidInputException.in(null)
          .key("transactions")
          .expected("purchase histories of at least 2 customers for the lifetime-value model")
          .found(customers.size() + " customer(s)")
          .build();
    }
    BgNbd.Data d = new BgNbd.Data(customers);
    double rate = 0;
    double meanT = 0;
    for (RepeatSummary c : customers) {
      rate += c.x() / c.t();
      meanT += c.t();
    }
    rate /= customers.size();
    meanT /= customers.size();
    double alpha0 = rate > 0 ? 1 / rate : meanT;
    double[] start = {0, Math.log(alpha0), Math.log(0.8), Math.log(2.5)};
    NelderMead.Minimum m =
        NelderMead.minimise(
            p ->
                -BgNbd.logLikelihood(
                    Math.exp(p[0]), Math.exp(p[1]), Math.exp(p[2]), Math.exp(p[3]), d),
            start,
            1.0,
            MAX_EVALUATIONS);
    double[] p = m.point();
    return new BgNbdParameters(
        Math.exp(p[0]), Math.exp(p[1]), Math.exp(p[2]), Math.exp(p[3]), -m.value());
  }

  /** The Gamma-Gamma maximum-likelihood estimates, from the repeat buyers. */
  public static GammaGammaParameters fitGammaGamma(List<RepeatSummary> customers) {
    GammaGamma.Data d = new GammaGamma.Data(customers);
    if (d.x.length < 2) {
      throw InvalidInputException.in(null)
          .key("transactions")
          .expected("at least 2 customers with a repeat purchase for the spend model")
          .found(d.x.length + " repeat buyer(s)")
          .build();
    }
    double mean = 0;
    for (double v : d.m) mean += v;
    mean /= d.m.length;
    double[] start = {0, 0, Math.log(mean)};
    NelderMead.Minimum m =
        NelderMead.minimise(
            p -> -GammaGamma.logLikelihood(Math.exp(p[0]), 1 + Math.exp(p[1]), Math.exp(p[2]), d),
            start,
            1.0,
            MAX_EVALUATIONS);
    double[] p = m.point();
    return new GammaGammaParameters(Math.exp(p[0]), 1 + Math.exp(p[1]), Math.exp(p[2]), -m.value());
  }

  /** Expected purchases in the next {@code days} days, FHL (2005) equation (10). */
  public double expectedPurchases(RepeatSummary c, double days) {
    return BgNbd.expected(bgNbd, c, days);
  }

  /** The probability that the customer is still active. */
  public double probabilityAlive(RepeatSummary c) {
    return BgNbd.probabilityAlive(bgNbd, c);
  }

  /** Expected spend per future purchase, Fader and Hardie (2013) equation (5). */
  public double expectedSpend(RepeatSummary c) {
    return GammaGamma.expectedSpend(gammaGamma, c);
  }

  /**
   * Discounted expected spend over {@code months} months of {@value
   * TransactionFeatures#DAYS_PER_MONTH} days: the sum over months m of (E[Y(m)] - E[Y(m-1)]) *
   * E[spend] / (1 + rate)^m, as the lifetimes library computes it.
   */
  public double lifetimeValue(RepeatSummary c, int months, double monthlyDiscountRate) {
    double spend = expectedSpend(c);
    double value = 0;
    double before = 0;
    for (int m = 1; m <= months; m++) {
      double now = expectedPurchases(c, m * TransactionFeatures.DAYS_PER_MONTH);
      value += (now - before) * spend / Math.pow(1 + monthlyDiscountRate, m);
      before = now;
    }
    return value;
  }

  /**
   * Fits the model on the calibration period, checks its purchase (and spend) predictions per
   * customer on the holdout period, then refits on all purchases and predicts each customer's
   * lifetime value over the horizon.
   *
   * @throws InvalidInputException when the data cover too few days or customers to fit and check
   */
  public static ClvResult run(CleanTransactions tx, ClvOptions options) {
    Objects.requireNonNull(tx, "tx");
    Objects.requireNonNull(options, "options");
    Histories h = Histories.of(tx);
    long ref = h.lastDay + 1;
    HoldoutCheck check = holdoutCheck(h, ref, options);
    List<RepeatSummary> all = new ArrayList<>();
    for (int c = 0; c < h.customers; c++) all.add(h.summary(c, ref));
    ClvModel model = fit(all);
    int n = h.customers;
    double[] clv = new double[n];
    double[] purchases = new double[n];
    double[] alive = new double[n];
    double[] spend = new double[n];
    double horizon = options.horizonMonths() * TransactionFeatures.DAYS_PER_MONTH;
    for (int c = 0; c < n; c++) {
      RepeatSummary s = all.get(c);
      clv[c] = model.lifetimeValue(s, options.horizonMonths(), options.monthlyDiscountRate());
      purchases[c] = model.expectedPurchases(s, horizon);
      alive[c] = model.probabilityAlive(s);
      spend[c] = model.expectedSpend(s);
    }
    return new ClvResult(
        check,
        model,
        LocalDate.ofEpochDay(ref),
        options.horizonMonths(),
        options.monthlyDiscountRate(),
        tx.customerIds(),
        clv,
        purchases,
        alive,
        spend);
  }

  /** Fit on the calibration period, compare with the holdout period. */
  public static HoldoutCheck holdoutCheck(CleanTransactions tx, ClvOptions options) {
    Histories h = Histories.of(tx);
    return holdoutCheck(h, h.lastDay + 1, options);
  }

  private static HoldoutCheck holdoutCheck(Histories h, long ref, ClvOptions o) {
    long first = Long.MAX_VALUE;
    for (int c = 0; c < h.customers; c++) first = Math.min(first, h.firstDay(c));
    long span = ref - first;
    int holdout = o.holdoutDays() > 0 ? o.holdoutDays() : (int) Math.round(span / 3.0);
    if (holdout < 1 || span - holdout < 2) {
      throw InvalidInputException.in(null)
          .key("transactions")
          .expected("purchases over enough days for a calibration and a holdout period")
          .found(span + " days of data, holdout " + holdout + " days")
          .hint("the lifetime-value check needs weeks of history; set a shorter holdout")
          .build();
    }
    long calEnd = ref - holdout;
    List<RepeatSummary> cal = new ArrayList<>();
    List<double[]> actual = new ArrayList<>();
    for (int c = 0; c < h.customers; c++) {
      RepeatSummary s = h.summary(c, calEnd);
      if (s == null) continue;
      cal.add(s);
      actual.add(h.between(c, calEnd, ref));
    }
    ClvModel model = fit(cal);
    int n = cal.size();
    double[] predicted = new double[n];
    double[] actualCount = new double[n];
    double[] naive = new double[n];
    double[] predictedSpend = new double[n];
    double[] actualSpend = new double[n];
    double sumPredicted = 0;
    double sumActual = 0;
    for (int i = 0; i < n; i++) {
      RepeatSummary s = cal.get(i);
      predicted[i] = model.expectedPurchases(s, holdout);
      actualCount[i] = actual.get(i)[0];
      actualSpend[i] = actual.get(i)[1];
      naive[i] = (double) s.x() / s.t() * holdout;
      predictedSpend[i] = predicted[i] * model.expectedSpend(s);
      sumPredicted += predicted[i];
      sumActual += actualCount[i];
    }
    return new HoldoutCheck(
        LocalDate.ofEpochDay(calEnd),
        LocalDate.ofEpochDay(ref),
        holdout,
        n,
        model,
        sumPredicted,
        sumActual,
        correlation(predicted, actualCount),
        meanAbsoluteError(predicted, actualCount),
        correlation(naive, actualCount),
        meanAbsoluteError(naive, actualCount),
        correlation(predictedSpend, actualSpend),
        meanAbsoluteError(predictedSpend, actualSpend));
  }

  /** Pearson correlation; 0 when either side does not vary. */
  static double correlation(double[] a, double[] b) {
    int n = a.length;
    double ma = 0;
    double mb = 0;
    for (int i = 0; i < n; i++) {
      ma += a[i];
      mb += b[i];
    }
    ma /= n;
    mb /= n;
    double sab = 0;
    double saa = 0;
    double sbb = 0;
    for (int i = 0; i < n; i++) {
      double da = a[i] - ma;
      double db = b[i] - mb;
      sab += da * db;
      saa += da * da;
      sbb += db * db;
    }
    return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : 0;
  }

  static double meanAbsoluteError(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) s += Math.abs(a[i] - b[i]);
    return a.length == 0 ? 0 : s / a.length;
  }
}
