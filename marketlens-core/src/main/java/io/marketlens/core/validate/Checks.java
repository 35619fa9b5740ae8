package io.marketlens.core.validate;

import java.util.Collection;
import java.util.Locale;

/** Guard clauses for public entry points, and the "did you mean" suggestion used in messages. */
public final class Checks {

  private Checks() {}

  public static void requireArgument(boolean condition, String message, Object... args) {
    if (!condition) throw new IllegalArgumentException(String.format(Locale.ROOT, message, args));
  }

  public static void requireState(boolean condition, String message, Object... args) {
    if (!condition) throw new IllegalStateException(String.format(Locale.ROOT, message, args));
  }

  /**
   * The candidate closest to {@code given} by edit distance (case-insensitive), or null when none
   * is close enough to be a plausible typo (distance above a third of the longer name, at least 2).
   */
  public static String closest(String given, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String g = given.toLowerCase(Locale.ROOT);
    for (String c : candidates) {
      int d = editDistance(g, c.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        bestDistance = d;
        best = c;
      }
    }
    if (best == null) return null;
    int allowed = Math.max(2, Math.max(given.length(), best.length()) / 3);
    return bestDistance <= allowed ? best : null;
  }

  /** "did you mean 'x'?" or, when nothing is close, the list of valid names. */
  public static String suggestion(String given, Collection<String> candidates) {
    String c = closest(given, candidates);
    if (c != null) return "did you mean '" + c + "'?";
    if (candidates.size() <= 12) return "valid: " + String.join(", ", candidates);
    return candidates.size() + " valid names; run with --help or see docs/project-file.md";
  }

  static int editDistance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) prev[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
