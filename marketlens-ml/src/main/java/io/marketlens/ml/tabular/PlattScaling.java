package io.marketlens.ml.tabular;

/**
 * Platt scaling: {@code q = sigmoid(a * logit(p) + b)}, fitted by Newton's method on the log-loss
 * with Platt's smoothed targets ({@code (N+ + 1) / (N+ + 2)} and {@code 1 / (N- + 2)}), as in J.
 * Platt, "Probabilistic outputs for support vector machines" (1999) and Lin, Lin and Weng (2007).
 *
 * @param a the slope on the model's log-odds
 * @param b the offset
 */
public record PlattScaling(double a, double b) implements Calibrator {

  private static final double CLIP = 1e-7;

  /** Fits on probabilities and their 0/1 labels. */
  public static PlattScaling fit(double[] probabilities, int[] labels) {
    int n = labels.length;
    double positives = 0;
    for (int y : labels) positives += y;
    double hi = (positives + 1) / (positives + 2);
    double lo = 1 / (n - positives + 2);
    double[] f = new double[n];
    double[] t = new double[n];
    for (int i = 0; i < n; i++) {
      f[i] = logit(probabilities[i]);
      t[i] = labels[i] == 1 ? hi : lo;
    }
    double a = 1;
    double b = 0;
    double loss = loss(f, t, a, b);
    for (int iteration = 0; iteration < 100; iteration++) {
      double ga = 0;
      double gb = 0;
      double haa = 1e-12;
      double hab = 0;
      double hbb = 1e-12;
      for (int i = 0; i < n; i++) {
        double q = LogisticRegression.sigmoid(a * f[i] + b);
        double r = q - t[i];
        double w = q * (1 - q);
        ga += r * f[i];
        gb += r;
        haa += w * f[i] * f[i];
        hab += w * f[i];
        hbb += w;
      }
      double det = haa * hbb - hab * hab;
      double da = -(hbb * ga - hab * gb) / det;
      double db = -(haa * gb - hab * ga) / det;
      double scale = 1;
      double next = loss;
      for (int h = 0; h < 30; h++) {
        next = loss(f, t, a + scale * da, b + scale * db);
        if (next <= loss) break;
        scale /= 2;
      }
      if (next > loss) break;
      a += scale * da;
      b += scale * db;
      boolean done = loss - next < 1e-12 * (1 + loss);
      loss = next;
      if (done) break;
    }
    return new PlattScaling(a, b);
  }

  private static double loss(double[] f, double[] t, double a, double b) {
    double sum = 0;
    for (int i = 0; i < f.length; i++) {
      double e = a * f[i] + b;
      // cross-entropy with soft target t: log(1 + e^e) - t * e, computed stably
      sum += (e > 0 ? e + Math.log1p(Math.exp(-e)) : Math.log1p(Math.exp(e))) - t[i] * e;
    }
    return sum;
  }

  static double logit(double p) {
    double c = Math.min(1 - CLIP, Math.max(CLIP, p));
    return Math.log(c / (1 - c));
  }

  @Override
  public String method() {
    return "platt";
  }

  @Override
  public double calibrate(double probability) {
    return LogisticRegression.sigmoid(a * logit(probability) + b);
  }
}
