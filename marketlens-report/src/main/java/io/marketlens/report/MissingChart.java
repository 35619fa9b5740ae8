package io.marketlens.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The bar chart of the missing-value share of the columns that have missing values. */
final class MissingChart {

  private MissingChart() {}

  static String svg(JsonNode allColumns) {
    List<BarChart.Bar> bars = new ArrayList<>();
    for (JsonNode c : allColumns) {
      if (c.path("missing").asLong() == 0) continue;
      double pct = c.path("missingPercent").asDouble();
      bars.add(
          new BarChart.Bar(
              c.path("name").asText(),
              pct / 100,
              pct >= 50 ? "#b4541a" : "#2f6fde",
              String.format(Locale.ROOT, "%.2f%%", pct)));
    }
    if (bars.isEmpty()) return "<p class=\"muted\">No missing values.</p>";
    return BarChart.svg("missing values per column", "missing % per column", 180, bars);
  }
}
