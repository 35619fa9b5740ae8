package io.marketlens.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/** An inline SVG bar chart of the missing-value share of the columns that have missing values. */
final class MissingChart {

  private static final int BAR = 14;
  private static final int LABEL = 180;
  private static final int WIDTH = 520;

  private MissingChart() {}

  static String svg(JsonNode allColumns) {
    java.util.List<JsonNode> columns = new java.util.ArrayList<>();
    for (JsonNode c : allColumns) if (c.path("missing").asLong() > 0) columns.add(c);
    int n = columns.size();
    if (n == 0) return "<p class=\"muted\">No missing values.</p>";
    int height = n * (BAR + 4) + 24;
    StringBuilder s = new StringBuilder();
    s.append(
        String.format(
            Locale.ROOT,
            "<svg class=\"chart\" role=\"img\" aria-label=\"missing values per column\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" xmlns=\"http://www.w3.org/2000/svg\" font-size=\"11\">",
            WIDTH + LABEL + 60,
            height,
            WIDTH + LABEL + 60,
            height));
    s.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"12\" fill=\"#5b6475\">missing %% per column</text>",
            LABEL));
    int y = 20;
    for (JsonNode c : columns) {
      double pct = c.path("missingPercent").asDouble();
      int w = (int) Math.round(WIDTH * Math.min(100, pct) / 100.0);
      String color = pct >= 50 ? "#b4541a" : "#2f6fde";
      s.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>",
              LABEL - 6,
              y + BAR - 3,
              Html.esc(c.path("name").asText())));
      s.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#eef2fb\"/>",
              LABEL,
              y,
              WIDTH,
              BAR));
      s.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>",
              LABEL,
              y,
              w,
              BAR,
              color));
      s.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%d\">%.2f%%</text>",
              LABEL + WIDTH + 6,
              y + BAR - 3,
              pct));
      y += BAR + 4;
    }
    return s.append("</svg>").toString();
  }
}
