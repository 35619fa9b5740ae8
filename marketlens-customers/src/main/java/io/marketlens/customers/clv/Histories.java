package io.marketlens.customers.clv;

import io.marketlens.customers.features.CleanTransactions;
import java.util.Arrays;

/**
 * Each customer's distinct purchase days (ascending) with the day's total spend: the unit of the
 * BG/NBD and Gamma-Gamma models ("a purchase" is a day with spend, as in the lifetimes library).
 */
final class Histories {

  final int customers;

  /** days[start[c] .. start[c+1]) are customer c's purchase days, ascending. */
  final int[] start;

  final long[] days;
  final double[] spend;
  final long lastDay;

  private Histories(int customers, int[] start, long[] days, double[] spend, long lastDay) {
    this.customers = customers;
    this.start = start;
    this.days = days;
    this.spend = spend;
    this.lastDay = lastDay;
  }

  static Histories of(CleanTransactions tx) {
    int n = tx.size();
    int[] cust = tx.customer();
    long[] day = tx.day();
    double[] amount = tx.amount();
    long minDay = Long.MAX_VALUE;
    long maxDay = Long.MIN_VALUE;
    for (long d : day) {
      minDay = Math.min(minDay, d);
      maxDay = Math.max(maxDay, d);
    }
    // Sort lines by (customer, day) through one packed key, then merge equal keys.
    long[] key = new long[n];
    for (int i = 0; i < n; i++) key[i] = ((long) cust[i] << 32) | (day[i] - minDay);
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) order[i] = i;
    Arrays.sort(order, (a, b) -> Long.compare(key[a], key[b]));
    int c = tx.customers();
    int[] start = new int[c + 1];
    long[] days = new long[n];
    double[] spend = new double[n];
    int m = -1;
    long prev = Long.MIN_VALUE;
    for (int r = 0; r < n; r++) {
      int i = order[r];
      if (key[i] != prev) {
        m++;
        days[m] = day[i];
        start[cust[i] + 1] = m + 1;
        prev = key[i];
      }
      spend[m] += amount[i];
    }
    // start[c+1] holds the end of customer c; turn it into starts (every customer has a line).
    for (int k = 1; k <= c; k++) start[k] = Math.max(start[k], start[k - 1]);
    return new Histories(c, start, Arrays.copyOf(days, m + 1), Arrays.copyOf(spend, m + 1), maxDay);
  }

  long firstDay(int c) {
    return days[start[c]];
  }

  /**
   * The customer's summary over the days before {@code end}, or null when the first purchase is not
   * before it. T = end - first day, tx = last day - first day.
   */
  RepeatSummary summary(int c, long end) {
    int s = start[c];
    int e = start[c + 1];
    if (s >= e || days[s] >= end) return null;
    long first = days[s];
    int x = 0;
    double repeatSpend = 0;
    long last = first;
    for (int j = s + 1; j < e && days[j] < end; j++) {
      x++;
      repeatSpend += spend[j];
      last = days[j];
    }
    return new RepeatSummary(x, last - first, end - first, x > 0 ? repeatSpend / x : 0);
  }

  /** Purchase days in [from, to) and their spend: {count, spend}. */
  double[] between(int c, long from, long to) {
    double count = 0;
    double total = 0;
    for (int j = start[c]; j < start[c + 1]; j++) {
      if (days[j] >= from && days[j] < to) {
        count++;
        total += spend[j];
      }
    }
    return new double[] {count, total};
  }
}
