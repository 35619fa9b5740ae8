package io.marketlens.report;

import java.util.Locale;

/** Small helpers to build HTML text safely. */
final class Html {

  private Html() {}

  /** Escapes text for use inside HTML elements and double-quoted attributes. */
  static String esc(String s) {
    if (s == null) return "";
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** A number as shown in the report: integers plainly, others with up to 2 decimals. */
  static String num(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.format(Locale.ROOT, "%,d", (long) v);
    return String.format(Locale.ROOT, "%,.2f", v);
  }
}
