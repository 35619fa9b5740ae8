package io.marketlens.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * The positioning section, first in the report: ranked options, each with its statement, score (and
 * how it was made), evidence with links into the report, and what would disprove it.
 */
final class PositioningSection {

  private PositioningSection() {}

  static void render(StringBuilder h, JsonNode p) {
    h.append("<section id=\"positioning\"><h2>Positioning options</h2>");
    if (p.isMissingNode() || p.path("options").isEmpty()) {
      h.append("<p class=\"muted\">No positioning option could be formed from the data given.</p>");
    } else {
      h.append(
          "<p class=\"muted\">Score = weighted mean of the components that have evidence (weights from the project file: ");
      StringBuilder w = new StringBuilder();
      p.path("weights")
          .fields()
          .forEachRemaining(
              e -> {
                if (w.length() > 0) w.append(", ");
                w.append(e.getKey())
                    .append(' ')
                    .append(String.format(Locale.ROOT, "%.2f", e.getValue().asDouble()));
              });
      h.append(Html.esc(w.toString()))
          .append("). Every number below is in results.json at the path shown.</p>");
      for (JsonNode o : p.path("options")) option(h, o);
    }
    if (!p.path("missingEvidence").isEmpty()) {
      h.append("<p><b>Evidence missing:</b></p><ul>");
      for (JsonNode m : p.path("missingEvidence"))
        h.append("<li class=\"muted\">").append(Html.esc(m.asText())).append("</li>");
      h.append("</ul>");
    }
    h.append("</section>\n");
  }

  private static void option(StringBuilder h, JsonNode o) {
    int rank = o.path("rank").asInt();
    double score = o.path("score").asDouble();
    h.append("<div class=\"option\" id=\"option-")
        .append(rank)
        .append("\"><h3>#")
        .append(rank)
        .append(" ")
        .append(Html.esc(o.path("segment").asText()))
        .append(" <span class=\"muted\">score ")
        .append(String.format(Locale.ROOT, "%.3f", score))
        .append("</span></h3>");
    h.append(
        String.format(
            Locale.ROOT,
            "<svg class=\"chart score-bar\" role=\"img\" aria-label=\"score of option %d\" width=\"300\" height=\"12\" viewBox=\"0 0 300 12\" xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"300\" height=\"12\" fill=\"#eef2fb\"/><rect width=\"%.1f\" height=\"12\" fill=\"#2f6fde\"/></svg>",
            rank,
            300 * Math.max(0, Math.min(1, score))));
    h.append("<p class=\"statement\">")
        .append(Html.esc(o.path("statement").asText()))
        .append("</p>");
    h.append("<p class=\"muted\">components: ");
    StringBuilder c = new StringBuilder();
    o.path("components")
        .fields()
        .forEachRemaining(
            e -> {
              if (c.length() > 0) c.append(", ");
              c.append(e.getKey())
                  .append(' ')
                  .append(String.format(Locale.ROOT, "%.2f", e.getValue().asDouble()));
            });
    h.append(Html.esc(c.toString()))
        .append(
            "</p><table><thead><tr><th>evidence</th><th class=\"n\">value</th><th>from</th><th>results.json</th></tr></thead><tbody>");
    for (JsonNode e : o.path("evidence")) {
      h.append("<tr><td><a href=\"")
          .append(Html.esc(e.path("link").asText()))
          .append("\">")
          .append(Html.esc(e.path("label").asText()))
          .append("</a></td><td class=\"n evidence-value\">")
          .append(Html.esc(format(e)))
          .append("</td><td>")
          .append(Html.esc(e.path("origin").asText()))
          .append("</td><td><code>")
          .append(Html.esc(e.path("source").asText()))
          .append("</code></td></tr>");
    }
    h.append("</tbody></table><p class=\"disprove\">")
        .append(Html.esc(o.path("disprove").asText()))
        .append("</p></div>");
  }

  /** Shares as percentages, everything else as the number; the exact value is in results.json. */
  static String format(JsonNode e) {
    double v = e.path("value").asDouble();
    if ("share".equals(e.path("unit").asText()))
      return String.format(Locale.ROOT, "%.1f%%", 100 * v);
    if (Math.abs(v) >= 100) return Html.num(v);
    return String.format(Locale.ROOT, "%.3f", v);
  }
}
