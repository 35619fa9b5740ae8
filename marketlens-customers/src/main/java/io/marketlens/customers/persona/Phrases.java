package io.marketlens.customers.persona;

import io.marketlens.customers.features.Feature;
import io.marketlens.customers.features.FeatureContrast;
import io.marketlens.customers.features.FeatureKind;
import java.util.Locale;
import java.util.Set;

/**
 * The plain words for a feature's contrast ("tenure 4 months vs 32 overall") and its direction
 * ("low tenure"). Numbers: whole with thousands separators from 10 up, one decimal below; shares as
 * whole percentages. Deterministic and locale-independent.
 */
public final class Phrases {

  private static final Set<String> YES = Set.of("yes", "true", "y", "1");
  private static final Set<String> NO = Set.of("no", "false", "n", "0", "none");

  private Phrases() {}

  /** The contrast of {@code feature} in a group, with its text and trait filled in. */
  public static FeatureContrast contrast(
      Feature feature, double group, double overall, double standardisedDifference) {
    return new FeatureContrast(
        feature.name(),
        feature.role(),
        feature.kind(),
        group,
        overall,
        standardisedDifference,
        text(feature, group, overall),
        trait(feature, standardisedDifference >= 0));
  }

  static String text(Feature f, double g, double o) {
    if (f.kind() == FeatureKind.BINARY) {
      return f.description() + " " + percent(g) + " vs " + percent(o) + " overall";
    }
    if (f.kind() == FeatureKind.LEVEL) {
      return levelPhrase(f, true) + " " + percent(g) + " vs " + percent(o) + " overall";
    }
    String v = number(g);
    String w = number(o);
    return switch (f.role()) {
      case RECENCY ->
          "last purchase " + v + plural(v, " day", " days") + " ago vs " + w + " overall";
      case FREQUENCY -> v + plural(v, " order", " orders") + " vs " + w + " overall";
      case MONETARY -> "total spend " + v + " vs " + w + " overall";
      case TENURE -> "customer for " + v + " " + unitOr(f, "days") + " vs " + w + " overall";
      case ORDER_VALUE -> "average order " + v + " vs " + w + " overall";
      case INTER_PURCHASE ->
          v + plural(v, " day", " days") + " between purchases vs " + w + " overall";
      case DIVERSITY -> v + " distinct products vs " + w + " overall";
      case SPEND_TREND ->
          "spend trend " + signedPercent(g) + " a month vs " + signedPercent(o) + " overall";
      case LIFETIME_VALUE -> f.description() + " " + v + " vs " + w + " overall";
      case OTHER ->
          f.description()
              + " "
              + v
              + (f.unit().isEmpty() ? "" : " " + f.unit())
              + " vs "
              + w
              + " overall";
    };
  }

  static String trait(Feature f, boolean higher) {
    if (f.kind() == FeatureKind.BINARY) {
      return higher ? f.description() : "no " + f.description();
    }
    if (f.kind() == FeatureKind.LEVEL) {
      return levelPhrase(f, higher);
    }
    return switch (f.role()) {
      case RECENCY -> higher ? "lapsed" : "recent";
      case FREQUENCY -> higher ? "frequent" : "infrequent";
      case MONETARY -> higher ? "high-spending" : "low-spending";
      case TENURE -> higher ? "long-standing" : "new";
      case ORDER_VALUE -> higher ? "big baskets" : "small baskets";
      case INTER_PURCHASE -> higher ? "slow to return" : "quick to return";
      case DIVERSITY -> higher ? "wide range" : "narrow range";
      case SPEND_TREND -> higher ? "growing spend" : "shrinking spend";
      case LIFETIME_VALUE -> higher ? "high value" : "low value";
      case OTHER -> (higher ? "high " : "low ") + f.description();
    };
  }

  /** "Contract Month-to-month", "OnlineSecurity" for a yes level, "no OnlineSecurity" for a no. */
  private static String levelPhrase(Feature f, boolean present) {
    String level = f.level();
    String source = f.source() == null ? f.description() : f.source();
    String l = level.trim().toLowerCase(Locale.ROOT);
    String phrase;
    if (YES.contains(l)) phrase = source;
    else if (NO.contains(l)) phrase = "no " + source;
    else phrase = source + " " + level;
    return present ? phrase : "not " + phrase;
  }

  private static String plural(String number, String one, String many) {
    return number.equals("1") ? one : many;
  }

  private static String unitOr(Feature f, String fallback) {
    return f.unit().isEmpty() ? fallback : f.unit();
  }

  /** 1,234 from 10 up; 2.5 or 3 below. */
  public static String number(double v) {
    if (Math.abs(v) >= 9.95) return String.format(Locale.ROOT, "%,d", Math.round(v));
    String s = String.format(Locale.ROOT, "%.1f", v);
    return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
  }

  /** A share 0..1 as a whole percentage: "37%". */
  public static String percent(double share) {
    return String.format(Locale.ROOT, "%d%%", Math.round(100 * share));
  }

  private static String signedPercent(double share) {
    long p = Math.round(100 * share);
    return (p > 0 ? "+" : "") + p + "%";
  }
}
