package io.marketlens.customers.clv;

import io.marketlens.core.validate.Checks;
import java.time.LocalDate;
import java.util.Objects;

/**
 * How well the model fitted on the calibration period predicted each customer's purchases (and
 * spend) in the holdout period that followed. Purchases are distinct purchase days.
 *
 * @param calibrationEnd the first day of the holdout (the calibration covers the days before it)
 * @param holdoutEnd the day after the holdout
 * @param holdoutDays the holdout's length in days
 * @param customers customers whose first purchase is in the calibration period
 * @param model the model fitted on the calibration period
 * @param predictedPurchases the predicted holdout purchases, summed over customers
 * @param actualPurchases the actual holdout purchases, summed
 * @param correlation Pearson correlation of predicted and actual purchases per customer
 * @param meanAbsoluteError mean |predicted - actual| purchases per customer
 * @param baselineCorrelation the same correlation for the naive forecast "repeat rate so far times
 *     the holdout length" (x / T * holdoutDays)
 * @param baselineMeanAbsoluteError the naive forecast's mean absolute error
 * @param spendCorrelation correlation of predicted (purchases * expected spend) and actual holdout
 *     spend per customer
 * @param spendMeanAbsoluteError mean |predicted - actual| holdout spend per customer
 */
public record HoldoutCheck(
    LocalDate calibrationEnd,
    LocalDate holdoutEnd,
    int holdoutDays,
    int customers,
    ClvModel model,
    double predictedPurchases,
    double actualPurchases,
    double correlation,
    double meanAbsoluteError,
    double baselineCorrelation,
    double baselineMeanAbsoluteError,
    double spendCorrelation,
    double spendMeanAbsoluteError) {

  public HoldoutCheck {
    Objects.requireNonNull(calibrationEnd, "calibrationEnd");
    Objects.requireNonNull(holdoutEnd, "holdoutEnd");
    Objects.requireNonNull(model, "model");
    Checks.requireArgument(
        Double.isFinite(predictedPurchases + actualPurchases + correlation + meanAbsoluteError)
            && Double.isFinite(baselineCorrelation + baselineMeanAbsoluteError)
            && Double.isFinite(spendCorrelation + spendMeanAbsoluteError),
        "holdout figures must be finite");
  }
}
