package io.marketlens.customers.features;

/** What a feature measures, so that segments and personas can be described in plain words. */
public enum FeatureRole {
  /** Days since the last purchase (lower is better). */
  RECENCY,
  /** Number of orders. */
  FREQUENCY,
  /** Total spend. */
  MONETARY,
  /** Days since the first purchase, or months as a customer. */
  TENURE,
  /** Average spend per order. */
  ORDER_VALUE,
  /** Days between purchases. */
  INTER_PURCHASE,
  /** Distinct products bought. */
  DIVERSITY,
  /** Relative change in monthly spend. */
  SPEND_TREND,
  /** Expected value over a horizon (from the CLV model). */
  LIFETIME_VALUE,
  /** Anything else: a column of the customers table. */
  OTHER
}
