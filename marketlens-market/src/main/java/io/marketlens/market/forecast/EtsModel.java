package io.marketlens.market.forecast;

import java.util.Locale;

/**
 * A fitted ETS model: its form, parameters, initial and final states, error variance and
 * information criteria, in the units of the data. It forecasts with the prediction variances of
 * Hyndman, Koehler, Ord and Snyder (2008), <i>Forecasting with Exponential Smoothing: the State
 * Space Approach</i>, chapter 6: exact for class 1 (additive errors, eq. 6.1-6.2) and class 2
 * (multiplicative errors, additive or no season, §6.4), and the small-sigma approximation of §6.5
 * for class 3 (multiplicative errors and season).
 *
 * <p>Immutable and thread-safe.
 */
final class EtsModel {

  final EtsSpec spec;
  final double alpha;
  final double beta;
  final double gamma;
  final double phi;
  final double l0;
  final double b0;
  final double[] s0;
  final double level;
  final double slope;
  final double[] season;
  final double sigma2;
  final double logLik;
  final int n;

  EtsModel(
      EtsSpec spec,
      double[] params,
      double[] initial,
      double[] s0,
      double[] last,
      double[] season,
      double sigma2,
      double logLik,
      int n) {
    this.spec = spec;
    this.alpha = params[0];
    this.beta = params[1];
    this.gamma = params[2];
    this.phi = params[3];
    this.l0 = initial[0];
    this.b0 = initial[1];
    this.s0 = s0;
    this.level = last[0];
    this.slope = last[1];
    this.season = season;
    this.sigma2 = sigma2;
    this.logLik = logLik;
    this.n = n;
  }

  /** The same model with another error variance (for intervals on another variance convention). */
  EtsModel withSigma2(double newSigma2) {
    return new EtsModel(
        spec,
        new double[] {alpha, beta, gamma, phi},
        new double[] {l0, b0},
        s0,
        new double[] {level, slope},
        season,
        newSigma2,
        logLik,
        n);
  }

  /** The number of estimated parameters, sigma included, as counted by {@code forecast::ets}. */
  int parameterCount() {
    return spec.smoothingParameters() + spec.initialStates() + 1;
  }

  double aic() {
    return -2 * logLik + 2 * parameterCount();
  }

  /** Akaike's criterion corrected for small samples, by which Hyndman et al. choose the form. */
  double aicc() {
    int k = parameterCount();
    return aic() + 2.0 * k * (k + 1) / Math.max(1, n - k - 1);
  }

  /** The forecasts and standard deviations for steps 1..h after the last observation. */
  Prediction forecast(int h) {
    double[] mu = new double[h];
    double[] adjusted = new double[h];
    double[] seasonal = new double[h];
    double damp = 0;
    double power = 1;
    int m = spec.period();
    for (int i = 0; i < h; i++) {
      power *= spec.damped() ? phi : 1.0;
      damp += spec.hasTrend() ? (spec.damped() ? power : 1.0) : 0.0;
      adjusted[i] = level + damp * slope;
      seasonal[i] = spec.seasonal() ? season[(n + i) % m] : 0;
      mu[i] =
          spec.season() == EtsSpec.Season.MULTIPLICATIVE
              ? adjusted[i] * seasonal[i]
              : adjusted[i] + seasonal[i];
    }
    return new Prediction(mu, standardDeviations(mu, adjusted, seasonal));
  }

  /** c_j = alpha + beta phi_j (+ gamma at whole seasons), the weights of past errors (eq. 6.2). */
  private double[] weights(int h, boolean withGamma) {
    double[] c = new double[h];
    double damp = 0;
    double power = 1;
    int m = spec.period();
    for (int j = 1; j < h; j++) {
      power *= spec.damped() ? phi : 1.0;
      damp += spec.hasTrend() ? (spec.damped() ? power : 1.0) : 0.0;
      c[j] = alpha + beta * damp;
      if (withGamma && spec.seasonal() && j % m == 0) c[j] += gamma;
    }
    return c;
  }

  private double[] standardDeviations(double[] mu, double[] adjusted, double[] seasonal) {
    int h = mu.length;
    double[] sd = new double[h];
    if (spec.error() == EtsSpec.Error.ADDITIVE) {
      double[] c = weights(h, true);
      double acc = 1;
      for (int i = 0; i < h; i++) {
        if (i > 0) acc += c[i] * c[i];
        sd[i] = Math.sqrt(sigma2 * acc);
      }
      return sd;
    }
    boolean classThree = spec.season() == EtsSpec.Season.MULTIPLICATIVE;
    double[] base = classThree ? adjusted : mu;
    double[] c = weights(h, !classThree);
    double[] theta = new double[h];
    int m = spec.period();
    for (int i = 0; i < h; i++) {
      double t = base[i] * base[i];
      for (int j = 1; j <= i; j++) t += sigma2 * c[j] * c[j] * theta[i - j];
      theta[i] = t;
      double v;
      if (classThree) {
        int k = i / m;
        v =
            seasonal[i]
                * seasonal[i]
                * (t * (1 + sigma2) * Math.pow(1 + gamma * gamma * sigma2, k) - base[i] * base[i]);
      } else {
        v = (1 + sigma2) * t - base[i] * base[i];
      }
      sd[i] = v > 0 ? Math.sqrt(v) : 0;
    }
    return sd;
  }

  /** E.g. {@code ETS(M,Ad,M) alpha=0.512 beta=0.0101 gamma=0.0001 phi=0.980}. */
  String describe() {
    StringBuilder s = new StringBuilder(spec.label());
    s.append(String.format(Locale.ROOT, " alpha=%.4g", alpha));
    if (spec.hasTrend()) s.append(String.format(Locale.ROOT, " beta=%.4g", beta));
    if (spec.seasonal()) s.append(String.format(Locale.ROOT, " gamma=%.4g", gamma));
    if (spec.damped()) s.append(String.format(Locale.ROOT, " phi=%.4g", phi));
    return s.toString();
  }
}
