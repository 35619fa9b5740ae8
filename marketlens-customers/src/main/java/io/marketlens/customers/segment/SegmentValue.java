package io.marketlens.customers.segment;

/**
 * What a segment is worth; a field is null when the data do not give it.
 *
 * @param meanSpend mean total spend per customer (from the monetary feature)
 * @param spendShare the segment's share of all customers' spend, 0..1
 * @param meanClv mean expected value per customer over the CLV horizon
 * @param totalClv the segment's total expected value over the horizon
 */
public record SegmentValue(Double meanSpend, Double spendShare, Double meanClv, Double totalClv) {

  public SegmentValue {
    requireFinite(meanSpend, "meanSpend");
    requireFinite(spendShare, "spendShare");
    requireFinite(meanClv, "meanClv");
    requireFinite(totalClv, "totalClv");
  }

  private static void requireFinite(Double v, String name) {
    if (v != null && !Double.isFinite(v)) {
      throw new IllegalArgumentException(name + " must be finite or null, found " + v);
    }
  }
}
