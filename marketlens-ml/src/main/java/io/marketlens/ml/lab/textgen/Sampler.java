package io.marketlens.ml.lab.textgen;

import java.util.Random;

/**
 * Draws the next token from a model's logits: softmax of {@code logits / temperature} restricted to
 * the {@code topK} largest logits (0 = all), computed in double precision in Java so the draw
 * depends only on the logits and the seeded generator. Temperature 0 (or top-k 1) is greedy: the
 * largest logit, the lowest index on ties.
 */
final class Sampler {

  private Sampler() {}

  /** The index drawn from {@code logits}. */
  static int sample(float[] logits, double temperature, int topK, Random rnd) {
    int best = argmax(logits);
    if (temperature <= 0 || topK == 1) return best;
    int n = logits.length;
    double cutoff = Double.NEGATIVE_INFINITY;
    int tiesAllowed = n;
    if (topK > 0 && topK < n) {
      cutoff = kthLargest(logits, topK);
      int above = 0;
      for (float l : logits) if (l > cutoff) above++;
      tiesAllowed = topK - above; // ties at the cut-off keep the lowest indices: exactly topK stay
    }
    double max = logits[best];
    double[] w = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      if (logits[i] < cutoff) continue;
      if (logits[i] == cutoff && tiesAllowed-- <= 0) continue;
      w[i] = Math.exp((logits[i] - max) / temperature);
      sum += w[i];
    }
    if (!(sum > 0) || !Double.isFinite(sum)) return best;
    double u = rnd.nextDouble() * sum;
    double acc = 0;
    int last = best;
    for (int i = 0; i < n; i++) {
      if (w[i] == 0) continue;
      acc += w[i];
      last = i;
      if (u < acc) return i;
    }
    return last;
  }

  static int argmax(float[] v) {
    int best = 0;
    for (int i = 1; i < v.length; i++) if (v[i] > v[best]) best = i;
    return best;
  }

  private static double kthLargest(float[] v, int k) {
    float[] c = v.clone();
    java.util.Arrays.sort(c);
    return c[c.length - k];
  }
}
