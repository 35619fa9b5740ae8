package io.marketlens.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The competitor section: the positioning map as an inline SVG scatter (ours highlighted, the
 * price-value frontier ringed, white-space regions numbered), nearest rivals, white space and the
 * frontier.
 */
final class CompetitorSection {

  private static final int W = 760;
  private static final int H = 480;
  private static final int PAD = 48;

  private CompetitorSection() {}

  static void render(StringBuilder h, JsonNode c) {
    h.append("<section id=\"competitors\"><h2>Competitor map</h2>");
    if (c.isMissingNode()) {
      h.append(
          "<p class=\"muted\">No competitor table was given, so there is no positioning map.</p></section>\n");
      return;
    }
    JsonNode axes = c.path("map").path("axes");
    JsonNode ax = axes.path(0);
    JsonNode ay = axes.path(1);
    h.append("<p>Horizontal axis: <b>")
        .append(Html.esc(ax.path("name").asText()))
        .append("</b> (")
        .append(pct(ax.path("explainedVariance").asDouble()))
        .append(" of the variance); vertical axis: <b>")
        .append(Html.esc(ay.path("name").asText()))
        .append("</b> (")
        .append(pct(ay.path("explainedVariance").asDouble()))
        .append("). ")
        .append(Html.esc(c.path("map").path("projection").asText().toUpperCase(Locale.ROOT)))
        .append(" of the standardised features.</p>");
    h.append(mapSvg(c));
    axisTable(h, ax, "horizontal");
    axisTable(h, ay, "vertical");
    rivals(h, c);
    whiteSpace(h, c.path("whiteSpace"));
    frontier(h, c.path("priceValue"));
    claims(h, c.path("claims"));
    for (JsonNode n : c.path("notes"))
      h.append("<p class=\"muted\">").append(Html.esc(n.asText())).append("</p>");
    h.append("</section>\n");
  }

  private static String mapSvg(JsonNode c) {
    JsonNode points = c.path("map").path("points");
    double minX = Double.MAX_VALUE,
        maxX = -Double.MAX_VALUE,
        minY = Double.MAX_VALUE,
        maxY = -Double.MAX_VALUE;
    for (JsonNode p : points) {
      minX = Math.min(minX, p.path("x").asDouble());
      maxX = Math.max(maxX, p.path("x").asDouble());
      minY = Math.min(minY, p.path("y").asDouble());
      maxY = Math.max(maxY, p.path("y").asDouble());
    }
    for (JsonNode w : c.path("whiteSpace")) {
      minX = Math.min(minX, w.path("x").asDouble());
      maxX = Math.max(maxX, w.path("x").asDouble());
      minY = Math.min(minY, w.path("y").asDouble());
      maxY = Math.max(maxY, w.path("y").asDouble());
    }
    double sx = (W - 2.0 * PAD) / Math.max(1e-9, maxX - minX);
    double sy = (H - 2.0 * PAD) / Math.max(1e-9, maxY - minY);
    Set<Integer> frontier = new HashSet<>();
    for (JsonNode f : c.path("priceValue").path("frontier")) frontier.add(f.path("index").asInt());
    StringBuilder s = new StringBuilder();
    s.append(
        String.format(
            Locale.ROOT,
            "<svg class=\"chart\" id=\"competitor-map\" role=\"img\" aria-label=\"competitor positioning map\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" xmlns=\"http://www.w3.org/2000/svg\" font-size=\"11\">",
            W,
            H,
            W,
            H));
    s.append(
        String.format(
            Locale.ROOT,
            "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#fbfcfe\" stroke=\"#dfe3ea\"/>",
            PAD / 2,
            PAD / 2,
            W - PAD,
            H - PAD));
    JsonNode ours = null;
    for (JsonNode p : points) {
      double x = PAD + (p.path("x").asDouble() - minX) * sx;
      double y = H - PAD - (p.path("y").asDouble() - minY) * sy;
      if (p.path("ours").asBoolean()) {
        ours = p;
        continue;
      }
      boolean onFrontier = frontier.contains(p.path("index").asInt());
      s.append(
          String.format(
              Locale.ROOT,
              "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"#2f6fde\" fill-opacity=\"0.55\"%s><title>%s%s</title></circle>",
              x,
              y,
              onFrontier ? " stroke=\"#1f9d55\" stroke-width=\"2\"" : "",
              Html.esc(p.path("name").asText()),
              onFrontier ? " (price-value frontier)" : ""));
    }
    for (JsonNode w : c.path("whiteSpace")) {
      double x = PAD + (w.path("x").asDouble() - minX) * sx;
      double y = H - PAD - (w.path("y").asDouble() - minY) * sy;
      s.append(
          String.format(
              Locale.ROOT,
              "<g><circle cx=\"%.1f\" cy=\"%.1f\" r=\"13\" fill=\"none\" stroke=\"#b4541a\" stroke-dasharray=\"3 2\"/><text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" fill=\"#b4541a\" font-weight=\"600\">%d</text><title>white space %d: %s</title></g>",
              x,
              y,
              x,
              y + 4,
              w.path("rank").asInt(),
              w.path("rank").asInt(),
              Html.esc(w.path("explanation").asText())));
    }
    if (ours != null) {
      double x = PAD + (ours.path("x").asDouble() - minX) * sx;
      double y = H - PAD - (ours.path("y").asDouble() - minY) * sy;
      s.append(
          String.format(
              Locale.ROOT,
              "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"7\" fill=\"#d9372b\"><title>%s (ours)</title></circle><text x=\"%.1f\" y=\"%.1f\" fill=\"#d9372b\" font-weight=\"600\">%s (ours)</text>",
              x,
              y,
              Html.esc(ours.path("name").asText()),
              x + 10,
              y - 8,
              Html.esc(ours.path("name").asText())));
    }
    JsonNode axes = c.path("map").path("axes");
    s.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#5b6475\">→ %s</text>",
            W / 2,
            H - 8,
            Html.esc(axes.path(0).path("name").asText())));
    s.append(
        String.format(
            Locale.ROOT,
            "<text x=\"12\" y=\"%d\" transform=\"rotate(-90 12 %d)\" text-anchor=\"middle\" fill=\"#5b6475\">→ %s</text>",
            H / 2,
            H / 2,
            Html.esc(axes.path(1).path("name").asText())));
    return s.append(
            "</svg><p class=\"muted\">Blue: products (green ring: on the price-value frontier); red: ours; dashed circles: white space, ranked.</p>")
        .toString();
  }

  private static void axisTable(StringBuilder h, JsonNode axis, String which) {
    h.append("<h3>")
        .append(which)
        .append(" axis: ")
        .append(Html.esc(axis.path("name").asText()))
        .append("</h3><p>")
        .append("<b>+</b> ")
        .append(Html.esc(axis.path("positive").path("description").asText()))
        .append("<br><b>−</b> ")
        .append(Html.esc(axis.path("negative").path("description").asText()))
        .append("</p>");
  }

  private static void rivals(StringBuilder h, JsonNode c) {
    h.append("<h3>Nearest rivals of ")
        .append(Html.esc(c.path("ours").asText("ours")))
        .append("</h3>");
    if (c.path("rivals").isEmpty()) {
      h.append(
          "<p class=\"muted\">No product is marked as ours (set <code>ours:</code> in the competitors section).</p>");
      return;
    }
    h.append(
        "<table><thead><tr><th class=\"n\">#</th><th>rival</th><th class=\"n\">distance</th><th class=\"n\">price</th><th>how it differs</th></tr></thead><tbody>");
    for (JsonNode r : c.path("rivals")) {
      h.append("<tr><td class=\"n\">")
          .append(r.path("rank").asInt())
          .append("</td><td>")
          .append(Html.esc(r.path("name").asText()))
          .append("</td><td class=\"n\">")
          .append(String.format(Locale.ROOT, "%.2f", r.path("distance").asDouble()))
          .append("</td><td class=\"n\">")
          .append(r.path("price").isNumber() ? Html.num(r.path("price").asDouble()) : "–")
          .append("</td><td>")
          .append(Html.esc(r.path("summary").asText()))
          .append("</td></tr>");
    }
    h.append("</tbody></table>");
  }

  private static void whiteSpace(StringBuilder h, JsonNode ws) {
    h.append("<h3 id=\"white-space\">White space</h3>");
    if (ws.isEmpty()) {
      h.append("<p class=\"muted\">No region of the map has demand without a nearby product.</p>");
      return;
    }
    h.append(
        "<table><thead><tr><th class=\"n\">rank</th><th class=\"n\">score</th><th>what would fill it</th></tr></thead><tbody>");
    for (JsonNode w : ws) {
      h.append("<tr><td class=\"n\">")
          .append(w.path("rank").asInt())
          .append("</td><td class=\"n\">")
          .append(String.format(Locale.ROOT, "%.2f", w.path("score").asDouble()))
          .append("</td><td>")
          .append(Html.esc(w.path("explanation").asText()))
          .append("</td></tr>");
    }
    h.append("</tbody></table>");
  }

  private static void frontier(StringBuilder h, JsonNode pv) {
    if (pv.isMissingNode() || pv.isNull()) return;
    h.append(
            "<h3>Price-value frontier</h3><p>Value = the price the market charges for a product's feature bundle (ridge regression of ")
        .append(Html.esc(pv.path("priceColumn").asText()))
        .append(" on the other features, R² ")
        .append(String.format(Locale.ROOT, "%.3f", pv.path("rSquared").asDouble()))
        .append(", leave-one-out R² ")
        .append(String.format(Locale.ROOT, "%.3f", pv.path("looRSquared").asDouble()))
        .append(
            "). A product is on the frontier when no other offers as much value for less.</p><table><thead><tr><th>product</th><th class=\"n\">price</th><th class=\"n\">value</th><th class=\"n\">value for money</th></tr></thead><tbody>");
    for (JsonNode p : pv.path("frontier")) {
      h.append("<tr><td>")
          .append(Html.esc(p.path("name").asText()))
          .append("</td><td class=\"n\">")
          .append(Html.num(p.path("price").asDouble()))
          .append("</td><td class=\"n\">")
          .append(Html.num(p.path("value").asDouble()))
          .append("</td><td class=\"n\">")
          .append(Html.num(p.path("valueForMoney").asDouble()))
          .append("</td></tr>");
    }
    h.append("</tbody></table>");
  }

  private static void claims(StringBuilder h, JsonNode cl) {
    h.append("<h3 id=\"claims\">Marketing claims</h3>");
    if (cl.isMissingNode() || cl.isNull()) {
      h.append(
          "<p class=\"muted\">No claims text was given (name a <code>claims</code> column in the competitors section to compare marketing claims).</p>");
      return;
    }
    h.append(
            "<p>Overlap = mean over our claims of the closest competitor claim (cosine of sentence embeddings, same language only); a claim counts as the same at cosine ≥ ")
        .append(String.format(Locale.ROOT, "%.2f", cl.path("englishThreshold").asDouble()))
        .append(" (English) or ")
        .append(String.format(Locale.ROOT, "%.2f", cl.path("chineseThreshold").asDouble()))
        .append(" (Chinese).</p>");
    h.append(
        "<table><thead><tr><th class=\"n\">#</th><th>competitor</th><th class=\"n\">overlap</th><th class=\"n\">our claims they also make</th><th>closest pair</th></tr></thead><tbody>");
    for (JsonNode o : cl.path("competitors")) {
      JsonNode best = o.path("bestMatches").path(0);
      h.append("<tr><td class=\"n\">")
          .append(o.path("rank").asInt())
          .append("</td><td>")
          .append(Html.esc(o.path("competitor").asText()))
          .append("</td><td class=\"n\">")
          .append(String.format(Locale.ROOT, "%.2f", o.path("overlap").asDouble()))
          .append("</td><td class=\"n\">")
          .append(pct(o.path("coverage").asDouble()))
          .append("</td><td>")
          .append(
              best.isMissingNode()
                  ? ""
                  : "“"
                      + Html.esc(best.path("ourClaim").asText())
                      + "” ~ “"
                      + Html.esc(best.path("theirClaim").asText())
                      + "”")
          .append("</td></tr>");
    }
    h.append("</tbody></table><p><b>Claims only we make:</b></p><ul>");
    for (JsonNode u : cl.path("uniqueClaims")) {
      h.append("<li>")
          .append(Html.esc(u.path("claim").asText()))
          .append(" <span class=\"muted\">(closest: ")
          .append(Html.esc(u.path("closestCompetitor").asText()))
          .append(String.format(Locale.ROOT, ", %.2f)", u.path("closestCosine").asDouble()))
          .append("</span></li>");
    }
    if (cl.path("uniqueClaims").isEmpty())
      h.append("<li class=\"muted\">none: every claim of ours is made by a competitor too</li>");
    h.append("</ul><p><b>Claims most competitors make:</b></p><ul>");
    for (JsonNode sc : cl.path("sharedClaims")) {
      h.append("<li>")
          .append(Html.esc(sc.path("claim").asText()))
          .append(" <span class=\"muted\">(")
          .append(pct(sc.path("share").asDouble()))
          .append(" of competitors")
          .append(
              sc.path("ourClaim").isNull() || sc.path("ourClaim").isMissingNode()
                  ? "; not ours"
                  : "; ours too")
          .append(")</span></li>");
    }
    h.append("</ul>");
  }

  private static String pct(double v) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * v);
  }
}
