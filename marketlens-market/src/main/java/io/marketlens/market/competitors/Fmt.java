package io.marketlens.market.competitors;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/** Number formatting for the plain-language texts, always in {@link Locale#ROOT}. */
final class Fmt {

  private Fmt() {}

  /** Three significant figures, thousands grouped: 14523 → "14,500", 2.684 → "2.68". */
  static String approx(double v) {
    if (!Double.isFinite(v)) return "?";
    if (v == 0) return "0";
    BigDecimal b = new BigDecimal(v).round(new MathContext(3, RoundingMode.HALF_EVEN));
    if (Math.abs(b.doubleValue()) >= 1000) {
      return String.format(Locale.ROOT, "%,d", b.setScale(0, RoundingMode.HALF_EVEN).longValue());
    }
    return b.stripTrailingZeros().toPlainString();
  }

  /** A plain number without grouping, as short as possible: 8.0 → "8", 1.37 → "1.37". */
  static String plain(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  /** Two decimals: 0.8712 → "0.87". */
  static String two(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }

  /** A whole percentage: 0.4 → "40 %". */
  static String percent(double ratio) {
    return String.format(Locale.ROOT, "%.0f %%", 100 * ratio);
  }
}
