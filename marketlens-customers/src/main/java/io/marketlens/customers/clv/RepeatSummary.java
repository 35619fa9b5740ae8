package io.marketlens.customers.clv;

import io.marketlens.core.validate.Checks;

/**
 * One customer's purchase history as the BG/NBD and Gamma-Gamma models see it, in days from the
 * first purchase (which is not counted).
 *
 * @param x repeat purchases: distinct purchase days after the first
 * @param tx the time of the last purchase, 0 when x = 0
 * @param t the length of observation since the first purchase ({@code T} in the papers), > tx
 *     ({@code >= tx}; equal only in hand-made examples)
 * @param meanSpend the mean spend of the repeat purchases (0 when x = 0)
 */
public record RepeatSummary(int x, double tx, double t, double meanSpend) {

  public RepeatSummary {
    Checks.requireArgument(x >= 0, "x must be >= 0, found %d", x);
    Checks.requireArgument(
        Double.isFinite(tx) && Double.isFinite(t) && tx >= 0 && t >= tx && t > 0,
        "expected 0 <= tx <= T and T > 0, found tx=%s, T=%s",
        tx,
        t);
    Checks.requireArgument(x > 0 || tx == 0, "tx must be 0 when x = 0, found %s", tx);
    Checks.requireArgument(
        Double.isFinite(meanSpend) && meanSpend >= 0 && (x == 0 || meanSpend > 0),
        "meanSpend must be > 0 for repeat buyers and >= 0 otherwise, found %s",
        meanSpend);
  }
}
