package io.marketlens.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The customers sections: personas (segments with size, value, churn and what sets them apart) and
 * churn (the chosen model beside the other candidates, calibration, drivers as a bar chart, the
 * customers most at risk with their reasons).
 */
final class CustomerSection {

  private CustomerSection() {}

  static void render(StringBuilder h, JsonNode customers) {
    personas(h, customers);
    purchases(h, customers.path("purchases"));
    churn(h, customers.path("churn"));
  }

  private static void personas(StringBuilder h, JsonNode customers) {
    h.append("<section id=\"personas\"><h2>Segments and personas</h2>");
    for (JsonNode n : customers.path("notes"))
      h.append("<p class=\"warn\">").append(Html.esc(n.asText())).append("</p>");
    JsonNode segs = customers.path("segments");
    if (segs.isEmpty()) {
      h.append("<p class=\"muted\">")
          .append(
              customers.isMissingNode()
                  ? "No customers table was given, so there are no segments."
                  : "No segments were formed.")
          .append("</p></section>\n");
      return;
    }
    summary(h, customers.path("segmentation"));
    for (JsonNode s : segs) {
      h.append("<div class=\"option\" id=\"segment-")
          .append(Html.esc(s.path("id").asText()))
          .append("\"><h3>")
          .append(Html.esc(s.path("label").asText()))
          .append(" <span class=\"muted\">")
          .append(Html.num(s.path("size").asDouble()))
          .append(" customers, ")
          .append(String.format(Locale.ROOT, "%.1f%%", 100 * s.path("share").asDouble()))
          .append("</span></h3>");
      h.append("<p class=\"statement\">")
          .append(Html.esc(s.path("persona").asText()))
          .append("</p><p>");
      if (s.path("churnRate").isNumber())
        h.append(
            String.format(
                Locale.ROOT, "churn rate %.1f%% · ", 100 * s.path("churnRate").asDouble()));
      if (s.path("monetary").isNumber())
        h.append("mean spend ").append(Html.num(s.path("monetary").asDouble())).append(" · ");
      if (s.path("clv").isNumber())
        h.append("mean 12-month CLV ").append(Html.num(s.path("clv").asDouble())).append(" · ");
      h.append("</p><ul>");
      for (JsonNode p : s.path("profile"))
        h.append("<li>").append(Html.esc(p.path("text").asText())).append("</li>");
      h.append("</ul>");
      if (!s.path("churnDrivers").isEmpty()) {
        h.append("<p class=\"muted\">churn drivers here: ");
        StringBuilder d = new StringBuilder();
        for (JsonNode r : s.path("churnDrivers")) {
          if (d.length() > 0) d.append(", ");
          d.append(r.path("column").asText()).append(" = ").append(r.path("value").asText());
        }
        h.append(Html.esc(d.toString())).append("</p>");
      }
      h.append("</div>");
    }
    unclustered(h, customers.path("unclustered"), "unclustered");
    h.append("</section>\n");
  }

  /** How the segments were made (method, k or noise share) and notes such as sampling. */
  private static void summary(StringBuilder h, JsonNode seg) {
    if (seg.isMissingNode()) return;
    h.append("<p class=\"muted\">").append(Html.esc(seg.path("summary").asText())).append("</p>");
    for (JsonNode n : seg.path("notes"))
      h.append("<p class=\"muted\">").append(Html.esc(n.asText())).append("</p>");
  }

  /**
   * HDBSCAN's customers in no segment, as a muted card after the segments: how many, and what sets
   * them apart as a group.
   */
  private static void unclustered(StringBuilder h, JsonNode u, String id) {
    if (u.isMissingNode()) return;
    h.append("<div class=\"option muted\" id=\"")
        .append(id)
        .append("\"><h3>")
        .append(Html.esc(u.path("label").asText()))
        .append(" <span class=\"muted\">")
        .append(Html.num(u.path("size").asDouble()))
        .append(" customers, ")
        .append(String.format(Locale.ROOT, "%.1f%%", 100 * u.path("share").asDouble()))
        .append(", in no segment</span></h3><p>")
        .append(Html.esc(u.path("persona").asText()))
        .append("</p></div>");
  }

  /**
   * Purchase-behaviour segments and the lifetime-value check, when transactions sit beside a
   * customers table.
   */
  private static void purchases(StringBuilder h, JsonNode p) {
    if (p.isMissingNode()) return;
    h.append("<section id=\"purchases\"><h2>Purchase behaviour and lifetime value</h2>");
    JsonNode clv = p.path("clv");
    JsonNode ho = clv.path("holdout");
    h.append("<p>")
        .append(Html.esc(clv.path("method").asText()))
        .append(
            String.format(
                Locale.ROOT,
                ", fitted on purchases up to %s and checked on the %d days after: predicted vs actual purchases per customer, correlation %.3f, mean absolute error %.2f (a naive repeat-rate forecast: %.3f, %.2f). Mean %d-month value per customer %s.",
                ho.path("calibrationEnd").asText(),
                ho.path("holdoutDays").asInt(),
                ho.path("correlation").asDouble(),
                ho.path("meanAbsoluteError").asDouble(),
                ho.path("baselineCorrelation").asDouble(),
                ho.path("baselineMeanAbsoluteError").asDouble(),
                clv.path("horizonMonths").asInt(),
                Html.num(clv.path("meanClv").asDouble())))
        .append("</p>");
    summary(h, p.path("segmentation"));
    for (JsonNode s : p.path("segments")) {
      h.append("<div class=\"option\" id=\"purchase-segment-")
          .append(Html.esc(s.path("id").asText()))
          .append("\"><h3>")
          .append(Html.esc(s.path("label").asText()))
          .append(" <span class=\"muted\">")
          .append(Html.num(s.path("size").asDouble()))
          .append(" customers, ")
          .append(String.format(Locale.ROOT, "%.1f%%", 100 * s.path("share").asDouble()))
          .append("</span></h3><p>")
          .append(Html.esc(s.path("persona").asText()))
          .append("</p></div>");
    }
    unclustered(h, p.path("unclustered"), "purchase-unclustered");
    h.append("</section>\n");
  }

  private static void churn(StringBuilder h, JsonNode c) {
    h.append("<section id=\"churn\"><h2>Churn drivers</h2>");
    if (c.isMissingNode()) {
      h.append(
          "<p class=\"muted\">No churn label was given (set <code>churn:</code> in the customers section), so there is no churn model.</p></section>\n");
      return;
    }
    JsonNode m = c.path("metrics");
    h.append("<p>Chosen model: <b>")
        .append(Html.esc(c.path("chosen").asText()))
        .append("</b> (best validation AUC). Held-out test: ")
        .append(
            String.format(
                Locale.ROOT,
                "ROC-AUC %.3f, accuracy %.3f, precision %.3f, recall %.3f, F1 %.3f, log-loss %.3f",
                m.path("auc").asDouble(),
                m.path("accuracy").asDouble(),
                m.path("precision").asDouble(),
                m.path("recall").asDouble(),
                m.path("f1").asDouble(),
                m.path("logLoss").asDouble()))
        .append(". Overall churn rate ")
        .append(String.format(Locale.ROOT, "%.1f%%", 100 * c.path("churnRate").asDouble()))
        .append(". <span class=\"muted\">")
        .append(Html.esc(c.path("split").asText()))
        .append("</span></p>");
    JsonNode cal = c.path("calibration");
    if (!cal.isMissingNode()) {
      h.append("<p>Calibration: ")
          .append(Html.esc(cal.path("method").asText()))
          .append(
              String.format(
                  Locale.ROOT,
                  "; expected calibration error %.4f → %.4f, Brier %.4f → %.4f on the test split.</p>",
                  cal.path("eceBefore").asDouble(),
                  cal.path("eceAfter").asDouble(),
                  cal.path("brierBefore").asDouble(),
                  cal.path("brierAfter").asDouble()));
    }
    h.append(
        "<table><thead><tr><th>candidate</th><th class=\"n\">validation AUC</th><th class=\"n\">test AUC</th><th class=\"n\">test F1</th><th>details</th></tr></thead><tbody>");
    for (JsonNode k : c.path("candidates")) {
      h.append("<tr><td>").append(Html.esc(k.path("name").asText())).append("</td>");
      if (k.has("failure")) {
        h.append("<td colspan=\"3\" class=\"warn\">")
            .append(Html.esc(k.path("failure").asText()))
            .append("</td><td></td></tr>");
        continue;
      }
      h.append(
          String.format(
              Locale.ROOT,
              "<td class=\"n\">%.3f</td><td class=\"n\">%.3f</td><td class=\"n\">%.3f</td>",
              k.path("validationAuc").asDouble(),
              k.path("metrics").path("auc").asDouble(),
              k.path("metrics").path("f1").asDouble()));
      h.append("<td class=\"muted\">")
          .append(Html.esc(k.path("description").asText()))
          .append("</td></tr>");
    }
    h.append("</tbody></table>");
    h.append(driverChart(c.path("drivers")));
    h.append(
        "<h3>Customers most at risk</h3><table><thead><tr><th>customer</th><th class=\"n\">churn probability</th><th>top reasons</th></tr></thead><tbody>");
    int shown = 0;
    for (JsonNode r : c.path("highestRisk")) {
      if (shown++ >= 10) break;
      StringBuilder reasons = new StringBuilder();
      for (JsonNode x : r.path("reasons")) {
        if (reasons.length() > 0) reasons.append("; ");
        reasons.append(x.path("column").asText()).append(" = ").append(x.path("value").asText());
      }
      h.append("<tr><td>")
          .append(Html.esc(r.path("id").asText()))
          .append("</td><td class=\"n\">")
          .append(String.format(Locale.ROOT, "%.2f", r.path("probability").asDouble()))
          .append("</td><td>")
          .append(Html.esc(reasons.toString()))
          .append("</td></tr>");
    }
    h.append("</tbody></table></section>\n");
  }

  private static String driverChart(JsonNode drivers) {
    int n = Math.min(10, drivers.size());
    double max = 1e-12;
    for (int i = 0; i < n; i++) max = Math.max(max, drivers.get(i).path("importance").asDouble());
    List<BarChart.Bar> bars = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      JsonNode d = drivers.get(i);
      double v = Math.max(0, d.path("importance").asDouble());
      bars.add(
          new BarChart.Bar(
              d.path("column").asText(),
              v / max,
              "#2f6fde",
              String.format(Locale.ROOT, "%.3f %s", v, d.path("direction").asText())));
    }
    if (bars.isEmpty()) return "";
    return "<h3>Drivers (permutation importance on held-out customers: drop in AUC)</h3>"
        + BarChart.svg("churn drivers", null, 170, bars);
  }
}
