package io.marketlens.customers.features;

import java.time.LocalDate;

/**
 * How transactions become features.
 *
 * @param referenceDay the day "now" for recency and tenure; null means the day after the last
 *     purchase kept (Online Retail: 2011-12-10), as the peer and the usual RFM analyses do
 * @param cancelPrefix invoices starting with this are cancellations (default "C"); empty for none
 * @param rfmOnly compute only recency, frequency and monetary (what the scikit-learn peer computes)
 */
public record TransactionFeatureOptions(
    LocalDate referenceDay, String cancelPrefix, boolean rfmOnly) {

  public TransactionFeatureOptions {
    cancelPrefix = cancelPrefix == null ? "C" : cancelPrefix;
  }

  /** Automatic reference day, prefix "C", every feature. */
  public static TransactionFeatureOptions defaults() {
    return new TransactionFeatureOptions(null, "C", false);
  }

  public TransactionFeatureOptions withReferenceDay(LocalDate day) {
    return new TransactionFeatureOptions(day, cancelPrefix, rfmOnly);
  }

  public TransactionFeatureOptions withRfmOnly(boolean only) {
    return new TransactionFeatureOptions(referenceDay, cancelPrefix, only);
  }
}
