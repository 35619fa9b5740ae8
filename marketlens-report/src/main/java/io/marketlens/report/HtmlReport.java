package io.marketlens.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * Renders the results tree as one self-contained HTML page (inline CSS, inline SVG charts, no
 * external resources), readable offline from disk, in English and Chinese text alike.
 */
final class HtmlReport {

  private static final String CSS =
      """
      :root{--ink:#1d2330;--muted:#5b6475;--line:#dfe3ea;--accent:#2f6fde;--warn:#b4541a;--bg:#f7f8fb}
      *{box-sizing:border-box}
      body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;color:var(--ink);background:var(--bg)}
      header{background:#fff;border-bottom:1px solid var(--line);padding:20px 32px}
      header h1{margin:0;font-size:22px} header p{margin:4px 0 0;color:var(--muted)}
      nav{padding:8px 32px;background:#fff;border-bottom:1px solid var(--line)} nav a{margin-right:16px;color:var(--accent);text-decoration:none}
      main{max-width:1180px;margin:0 auto;padding:16px 32px 48px}
      section{background:#fff;border:1px solid var(--line);border-radius:8px;padding:16px 20px;margin:16px 0}
      h2{font-size:18px;margin:0 0 8px} h3{font-size:15px;margin:16px 0 6px}
      table{border-collapse:collapse;width:100%;font-size:13px} th,td{text-align:left;padding:4px 8px;border-bottom:1px solid var(--line);vertical-align:top}
      th{color:var(--muted);font-weight:600} td.n{text-align:right;font-variant-numeric:tabular-nums}
      .warn{color:var(--warn)} .muted{color:var(--muted)} .pill{display:inline-block;padding:0 6px;border-radius:8px;background:#eef2fb;font-size:12px}
      code{font-size:12px;word-break:break-all}
      .option{border-top:1px solid var(--line);padding-top:8px;margin-top:12px} .statement{font-size:16px;font-weight:600}
      .disprove{color:var(--warn);font-size:13px}
      """;

  private HtmlReport() {}

  static String render(ObjectNode r) {
    StringBuilder h = new StringBuilder(64 * 1024);
    String project = r.path("project").asText("Marketlens project");
    h.append("<!DOCTYPE html>\n<html lang=\"")
        .append(r.path("language").asText("auto").equals("zh") ? "zh" : "en")
        .append("\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(Html.esc(project))
        .append(" · Marketlens report</title>\n<style>")
        .append(CSS)
        .append("</style>\n</head>\n<body>\n");
    h.append("<header><h1>")
        .append(Html.esc(project))
        .append("</h1><p>Marketlens report · ")
        .append(Html.esc(r.path("generator").asText()))
        .append(" · seed ")
        .append(r.path("seed").asLong())
        .append(" · results schema ")
        .append(r.path("schemaVersion").asInt())
        .append("</p></header>\n");
    h.append(
            "<nav><a href=\"#positioning\">Positioning</a><a href=\"#overview\">Overview</a><a href=\"#quality\">Data quality</a><a href=\"#personas\">Personas</a><a href=\"#churn\">Churn</a><a href=\"#voc\">Themes</a><a href=\"#market\">Market</a><a href=\"#competitors\">Competitors</a>")
        .append(
            "<a href=\"#recsys\">Recommendations</a><a href=\"#privacy\">Personal data</a><a href=\"#missing-evidence\">Missing evidence</a></nav>\n<main>\n");
    PositioningSection.render(h, r.path("positioning"));
    overview(h, r);
    quality(h, r.path("quality").path("tables"));
    CustomerSection.render(h, r.path("customers"));
    if (!r.path("voc").isMissingNode()) VocSection.render(h, r.path("voc"));
    absent(
        h,
        "voc",
        "Themes and sentiment",
        r.path("voc"),
        "Review themes, sentiment and aspect sentiment are not in this report: the voice-of-the-customer analysis has not run (see Missing evidence).");
    MarketSection.render(h, r.path("market"));
    CompetitorSection.render(h, r.path("competitors"));
    absent(
        h,
        "recsys",
        "Recommendations quality",
        r.path("recsys"),
        "Recommendation quality (precision, recall, NDCG and MAP at 10 against popularity) is not in this report: the recommendations analysis has not run (see Missing evidence).");
    privacy(h, r.path("privacy").path("columns"));
    skipped(h, r.path("skipped"));
    h.append("</main>\n</body>\n</html>\n");
    return h.toString();
  }

  private static void overview(StringBuilder h, JsonNode r) {
    h.append(
            "<section id=\"overview\"><h2>Overview</h2><table><thead><tr><th>table</th><th>file</th>")
        .append(
            "<th>format</th><th class=\"n\">rows</th><th class=\"n\">bytes</th><th>sha256</th></tr></thead><tbody>");
    for (JsonNode in : r.path("inputs")) {
      String format = in.path("format").asText();
      if (in.hasNonNull("encoding")) format += ", " + in.path("encoding").asText();
      if (in.hasNonNull("delimiter"))
        format += ", '" + printable(in.path("delimiter").asText()) + "'";
      if (in.hasNonNull("compressed")) format += ", " + in.path("compressed").asText();
      h.append("<tr><td>")
          .append(Html.esc(in.path("table").asText()))
          .append("</td><td><code>")
          .append(Html.esc(in.path("file").asText()))
          .append("</code></td><td>")
          .append(Html.esc(format))
          .append("</td><td class=\"n\">")
          .append(Html.num(in.path("rows").asDouble()))
          .append("</td><td class=\"n\">")
          .append(Html.num(in.path("bytes").asDouble()))
          .append("</td><td><code title=\"")
          .append(Html.esc(in.path("sha256").asText()))
          .append("\">")
          .append(
              Html.esc(
                  in.path("sha256")
                      .asText()
                      .substring(0, Math.min(12, in.path("sha256").asText().length()))))
          .append("…</code></td></tr>");
    }
    h.append("</tbody></table></section>\n");
  }

  private static void quality(StringBuilder h, JsonNode tables) {
    h.append("<section id=\"quality\"><h2>Data quality</h2>");
    for (JsonNode t : tables) {
      String name = t.path("table").asText();
      h.append("<h3 id=\"quality-")
          .append(Html.esc(name))
          .append("\">")
          .append(Html.esc(name))
          .append(" <span class=\"muted\">")
          .append(Html.num(t.path("rows").asDouble()))
          .append(" rows × ")
          .append(t.path("columns").asInt())
          .append(" columns")
          .append(
              t.path("duplicateIds").asLong() > 0
                  ? ", " + Html.num(t.path("duplicateIds").asDouble()) + " duplicate ids"
                  : "")
          .append("</span></h3>");
      for (JsonNode w : t.path("warnings"))
        h.append("<p class=\"warn\">⚠ ").append(Html.esc(w.asText())).append("</p>");
      h.append(MissingChart.svg(t.path("columnSummaries")));
      h.append(
              "<table><thead><tr><th>column</th><th>type</th><th class=\"n\">missing</th><th class=\"n\">missing %</th>")
          .append(
              "<th class=\"n\">distinct</th><th>examples</th><th>notes</th></tr></thead><tbody>");
      for (JsonNode c : t.path("columnSummaries")) {
        StringBuilder examples = new StringBuilder();
        for (JsonNode e : c.path("examples")) {
          if (examples.length() > 0) examples.append(" · ");
          examples.append(Html.esc(shorten(e.asText(), 40)));
        }
        StringBuilder notes = new StringBuilder();
        if (c.hasNonNull("pii"))
          notes
              .append("<span class=\"pill\">personal data: ")
              .append(Html.esc(c.path("pii").asText()))
              .append(", pseudonymised</span> ");
        for (JsonNode w : c.path("warnings"))
          notes.append("<span class=\"warn\">").append(Html.esc(w.asText())).append("</span> ");
        h.append("<tr><td>")
            .append(Html.esc(c.path("name").asText()))
            .append("</td><td>")
            .append(Html.esc(c.path("type").asText()))
            .append("</td><td class=\"n\">")
            .append(Html.num(c.path("missing").asDouble()))
            .append("</td><td class=\"n\">")
            .append(String.format(Locale.ROOT, "%.2f", c.path("missingPercent").asDouble()))
            .append("</td><td class=\"n\">")
            .append(Html.num(c.path("distinct").asDouble()))
            .append("</td><td>")
            .append(examples)
            .append("</td><td>")
            .append(notes)
            .append("</td></tr>");
      }
      h.append("</tbody></table>");
    }
    h.append("</section>\n");
  }

  /**
   * A section whose capability produced nothing: says so, so the reader knows which evidence is
   * missing.
   */
  private static void absent(
      StringBuilder h, String id, String title, JsonNode node, String message) {
    if (!node.isMissingNode()) return;
    h.append("<section id=\"")
        .append(id)
        .append("\"><h2>")
        .append(Html.esc(title))
        .append("</h2><p class=\"muted\">")
        .append(Html.esc(message))
        .append("</p></section>\n");
  }

  private static void privacy(StringBuilder h, JsonNode columns) {
    h.append("<section id=\"privacy\"><h2>Personal data</h2>");
    if (columns.isEmpty()) {
      h.append(
          "<p class=\"muted\">No personal data (e-mail addresses, phone numbers, person names, ID-card numbers) was detected.</p>");
    } else {
      h.append(
          "<p>These columns held personal data; every value was replaced by a keyed hash (HMAC-SHA256 with this project's secret) before any output was written.</p><ul>");
      for (JsonNode c : columns) {
        h.append("<li>")
            .append(Html.esc(c.path("table").asText()))
            .append(".")
            .append(Html.esc(c.path("column").asText()))
            .append(": ")
            .append(Html.esc(c.path("kind").asText()))
            .append("</li>");
      }
      h.append("</ul>");
    }
    h.append("</section>\n");
  }

  private static void skipped(StringBuilder h, JsonNode skipped) {
    h.append("<section id=\"missing-evidence\"><h2>Missing evidence</h2>");
    if (skipped.isEmpty()) {
      h.append("<p class=\"muted\">Every capability ran.</p>");
    } else {
      h.append("<p>These analyses did not run, so the report has no evidence from them:</p><ul>");
      for (JsonNode s : skipped) h.append("<li>").append(Html.esc(s.asText())).append("</li>");
      h.append("</ul>");
    }
    h.append("</section>\n");
  }

  private static String printable(String delimiter) {
    return "\t".equals(delimiter) ? "\\t" : delimiter;
  }

  private static String shorten(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max) + "…";
  }
}
