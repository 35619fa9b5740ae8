package io.marketlens.core.io;

/**
 * Parses integers and decimals straight from characters, without creating a {@code String}. A
 * number is an optional sign, digits with an optional decimal point, and an optional exponent; a
 * leading zero followed by more digits ({@code 007}, a code or zip code rather than a quantity) is
 * not a number. Decimals with at most 15 significant digits and a small exponent are computed
 * exactly (Clinger's fast path: both operands are exact doubles, so one division or multiplication
 * rounds correctly); others go through {@link Double#parseDouble}.
 *
 * <p>Not thread-safe: the parsed value is kept in a field.
 */
final class NumberParser {

  private static final double[] POW10 = new double[23];

  static {
    POW10[0] = 1;
    for (int i = 1; i < POW10.length; i++) POW10[i] = POW10[i - 1] * 10;
  }

  private long longValue;
  private double doubleValue;

  long longValue() {
    return longValue;
  }

  double doubleValue() {
    return doubleValue;
  }

  /** Parses {@code b[s..e)} (already trimmed) as a long; false when it is not one or overflows. */
  boolean parseLong(char[] b, int s, int e) {
    if (s >= e) return false;
    boolean negative = false;
    char c = b[s];
    if (c == '-' || c == '+') {
      negative = c == '-';
      if (++s == e) return false;
    }
    if (b[s] == '0' && e - s > 1) return false;
    long v = 0;
    for (int i = s; i < e; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) return false;
      if (v < -922337203685477580L || (v == -922337203685477580L && d > 8)) return false;
      v = v * 10 - d;
    }
    if (!negative && v == Long.MIN_VALUE) return false;
    longValue = negative ? v : -v;
    return true;
  }

  /** Parses {@code b[s..e)} (already trimmed) as a finite or infinite-free decimal. */
  boolean parseDouble(char[] b, int s, int e) {
    int i = s;
    boolean negative = false;
    if (i < e && (b[i] == '-' || b[i] == '+')) negative = b[i++] == '-';
    int intStart = i;
    long mantissa = 0;
    int digits = 0;
    int scale = 0;
    while (i < e && b[i] >= '0' && b[i] <= '9') {
      digits = accumulate(digits, b[i++]);
      if (digits <= 19) mantissa = mantissa * 10 + (b[i - 1] - '0');
      else scale++;
    }
    int intDigits = i - intStart;
    if (intDigits > 1 && b[intStart] == '0') return false;
    int fracDigits = 0;
    if (i < e && b[i] == '.') {
      i++;
      int fracStart = i;
      while (i < e && b[i] >= '0' && b[i] <= '9') {
        digits = accumulate(digits, b[i++]);
        if (digits <= 19 && digits > 0) {
          mantissa = mantissa * 10 + (b[i - 1] - '0');
          scale--;
        } else if (digits == 0) {
          scale--;
        }
      }
      fracDigits = i - fracStart;
    }
    if (intDigits + fracDigits == 0) return false;
    int exponent = 0;
    if (i < e && (b[i] == 'e' || b[i] == 'E')) {
      i++;
      boolean expNegative = false;
      if (i < e && (b[i] == '-' || b[i] == '+')) expNegative = b[i++] == '-';
      int expStart = i;
      while (i < e && b[i] >= '0' && b[i] <= '9') {
        if (exponent < 100_000) exponent = exponent * 10 + (b[i] - '0');
        i++;
      }
      if (i == expStart) return false;
      if (expNegative) exponent = -exponent;
    }
    if (i != e) return false;
    double v;
    int power = scale + exponent;
    if (digits <= 15 && power >= -22 && power <= 22) {
      v = power >= 0 ? mantissa * POW10[power] : mantissa / POW10[-power];
    } else {
      v = Double.parseDouble(new String(b, intStart, e - intStart));
      if (Double.isInfinite(v)) return false;
    }
    doubleValue = negative ? -v : v;
    return true;
  }

  /** Counts significant digits: leading zeros do not count. */
  private static int accumulate(int digits, char c) {
    return digits == 0 && c == '0' ? 0 : digits + 1;
  }

  /** Whether {@code b[s..e)} spells a non-finite number: inf, infinity or nan, with any sign. */
  static boolean isNonFinite(char[] b, int s, int e) {
    if (s < e && (b[s] == '-' || b[s] == '+')) s++;
    int n = e - s;
    if (n != 3 && n != 8) return false;
    String t = new String(b, s, n);
    return t.equalsIgnoreCase("inf") || t.equalsIgnoreCase("infinity") || t.equalsIgnoreCase("nan");
  }
}
