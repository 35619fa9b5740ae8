package io.marketlens.customers.clv;

import io.marketlens.core.validate.InvalidInputException;

/**
 * How {@link ClvModel#run} fits, checks and predicts.
 *
 * @param holdoutDays the last days of the data kept back to check the purchase predictions; 0 means
 *     a third of the period covered (Online Retail: 125 of 374 days)
 * @param horizonMonths the months of future value in the lifetime value (default 12)
 * @param monthlyDiscountRate the discount rate per month applied to future value (default 0.01,
 *     about 12.7% a year)
 */
public record ClvOptions(int holdoutDays, int horizonMonths, double monthlyDiscountRate) {

  public ClvOptions {
    if (holdoutDays < 0) {
      throw InvalidInputException.usage("holdout days >= 0", String.valueOf(holdoutDays));
    }
    if (horizonMonths < 1 || horizonMonths > 120) {
      throw InvalidInputException.usage("a CLV horizon of 1 to 120 months", "" + horizonMonths);
    }
    if (!(monthlyDiscountRate >= 0 && monthlyDiscountRate < 1)) {
      throw InvalidInputException.usage(
          "a monthly discount rate in [0, 1)", String.valueOf(monthlyDiscountRate));
    }
  }

  /** A third of the period held out, 12 months, 1% a month. */
  public static ClvOptions defaults() {
    return new ClvOptions(0, 12, 0.01);
  }

  public ClvOptions withHoldoutDays(int days) {
    return new ClvOptions(days, horizonMonths, monthlyDiscountRate);
  }

  public ClvOptions withHorizonMonths(int months) {
    return new ClvOptions(holdoutDays, months, monthlyDiscountRate);
  }

  public ClvOptions withMonthlyDiscountRate(double rate) {
    return new ClvOptions(holdoutDays, horizonMonths, rate);
  }
}
