package io.marketlens.customers.clv;

import io.marketlens.core.validate.Checks;

/**
 * The three Gamma-Gamma parameters (Fader and Hardie 2013): each transaction's value ~ Gamma(p, ν),
 * the customer's ν ~ Gamma(q, γ). The population mean spend per transaction is {@code p γ / (q -
 * 1)}, finite only for q > 1.
 *
 * @param p shape of a transaction's value
 * @param q shape of the customers' scale
 * @param gamma rate of the customers' scale
 * @param logLikelihood the log-likelihood of the data they were fitted on (0 when not fitted)
 */
public record GammaGammaParameters(double p, double q, double gamma, double logLikelihood) {

  public GammaGammaParameters {
    Checks.requireArgument(
        p > 0 && q > 1 && gamma > 0 && Double.isFinite(p + q + gamma),
        "Gamma-Gamma parameters must be finite, p > 0, q > 1, gamma > 0; found p=%s q=%s gamma=%s",
        p,
        q,
        gamma);
    Checks.requireArgument(Double.isFinite(logLikelihood), "log-likelihood must be finite");
  }

  /** The population mean spend per transaction, {@code p γ / (q - 1)}. */
  public double populationMean() {
    return p * gamma / (q - 1);
  }
}
