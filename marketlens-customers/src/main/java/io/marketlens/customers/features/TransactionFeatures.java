package io.marketlens.customers.features;

import io.marketlens.core.table.Table;
import io.marketlens.core.validate.InvalidInputException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Per-customer features from transactions (Online Retail style: one row per purchase line).
 *
 * <p>With {@code R} the reference day (by default the day after the last purchase kept) and days
 * counted between calendar days of purchase:
 *
 * <ul>
 *   <li>{@code recency}: days from the last purchase day to R (at least 1 by default);
 *   <li>{@code frequency}: distinct orders (invoices; purchase days without an invoice column);
 *   <li>{@code monetary}: total spend, the sum of quantity * price (or amount);
 *   <li>{@code tenure}: days from the first purchase day to R;
 *   <li>{@code avgOrderValue}: monetary / frequency;
 *   <li>{@code interPurchaseDays}: days from first to last purchase day divided by the number of
 *       gaps between distinct purchase days; for a customer with one purchase day, the tenure (the
 *       gap so far, a lower bound);
 *   <li>{@code productDiversity}: distinct products bought (only with a product column);
 *   <li>{@code spendTrend}: least-squares slope of spend per 30.44-day month over the months of the
 *       data (up to 24, counted back from R), divided by the customer's mean monthly spend: the
 *       share of average monthly spend gained (or lost) per month; left out with under 3 months.
 * </ul>
 *
 * Recency, frequency and monetary are computed exactly as in {@code shared/peers/rfm_kmeans.py}.
 * Thread-safe: calls share no state.
 */
public final class TransactionFeatures {

  /** Days in an average month (365.25 / 12). */
  public static final double DAYS_PER_MONTH = 365.25 / 12;

  static final int MAX_TREND_MONTHS = 24;

  private TransactionFeatures() {}

  /**
   * Cleans {@code transactions} and builds the features.
   *
   * @throws InvalidInputException when a column is missing or of the wrong type, nothing is left
   *     after cleaning, or the reference day is not after the last purchase
   */
  public static FeatureResult build(
      Table transactions, TransactionColumns cols, TransactionFeatureOptions options) {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(cols, "cols");
    TransactionColumns used = options.rfmOnly() ? cols.withProduct(null) : cols;
    CleanTransactions tx = CleanTransactions.of(transactions, used, options.cancelPrefix());
    return build(tx, options);
  }

  /** Builds the features from already cleaned transactions. */
  public static FeatureResult build(CleanTransactions tx, TransactionFeatureOptions options) {
    Objects.requireNonNull(tx, "tx");
    Objects.requireNonNull(options, "options");
    int c = tx.customers();
    int[] cust = tx.customer();
    long[] day = tx.day();
    double[] amount = tx.amount();
    int[] order = tx.order();
    int rows = tx.size();

    long[] first = new long[c];
    long[] last = new long[c];
    java.util.Arrays.fill(first, Long.MAX_VALUE);
    java.util.Arrays.fill(last, Long.MIN_VALUE);
    double[] monetary = new double[c];
    double[] frequency = new double[c];
    LongIntMap orderSeen = new LongIntMap(Math.max(16, rows / 8));
    long prevKey = Long.MIN_VALUE;
    long maxDay = Long.MIN_VALUE;
    for (int r = 0; r < rows; r++) {
      int k = cust[r];
      long d = day[r];
      if (d < first[k]) first[k] = d;
      if (d > last[k]) last[k] = d;
      if (d > maxDay) maxDay = d;
      monetary[k] += amount[r];
      long key = orderKey(k, order == null ? -1 : order[r], d);
      if (key != prevKey) {
        if (orderSeen.add(key)) frequency[k]++;
        prevKey = key;
      }
    }
    long ref = referenceDay(options.referenceDay(), maxDay);
    double[] recency = new double[c];
    for (int k = 0; k < c; k++) recency[k] = ref - last[k];

    List<Feature> features = new ArrayList<>();
    features.add(
        Feature.derived(
            "recency", "days since last purchase", "days", FeatureRole.RECENCY, true, recency));
    features.add(
        Feature.derived("frequency", "orders", "", FeatureRole.FREQUENCY, true, frequency));
    features.add(
        Feature.derived("monetary", "total spend", "", FeatureRole.MONETARY, true, monetary));
    List<String> notes = new ArrayList<>(tx.report().notes());
    if (!options.rfmOnly()) addMore(tx, ref, first, last, monetary, frequency, features, notes);
    CleaningReport base = tx.report();
    CleaningReport report =
        new CleaningReport(
            base.table(),
            base.rowsRead(),
            base.dropped(),
            base.rowsKept(),
            base.customers(),
            base.imputed(),
            notes);
    return new FeatureResult(new FeatureTable(tx.customerIds(), features, null), report);
  }

  private static void addMore(
      CleanTransactions tx,
      long ref,
      long[] first,
      long[] last,
      double[] monetary,
      double[] frequency,
      List<Feature> features,
      List<String> notes) {
    int c = tx.customers();
    int[] cust = tx.customer();
    long[] day = tx.day();
    double[] amount = tx.amount();
    int[] product = tx.product();
    int rows = tx.size();
    double[] days = new double[c];
    double[] diversity = product == null ? null : new double[c];
    LongIntMap daySeen = new LongIntMap(Math.max(16, rows / 8));
    LongIntMap productSeen = product == null ? null : new LongIntMap(Math.max(16, rows / 2));
    long minDay = Long.MAX_VALUE;
    for (long f : first) minDay = Math.min(minDay, f);
    int months = (int) Math.min(MAX_TREND_MONTHS, Math.ceil((ref - minDay) / DAYS_PER_MONTH));
    double[] trendNum = new double[c];
    double[] windowSpend = new double[c];
    double centre = (months - 1) / 2.0;
    long prevDayKey = Long.MIN_VALUE;
    for (int r = 0; r < rows; r++) {
      int k = cust[r];
      long dayKey = ((long) k << 32) | (day[r] - minDay);
      if (dayKey != prevDayKey) {
        if (daySeen.add(dayKey)) days[k]++;
        prevDayKey = dayKey;
      }
      if (diversity != null && product[r] >= 0) {
        if (productSeen.add(((long) k << 32) | product[r])) diversity[k]++;
      }
      int back = (int) Math.floor((ref - day[r] - 1) / DAYS_PER_MONTH);
      if (back < months) {
        trendNum[k] += (months - 1 - back - centre) * amount[r];
        windowSpend[k] += amount[r];
      }
    }
    double[] tenure = new double[c];
    double[] aov = new double[c];
    double[] gap = new double[c];
    for (int k = 0; k < c; k++) {
      tenure[k] = ref - first[k];
      aov[k] = monetary[k] / frequency[k];
      gap[k] = days[k] >= 2 ? (double) (last[k] - first[k]) / (days[k] - 1) : tenure[k];
    }
    features.add(
        Feature.derived(
            "tenure", "days since first purchase", "days", FeatureRole.TENURE, false, tenure));
    features.add(
        Feature.derived("avgOrderValue", "average order", "", FeatureRole.ORDER_VALUE, true, aov));
    features.add(
        Feature.derived(
            "interPurchaseDays",
            "days between purchases",
            "days",
            FeatureRole.INTER_PURCHASE,
            true,
            gap));
    if (diversity != null) {
      features.add(
          Feature.derived(
              "productDiversity", "distinct products", "", FeatureRole.DIVERSITY, true, diversity));
    }
    if (months >= 3) {
      double denom = months * ((double) months * months - 1) / 12.0;
      double[] trend = new double[c];
      for (int k = 0; k < c; k++) {
        trend[k] = windowSpend[k] > 0 ? trendNum[k] / denom / (windowSpend[k] / months) : 0;
      }
      features.add(
          Feature.derived(
              "spendTrend", "spend trend", "per month", FeatureRole.SPEND_TREND, false, trend));
    } else {
      notes.add("spend trend left out: the data cover fewer than 3 months");
    }
  }

  /** Orders are (customer, invoice); without an invoice, (customer, day) with the top bit set. */
  private static long orderKey(int customer, int order, long day) {
    if (order >= 0) return ((long) customer << 32) | order;
    return Long.MIN_VALUE | ((long) customer << 32) | (day & 0xFFFF_FFFFL);
  }

  private static long referenceDay(LocalDate given, long maxDay) {
    if (given == null) return maxDay + 1;
    long r = given.toEpochDay();
    if (r <= maxDay) {
      throw InvalidInputException.in(null)
          .key("referenceDay")
          .expected("a day after the last purchase (" + LocalDate.ofEpochDay(maxDay) + ")")
          .found(given.toString())
          .build();
    }
    return r;
  }
}
