package io.marketlens.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The voice-of-the-customer section: sentiment model quality, then every theme with its keywords,
 * size, sentiment and representative quotes, the theme-quality figures, aspect sentiment per theme
 * (sentences praising and criticising it) and review sentiment per customer segment.
 */
final class VocSection {

  private VocSection() {}

  static void render(StringBuilder h, JsonNode voc) {
    h.append("<section id=\"voc\"><h2>Themes and sentiment</h2>");
    JsonNode s = voc.path("sentiment");
    if (s.path("trained").asBoolean()) {
      JsonNode m = s.path("metrics");
      h.append(
              "<p>Sentiment: per language, the best on validation of several models (logistic regression and an MLP on in-jar sentence embeddings, TF-IDF n-grams alone, beside or averaged with the embeddings, a Transformer on larger sets), trained on ")
          .append(Html.esc(s.path("labelSource").asText()))
          .append(
              String.format(
                  Locale.ROOT,
                  "; held-out accuracy %.3f, F1 %.3f, ROC-AUC %.3f on %d reviews. %.1f%% of reviews read positive.</p>",
                  m.path("accuracy").asDouble(),
                  m.path("f1").asDouble(),
                  m.path("auc").asDouble(),
                  m.path("rows").asInt(),
                  100 * s.path("sharePositive").asDouble()));
      h.append(
          "<table><thead><tr><th>language</th><th class=\"n\">reviews</th><th class=\"n\">accuracy</th><th class=\"n\">F1</th><th>model</th></tr></thead><tbody>");
      for (JsonNode l : s.path("byLanguage")) {
        h.append("<tr><td>")
            .append(Html.esc(l.path("language").asText()))
            .append("</td><td class=\"n\">")
            .append(l.path("texts").asInt())
            .append("</td>");
        if (l.path("trained").asBoolean()) {
          h.append(
              String.format(
                  Locale.ROOT,
                  "<td class=\"n\">%.3f</td><td class=\"n\">%.3f</td>",
                  l.path("metrics").path("accuracy").asDouble(),
                  l.path("metrics").path("f1").asDouble()));
          h.append("<td>")
              .append(Html.esc(l.path("chosen").asText()))
              .append(": ")
              .append(Html.esc(l.path("model").asText()))
              .append("</td></tr>");
        } else {
          h.append("<td colspan=\"3\" class=\"muted\">")
              .append(Html.esc(l.path("reason").asText()))
              .append("</td></tr>");
        }
      }
      h.append("</tbody></table>");
    } else {
      h.append("<p class=\"muted\">No sentiment model: ")
          .append(Html.esc(s.path("reason").asText("no labels or ratings")))
          .append("</p>");
    }
    JsonNode themes = voc.path("themes");
    h.append(chart(themes));
    JsonNode q = voc.path("quality");
    h.append(
        String.format(
            Locale.ROOT,
            "<p class=\"muted\">Theme quality: coherence (NPMI) %.3f, keyword diversity %.3f, unassigned share %.1f%%, stability across seeds (adjusted Rand) %.3f.</p>",
            q.path("coherence").asDouble(),
            q.path("diversity").asDouble(),
            100 * q.path("outlierShare").asDouble(),
            q.path("stability").asDouble()));
    h.append(themeIds(voc.path("themeIds")));
    h.append(aspectTable(themes, voc.path("aspects")));
    h.append(segmentTable(voc.path("segments")));
    for (JsonNode t : themes) {
      h.append("<div class=\"option\" id=\"theme-")
          .append(t.path("id").asInt())
          .append("\"><h3>")
          .append(Html.esc(t.path("label").asText()))
          .append(" <span class=\"muted\">")
          .append(Html.esc(t.path("language").asText()))
          .append(", ")
          .append(t.path("size").asInt())
          .append(" reviews, ")
          .append(String.format(Locale.ROOT, "%.1f%%", 100 * t.path("share").asDouble()));
      if (t.has("sharePositive"))
        h.append(
            String.format(
                Locale.ROOT, ", %.0f%% positive", 100 * t.path("sharePositive").asDouble()));
      h.append("</span></h3><p>keywords: ");
      StringBuilder k = new StringBuilder();
      for (JsonNode w : t.path("keywords")) {
        if (k.length() > 0) k.append(", ");
        k.append(w.asText());
      }
      h.append(Html.esc(k.toString())).append("</p><ul>");
      for (JsonNode quote : t.path("quotes"))
        h.append("<li>“").append(Html.esc(quote.asText())).append("”</li>");
      h.append("</ul>");
      JsonNode examples = t.path("aspects").path("examples");
      examples(h, "praised", examples.path("positive"));
      examples(h, "criticised", examples.path("negative"));
      h.append("</div>");
    }
    h.append("</section>\n");
  }

  private static String themeIds(JsonNode ids) {
    if (ids.isMissingNode()) return "";
    if (!ids.path("previousRun").asBoolean()) {
      return "<p class=\"muted\">Theme ids: first run on this project; later runs keep the ids of"
          + " themes that persist.</p>";
    }
    return String.format(
        Locale.ROOT,
        "<p class=\"muted\">Theme ids against the previous run: %d kept, %d new, %d retired"
            + " (centred cosine of theme centres at least %.2f).</p>",
        ids.path("persisted").asInt(),
        ids.path("new").asInt(),
        ids.path("retired").size(),
        ids.path("minSimilarity").asDouble());
  }

  /** Praise vs complaints per theme, counted over sentences. */
  private static String aspectTable(JsonNode themes, JsonNode aspects) {
    if (themes.isEmpty() || !aspects.path("scored").asBoolean()) return "";
    StringBuilder h = new StringBuilder("<h3>Aspect sentiment per theme</h3>");
    h.append(
        String.format(
            Locale.ROOT,
            "<p class=\"muted\">%d sentences from %d reviews, %.1f%% assigned to a theme; %d"
                + " reviews praise one aspect and criticise another. A sentence is praise at a"
                + " probability positive of at least %.2f, a complaint at most %.2f.</p>",
            aspects.path("sentences").asInt(),
            aspects.path("reviewsWithAspects").asInt(),
            100 * (1 - aspects.path("unassignedShare").asDouble()),
            aspects.path("mixedReviews").asInt(),
            0.5 + aspects.path("neutralMargin").asDouble(),
            0.5 - aspects.path("neutralMargin").asDouble()));
    h.append(
        "<table><thead><tr><th class=\"n\">id</th><th>theme</th><th class=\"n\">sentences</th>"
            + "<th class=\"n\">praise</th><th class=\"n\">complaints</th>"
            + "<th class=\"n\">% positive (sentences)</th><th class=\"n\">% positive (reviews)</th>"
            + "</tr></thead><tbody>");
    for (JsonNode t : themes) {
      JsonNode a = t.path("aspects");
      h.append("<tr><td class=\"n\">")
          .append(t.path("id").asInt())
          .append("</td><td><a href=\"#theme-")
          .append(t.path("id").asInt())
          .append("\">")
          .append(Html.esc(t.path("label").asText()))
          .append("</a></td><td class=\"n\">")
          .append(a.path("sentences").asInt())
          .append("</td><td class=\"n\">")
          .append(a.path("positive").asInt())
          .append("</td><td class=\"n\">")
          .append(a.path("negative").asInt())
          .append("</td><td class=\"n\">")
          .append(percent(a.path("sharePositive")))
          .append("</td><td class=\"n\">")
          .append(percent(t.path("sharePositive")))
          .append("</td></tr>");
    }
    return h.append("</tbody></table>").toString();
  }

  /** Review sentiment per customer segment, or why there is none. */
  private static String segmentTable(JsonNode segments) {
    if (segments.isMissingNode()) return "";
    if (!segments.path("joined").asBoolean()) {
      return "<p class=\"muted\">Sentiment per customer segment: "
          + Html.esc(segments.path("note").asText())
          + ".</p>";
    }
    StringBuilder h = new StringBuilder("<h3>Sentiment per customer segment</h3>");
    h.append(
        String.format(
            Locale.ROOT,
            "<p class=\"muted\">%d reviews joined to customers through %s (%d did not match)."
                + " Lift: how much more often the segment's reviews mention the theme than all"
                + " reviews.</p>",
            segments.path("reviewsMatched").asInt(),
            Html.esc(segments.path("customerColumn").asText()),
            segments.path("reviewsUnmatched").asInt()));
    h.append(
        "<table><thead><tr><th>segment</th><th class=\"n\">reviews</th>"
            + "<th class=\"n\">% positive</th><th>most mentioned theme</th>"
            + "<th class=\"n\">lift</th><th>most criticised theme</th></tr></thead><tbody>");
    for (JsonNode g : segments.path("segments")) {
      JsonNode top = g.path("topTheme");
      JsonNode complaint = g.path("topComplaint");
      h.append("<tr><td>")
          .append(Html.esc(g.path("id").asText() + " " + g.path("label").asText()))
          .append("</td><td class=\"n\">")
          .append(g.path("reviews").asInt())
          .append("</td><td class=\"n\">")
          .append(percent(g.path("sharePositive")))
          .append("</td><td>")
          .append(Html.esc(top.path("label").asText("")))
          .append("</td><td class=\"n\">")
          .append(
              top.has("lift")
                  ? String.format(Locale.ROOT, "%.2f", top.path("lift").asDouble())
                  : "")
          .append("</td><td>")
          .append(Html.esc(complaint.path("label").asText("")))
          .append("</td></tr>");
    }
    return h.append("</tbody></table>").toString();
  }

  private static void examples(StringBuilder h, String what, JsonNode sentences) {
    if (sentences.isMissingNode() || sentences.isEmpty()) return;
    h.append("<p class=\"muted\">").append(what).append(": ");
    boolean first = true;
    for (JsonNode s : sentences) {
      if (!first) h.append(" · ");
      h.append("“").append(Html.esc(s.asText())).append("”");
      first = false;
    }
    h.append("</p>");
  }

  private static String percent(JsonNode v) {
    return v.isNumber() ? String.format(Locale.ROOT, "%.0f%%", 100 * v.asDouble()) : "";
  }

  private static String chart(JsonNode themes) {
    if (themes.isEmpty()) return "<p class=\"muted\">No themes were found.</p>";
    double max = 1e-12;
    for (JsonNode t : themes) max = Math.max(max, t.path("share").asDouble());
    List<BarChart.Bar> bars = new ArrayList<>();
    for (JsonNode t : themes) {
      double share = t.path("share").asDouble();
      double pos = t.has("sharePositive") ? t.path("sharePositive").asDouble() : 0.5;
      String color =
          String.format(
              Locale.ROOT, "rgb(%d,%d,90)", Math.round(200 * (1 - pos)), Math.round(150 * pos));
      String value =
          String.format(Locale.ROOT, "%.1f%%", 100 * share)
              + (t.has("sharePositive")
                  ? String.format(Locale.ROOT, ", %.0f%% positive", 100 * pos)
                  : "");
      bars.add(new BarChart.Bar(t.path("label").asText(), share / max, color, value));
    }
    return BarChart.svg("themes by share and sentiment", null, 220, bars)
        + "<p class=\"muted\">Bar length: share of reviews; colour from red (negative) to green (positive).</p>";
  }
}
