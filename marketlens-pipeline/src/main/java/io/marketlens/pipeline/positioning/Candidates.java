package io.marketlens.pipeline.positioning;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the parts of a positioning option out of the results tree: target segments (from
 * customers), differentiators (white space and unique claims from competitors) and the market
 * trend. Every number keeps the JSON pointer it came from, so evidence can cite it.
 */
final class Candidates {

  /** A target segment and the evidence for it. */
  record Segment(
      String label,
      String need,
      String link,
      List<Evidence> evidence,
      double value,
      Double churnRate,
      double share) {}

  /** What could set the product apart, the alternatives it is against, and its evidence. */
  record Differentiator(
      String kind,
      String benefit,
      List<String> alternatives,
      String link,
      List<Evidence> evidence,
      double unmetNeed,
      double gap,
      String disprove) {}

  /** The market's direction over the forecast horizon. */
  record Trend(String series, double growth, Evidence evidence) {}

  private Candidates() {}

  static List<Segment> segments(JsonNode results) {
    List<Segment> out = new ArrayList<>();
    JsonNode segs = results.path("customers").path("segments");
    String origin =
        "hdbscan".equals(results.path("customers").path("segmentation").path("method").asText())
            ? "customer segmentation (HDBSCAN)"
            : "customer segmentation (k-means)";
    for (int i = 0; i < segs.size(); i++) {
      JsonNode s = segs.get(i);
      String at = "/customers/segments/" + i;
      String link = "#segment-" + s.path("id").asText(Integer.toString(i));
      List<Evidence> ev = new ArrayList<>();
      double share = s.path("share").asDouble();
      ev.add(
          new Evidence(
              "share of customers in " + s.path("label").asText(),
              share,
              "share",
              at + "/share",
              origin,
              link));
      double value = 1;
      if (s.path("clv").isNumber()) {
        value = s.path("clv").asDouble();
        ev.add(
            new Evidence(
                "mean predicted lifetime value",
                value,
                "currency",
                at + "/clv",
                "BG/NBD + Gamma-Gamma model",
                link));
      } else if (s.path("monetary").isNumber()) {
        value = s.path("monetary").asDouble();
        ev.add(
            new Evidence(
                "mean spend per customer",
                value,
                "currency",
                at + "/monetary",
                "transactions table",
                link));
      }
      Double churn = null;
      if (s.path("churnRate").isNumber()) {
        churn = s.path("churnRate").asDouble();
        ev.add(
            new Evidence(
                "churn rate in the segment",
                churn,
                "share",
                at + "/churnRate",
                "customers table, churn label",
                link));
      }
      String need = s.path("need").asText(s.path("persona").asText(""));
      out.add(
          new Segment(s.path("label").asText("segment " + i), need, link, ev, value, churn, share));
    }
    return out;
  }

  static List<Differentiator> differentiators(JsonNode results) {
    List<Differentiator> out = new ArrayList<>();
    JsonNode ws = results.path("competitors").path("whiteSpace");
    for (int i = 0; i < ws.size() && i < 3; i++) {
      JsonNode w = ws.get(i);
      String at = "/competitors/whiteSpace/" + i;
      String explanation = w.path("explanation").asText();
      String offer =
          explanation.contains(";")
              ? explanation.substring(0, explanation.indexOf(';'))
              : explanation;
      List<String> between = new ArrayList<>();
      w.path("between").forEach(b -> between.add(b.asText()));
      // spacing = distance to the nearest product in typical nearest-neighbour spacings.
      double gap = Math.min(1, Math.max(0, w.path("spacing").asDouble()) / 4);
      List<Evidence> ev = new ArrayList<>();
      ev.add(
          new Evidence(
              "white-space score of region " + w.path("rank").asInt(),
              w.path("score").asDouble(),
              "score",
              at + "/score",
              "competitor map: demand × distance to supply",
              "#white-space"));
      ev.add(
          new Evidence(
              "distance from region "
                  + w.path("rank").asInt()
                  + " to the nearest product, in typical product spacings",
              w.path("spacing").asDouble(),
              "ratio",
              at + "/spacing",
              "competitor map (PCA of the product table)",
              "#competitors"));
      String disprove =
          String.format(
              Locale.ROOT,
              "a competitor launches within %.2f map units of white-space region %d (%s)",
              w.path("nearestDistance").asDouble(),
              w.path("rank").asInt(),
              String.join(" / ", between));
      out.add(
          new Differentiator(
              "white space",
              "offers " + stripArticle(offer),
              between,
              "#white-space",
              ev,
              clamp(w.path("score").asDouble()),
              gap,
              disprove));
    }
    JsonNode themes = results.path("voc").path("themes");
    List<Integer> negative = new ArrayList<>();
    for (int i = 0; i < themes.size(); i++) {
      JsonNode th = themes.get(i);
      if (th.path("sharePositive").isNumber()
          && th.path("sharePositive").asDouble() < 0.5
          && th.path("share").asDouble() >= 0.05) {
        negative.add(i);
      }
    }
    negative.sort(
        (a, b) ->
            Double.compare(
                themes.get(a).path("sharePositive").asDouble(),
                themes.get(b).path("sharePositive").asDouble()));
    for (int k = 0; k < negative.size() && k < 3; k++) {
      int i = negative.get(k);
      JsonNode th = themes.get(i);
      String at = "/voc/themes/" + i;
      String link = "#theme-" + th.path("id").asInt();
      List<Evidence> ev = new ArrayList<>();
      ev.add(
          new Evidence(
              "share of reviews about '" + th.path("label").asText() + "'",
              th.path("share").asDouble(),
              "share",
              at + "/share",
              "review themes (sentence embeddings, k-means, c-TF-IDF)",
              link));
      ev.add(
          new Evidence(
              "share of those reviews that are positive",
              th.path("sharePositive").asDouble(),
              "share",
              at + "/sharePositive",
              "sentiment model on the reviews",
              link));
      out.add(
          new Differentiator(
              "unmet need",
              "gets '" + th.path("label").asText() + "' right, which reviewers complain about",
              List.of(),
              link,
              ev,
              clamp(1 - th.path("sharePositive").asDouble()),
              0.5,
              "reviews about '"
                  + th.path("label").asText()
                  + "' turn positive without us (now "
                  + Math.round(100 * th.path("sharePositive").asDouble())
                  + "% positive)"));
    }
    JsonNode unique = results.path("competitors").path("claims").path("uniqueClaims");
    for (int i = 0; i < unique.size() && i < 3; i++) {
      JsonNode u = unique.get(i);
      String at = "/competitors/claims/uniqueClaims/" + i;
      List<Evidence> ev = new ArrayList<>();
      ev.add(
          new Evidence(
              "closest competitor claim to '" + u.path("claim").asText() + "' (cosine)",
              u.path("closestCosine").asDouble(),
              "cosine",
              at + "/closestCosine",
              "sentence embeddings of marketing claims",
              "#claims"));
      List<String> alternatives =
          u.hasNonNull("closestCompetitor")
              ? List.of(u.path("closestCompetitor").asText())
              : List.of();
      out.add(
          new Differentiator(
              "unique claim",
              "promises " + lowerFirst(u.path("claim").asText().replaceAll("[.。!！]+$", "")),
              alternatives,
              "#claims",
              ev,
              0.5,
              clamp(1 - u.path("closestCosine").asDouble()),
              "a competitor starts making the claim '" + u.path("claim").asText() + "'"));
    }
    return out;
  }

  /** Rivals of ours, for options whose differentiator names no alternative. */
  static List<String> rivals(JsonNode results) {
    List<String> names = new ArrayList<>();
    for (JsonNode r : results.path("competitors").path("rivals"))
      if (names.size() < 2) names.add(r.path("name").asText());
    return names;
  }

  static Trend trend(JsonNode results) {
    JsonNode fc = results.path("market").path("forecasts");
    if (fc.isEmpty()) return null;
    JsonNode f = fc.get(0);
    JsonNode t = f.path("trend");
    if (!t.path("growth").isNumber()) return null;
    return new Trend(
        f.path("series").asText(),
        t.path("growth").asDouble(),
        new Evidence(
            "forecast growth of "
                + f.path("series").asText()
                + " over the next "
                + f.path("horizon").asInt()
                + " periods vs the last "
                + f.path("horizon").asInt(),
            t.path("growth").asDouble(),
            "share",
            "/market/forecasts/0/trend/growth",
            "forecast (" + f.path("method").asText() + ")",
            "#forecast-" + f.path("series").asText()));
  }

  static double clamp(double v) {
    return Math.max(0, Math.min(1, v));
  }

  private static String stripArticle(String s) {
    return s.startsWith("a product with ") ? s.substring("a product with ".length()) : s;
  }

  private static String lowerFirst(String s) {
    return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }
}
