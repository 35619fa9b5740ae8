package io.marketlens.report;

import java.util.List;
import java.util.Locale;

/**
 * A horizontal bar chart as inline SVG: one row per bar with its label on the left, a bar on a pale
 * track, and its value text on the right. Used for missing values, churn drivers and review themes.
 */
final class BarChart {

  private static final int BAR = 16;
  private static final int GAP = 6;
  private static final int TRACK = 420;
  private static final int VALUE = 320;
  private static final int MAX_LABEL_CHARS = 32;

  /**
   * One bar.
   *
   * @param label shown left of the bar (shortened past 32 characters)
   * @param fraction bar length as a share of the track, clamped to [0, 1]
   * @param color the bar's fill
   * @param value shown right of the bar
   */
  record Bar(String label, double fraction, String color, String value) {}

  private BarChart() {}

  /**
   * The chart, or an empty string when there are no bars.
   *
   * @param ariaLabel what the chart shows, for screen readers and tests
   * @param title a caption above the bars, or null
   * @param labelWidth pixels reserved for the labels
   */
  static String svg(String ariaLabel, String title, int labelWidth, List<Bar> bars) {
    if (bars.isEmpty()) return "";
    int top = title == null ? 8 : 22;
    int width = labelWidth + TRACK + VALUE;
    int height = top + bars.size() * (BAR + GAP) + 4;
    StringBuilder s = new StringBuilder();
    s.append(
        String.format(
            Locale.ROOT,
            "<svg class=\"chart\" role=\"img\" aria-label=\"%s\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" xmlns=\"http://www.w3.org/2000/svg\" font-size=\"11\">",
            Html.esc(ariaLabel),
            width,
            height,
            width,
            height));
    if (title != null) {
      s.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"12\" fill=\"#5b6475\">%s</text>",
              labelWidth,
              Html.esc(title)));
    }
    int y = top;
    for (Bar b : bars) {
      String label =
          b.label().length() > MAX_LABEL_CHARS
              ? b.label().substring(0, MAX_LABEL_CHARS) + "…"
              : b.label();
      double length = Math.max(1, TRACK * Math.max(0, Math.min(1, b.fraction())));
      s.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>",
              labelWidth - 6,
              y + BAR - 4,
              Html.esc(label)));
      s.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#eef2fb\"/>",
              labelWidth,
              y,
              TRACK,
              BAR));
      s.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>",
              labelWidth,
              y,
              length,
              BAR,
              b.color()));
      s.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%d\" fill=\"#5b6475\">%s</text>",
              labelWidth + TRACK + 6,
              y + BAR - 4,
              Html.esc(b.value())));
      y += BAR + GAP;
    }
    return s.append("</svg>").toString();
  }
}
