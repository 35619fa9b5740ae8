package io.marketlens.customers.clv;

import io.marketlens.core.validate.Checks;
import io.marketlens.customers.features.Feature;
import io.marketlens.customers.features.FeatureKind;
import io.marketlens.customers.features.FeatureRole;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Lifetime value per customer, from the model refitted on the whole period, with the holdout check
 * of the model fitted on the calibration period.
 *
 * @param holdout the calibration / holdout check
 * @param model the model fitted on every purchase
 * @param referenceDay the day after the last purchase: "now" for the predictions
 * @param horizonMonths the months of future value
 * @param monthlyDiscountRate the discount rate per month
 * @param ids the customer ids (in increasing order, as in the cleaned transactions)
 * @param lifetimeValue discounted expected spend over the horizon, per customer
 * @param expectedPurchases expected purchases over the horizon, per customer
 * @param probabilityAlive the probability that the customer is still active, per customer
 * @param expectedSpend expected spend per future purchase, per customer
 */
public record ClvResult(
    HoldoutCheck holdout,
    ClvModel model,
    LocalDate referenceDay,
    int horizonMonths,
    double monthlyDiscountRate,
    List<String> ids,
    double[] lifetimeValue,
    double[] expectedPurchases,
    double[] probabilityAlive,
    double[] expectedSpend) {

  public ClvResult {
    Objects.requireNonNull(holdout, "holdout");
    Objects.requireNonNull(model, "model");
    ids = List.copyOf(ids);
    lifetimeValue = finite(lifetimeValue, ids.size(), "lifetimeValue");
    expectedPurchases = finite(expectedPurchases, ids.size(), "expectedPurchases");
    probabilityAlive = finite(probabilityAlive, ids.size(), "probabilityAlive");
    expectedSpend = finite(expectedSpend, ids.size(), "expectedSpend");
  }

  private static double[] finite(double[] v, int n, String name) {
    Checks.requireArgument(v.length == n, "%s has %d values for %d customers", name, v.length, n);
    for (double x : v) Checks.requireArgument(Double.isFinite(x), "%s must be finite", name);
    return v.clone();
  }

  @Override
  public double[] lifetimeValue() {
    return lifetimeValue.clone();
  }

  @Override
  public double[] expectedPurchases() {
    return expectedPurchases.clone();
  }

  @Override
  public double[] probabilityAlive() {
    return probabilityAlive.clone();
  }

  @Override
  public double[] expectedSpend() {
    return expectedSpend.clone();
  }

  /** The mean lifetime value over all customers. */
  public double meanLifetimeValue() {
    double s = 0;
    for (double v : lifetimeValue) s += v;
    return lifetimeValue.length == 0 ? 0 : s / lifetimeValue.length;
  }

  /**
   * The lifetime value as a feature aligned with {@code rowIds} (role {@link
   * FeatureRole#LIFETIME_VALUE}, named "clv" + horizon + "m"), for segment value and personas. A
   * customer without purchases here gets 0.
   */
  public Feature toFeature(List<String> rowIds) {
    Map<String, Integer> at = new HashMap<>();
    for (int i = 0; i < ids.size(); i++) at.put(ids.get(i), i);
    double[] v = new double[rowIds.size()];
    for (int r = 0; r < v.length; r++) {
      Integer i = at.get(rowIds.get(r));
      v[r] = i == null ? 0 : lifetimeValue[i];
    }
    return new Feature(
        "clv" + horizonMonths + "m",
        "expected value over " + horizonMonths + " months",
        horizonMonths + " months",
        FeatureRole.LIFETIME_VALUE,
        FeatureKind.NUMERIC,
        true,
        null,
        null,
        v);
  }
}
