package io.marketlens.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * The market section: per series an inline SVG chart of the recent history and the forecast with
 * its 80 % and 95 % intervals, and the backtest beside the seasonal-naive baseline.
 */
final class MarketSection {

  private static final int W = 760;
  private static final int H = 260;
  private static final int PAD = 44;

  private MarketSection() {}

  static void render(StringBuilder h, JsonNode market) {
    h.append("<section id=\"market\"><h2>Market forecasts</h2>");
    if (market.isMissingNode()) {
      h.append(
          "<p class=\"muted\">No market series was given, so there is no forecast.</p></section>\n");
      return;
    }
    for (JsonNode f : market.path("forecasts")) {
      String series = f.path("series").asText();
      h.append("<h3 id=\"forecast-")
          .append(Html.esc(series))
          .append("\">")
          .append(Html.esc(series))
          .append(" <span class=\"muted\">")
          .append(Html.esc(f.path("frequency").asText()))
          .append(", ")
          .append(f.path("horizon").asInt())
          .append(" steps ahead</span></h3>");
      h.append(chart(f));
      JsonNode b = f.path("backtest");
      h.append("<p>Method: <b>")
          .append(Html.esc(f.path("method").asText()))
          .append("</b> <span class=\"muted\">")
          .append(Html.esc(f.path("model").asText()))
          .append("</span>.");
      if (b.has("smape")) {
        h.append(
            String.format(
                Locale.ROOT,
                " Rolling-origin backtest (%d origins): sMAPE %.2f, MASE %.3f",
                b.path("origins").asInt(),
                b.path("smape").asDouble(),
                b.path("mase").asDouble()));
      }
      if (b.has("seasonalNaive")) {
        h.append(
            String.format(
                Locale.ROOT,
                "; seasonal naive: sMAPE %.2f, MASE %.3f; skill %.1f%%.",
                b.path("seasonalNaive").path("smape").asDouble(),
                b.path("seasonalNaive").path("mase").asDouble(),
                100 * b.path("skill").asDouble()));
      }
      h.append("</p>");
      for (JsonNode n : f.path("notes"))
        h.append("<p class=\"muted\">").append(Html.esc(n.asText())).append("</p>");
      h.append(
          "<table><thead><tr><th>time</th><th class=\"n\">forecast</th><th class=\"n\">80 % interval</th><th class=\"n\">95 % interval</th></tr></thead><tbody>");
      for (JsonNode p : f.path("points")) {
        h.append("<tr><td>")
            .append(Html.esc(p.path("time").asText()))
            .append("</td><td class=\"n\">")
            .append(Html.num(p.path("value").asDouble()))
            .append("</td><td class=\"n\">")
            .append(Html.num(p.path("lo80").asDouble()))
            .append(" – ")
            .append(Html.num(p.path("hi80").asDouble()))
            .append("</td><td class=\"n\">")
            .append(Html.num(p.path("lo95").asDouble()))
            .append(" – ")
            .append(Html.num(p.path("hi95").asDouble()))
            .append("</td></tr>");
      }
      h.append("</tbody></table>");
    }
    h.append("</section>\n");
  }

  private static String chart(JsonNode f) {
    JsonNode hist = f.path("history");
    JsonNode pts = f.path("points");
    int n = hist.size() + pts.size();
    double lo = Double.MAX_VALUE;
    double hi = -Double.MAX_VALUE;
    for (JsonNode p : hist) {
      lo = Math.min(lo, p.path("value").asDouble());
      hi = Math.max(hi, p.path("value").asDouble());
    }
    for (JsonNode p : pts) {
      lo = Math.min(lo, p.path("lo95").asDouble());
      hi = Math.max(hi, p.path("hi95").asDouble());
    }
    if (hi <= lo) hi = lo + 1;
    double sx = (W - 2.0 * PAD) / Math.max(1, n - 1);
    double sy = (H - 2.0 * PAD) / (hi - lo);
    StringBuilder s = new StringBuilder();
    s.append(
        String.format(
            Locale.ROOT,
            "<svg class=\"chart forecast-chart\" role=\"img\" aria-label=\"forecast of %s\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" xmlns=\"http://www.w3.org/2000/svg\" font-size=\"11\">",
            Html.esc(f.path("series").asText()),
            W,
            H,
            W,
            H));
    s.append(band(pts, hist.size(), sx, sy, lo, "lo95", "hi95", "#dbe6fb"));
    s.append(band(pts, hist.size(), sx, sy, lo, "lo80", "hi80", "#b7cdf6"));
    StringBuilder line = new StringBuilder();
    int i = 0;
    for (JsonNode p : hist)
      line.append(i++ == 0 ? "M" : "L").append(xy(i - 1, p.path("value").asDouble(), sx, sy, lo));
    s.append("<path d=\"")
        .append(line)
        .append("\" fill=\"none\" stroke=\"#1d2330\" stroke-width=\"1.5\"/>");
    StringBuilder fc = new StringBuilder();
    if (hist.size() > 0)
      fc.append("M")
          .append(
              xy(hist.size() - 1, hist.get(hist.size() - 1).path("value").asDouble(), sx, sy, lo));
    int k = hist.size();
    for (JsonNode p : pts)
      fc.append(fc.length() == 0 ? "M" : "L")
          .append(xy(k++, p.path("value").asDouble(), sx, sy, lo));
    s.append("<path d=\"")
        .append(fc)
        .append("\" fill=\"none\" stroke=\"#2f6fde\" stroke-width=\"2\"/>");
    s.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%d\" fill=\"#5b6475\">%s</text>",
            PAD,
            H - 12,
            Html.esc(hist.size() > 0 ? hist.get(0).path("time").asText() : "")));
    s.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" fill=\"#5b6475\">%s</text>",
            W - PAD,
            H - 12,
            Html.esc(pts.size() > 0 ? pts.get(pts.size() - 1).path("time").asText() : "")));
    s.append(
        String.format(
            Locale.ROOT,
            "<text x=\"4\" y=\"%d\" fill=\"#5b6475\">%s</text><text x=\"4\" y=\"%d\" fill=\"#5b6475\">%s</text>",
            PAD,
            Html.num(hi),
            H - PAD,
            Html.num(lo)));
    return s.append(
            "</svg><p class=\"muted\">Black: history; blue: forecast; shaded: 80 % (dark) and 95 % (light) prediction intervals.</p>")
        .toString();
  }

  private static String band(
      JsonNode pts,
      int offset,
      double sx,
      double sy,
      double lo,
      String low,
      String high,
      String color) {
    if (pts.isEmpty()) return "";
    StringBuilder d = new StringBuilder();
    for (int i = 0; i < pts.size(); i++)
      d.append(i == 0 ? "M" : "L")
          .append(xy(offset + i, pts.get(i).path(high).asDouble(), sx, sy, lo));
    for (int i = pts.size() - 1; i >= 0; i--)
      d.append("L").append(xy(offset + i, pts.get(i).path(low).asDouble(), sx, sy, lo));
    return "<path d=\"" + d + "Z\" fill=\"" + color + "\" stroke=\"none\"/>";
  }

  private static String xy(int i, double v, double sx, double sy, double lo) {
    return String.format(Locale.ROOT, "%.1f,%.1f", PAD + i * sx, H - PAD - (v - lo) * sy);
  }
}
