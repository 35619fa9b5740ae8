package io.marketlens.customers.clv;

import io.marketlens.core.validate.Checks;

/**
 * The four BG/NBD parameters (Fader, Hardie and Lee 2005): purchase rates λ ~ Gamma(r, α) (shape r,
 * rate α, in purchases per day), drop-out probabilities after each purchase p ~ Beta(a, b).
 *
 * @param r gamma shape
 * @param alpha gamma rate (in the time unit of the data: days here)
 * @param a beta a
 * @param b beta b
 * @param logLikelihood the log-likelihood of the data they were fitted on (0 when not fitted)
 */
public record BgNbdParameters(double r, double alpha, double a, double b, double logLikelihood) {

  public BgNbdParameters {
    Checks.requireArgument(
        r > 0 && alpha > 0 && a > 0 && b > 0 && Double.isFinite(r + alpha + a + b),
        "BG/NBD parameters must be finite and > 0, found r=%s alpha=%s a=%s b=%s",
        r,
        alpha,
        a,
        b);
    Checks.requireArgument(Double.isFinite(logLikelihood), "log-likelihood must be finite");
  }
}
