package io.marketlens.customers.features;

/** How a feature's values read. */
public enum FeatureKind {
  /** A quantity: described by its typical (median) value. */
  NUMERIC,
  /** A yes/no flag stored as 1/0: described by the share of yes. */
  BINARY,
  /** One level of a categorical column stored as 1/0: described by the share having it. */
  LEVEL
}
