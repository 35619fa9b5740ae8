package io.marketlens.pipeline.positioning;

import com.fasterxml.jackson.databind.JsonNode;
import io.marketlens.core.project.PositioningSettings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the capabilities' results into ranked positioning options: every (target segment,
 * differentiator) pair is a candidate, scored as the weighted mean of the score components that
 * have evidence, each in [0, 1]:
 *
 * <ul>
 *   <li><b>segmentValue</b>: share × value (lifetime value, else spend), relative to the best
 *       segment;
 *   <li><b>churn</b>: the segment's churn rate relative to the highest (a need not met today);
 *   <li><b>unmetNeed</b>: the white-space score of the region, 1 − the positive share of a negative
 *       review theme, or 0.5 for a claim no rival makes;
 *   <li><b>competitiveGap</b>: distance from the region to the nearest product, in typical product
 *       spacings, divided by four (capped at 1), 1 − the closest rival claim's cosine, or 0.5 for a
 *       review theme (no rival evidence);
 *   <li><b>marketTrend</b>: a logistic of the forecast growth, 1 / (1 + e^(−10 g)).
 * </ul>
 *
 * The weights come from the project file ({@code positioning.weights}). Options are picked greedily
 * by score with no differentiator used twice and at most two options per segment (when there is
 * more than one). Deterministic: the same results give the same options.
 */
public final class PositioningSynthesis {

  private PositioningSynthesis() {}

  /** The ranked options and the evidence that was missing. */
  public record Outcome(List<PositioningOption> options, List<String> missingEvidence) {}

  public static Outcome run(JsonNode results, String product, PositioningSettings settings) {
    List<Candidates.Segment> segments = Candidates.segments(results);
    List<Candidates.Differentiator> diffs = Candidates.differentiators(results);
    Candidates.Trend trend = Candidates.trend(results);
    List<String> missing = new ArrayList<>();
    if (segments.isEmpty())
      missing.add("customer segments (no customers data): options target the whole market");
    if (diffs.isEmpty())
      missing.add(
          "competitor white space or unique claims (no competitors data): options have no named differentiator");
    if (trend == null) missing.add("market trend (no market series)");
    if (!results.has("voc"))
      missing.add(
          "review themes and sentiment (no reviews analysis): needs come from segments and churn, not from what customers say");
    if (segments.isEmpty()) segments = List.of(wholeMarket());
    if (diffs.isEmpty()) diffs = List.of(noDifferentiator(Candidates.rivals(results)));

    double maxValue = segments.stream().mapToDouble(s -> s.share() * s.value()).max().orElse(1);
    double maxChurn =
        segments.stream()
            .filter(s -> s.churnRate() != null)
            .mapToDouble(Candidates.Segment::churnRate)
            .max()
            .orElse(0);
    List<Scored> scored = new ArrayList<>();
    for (Candidates.Segment s : segments) {
      for (Candidates.Differentiator d : diffs) {
        Map<String, Double> c = new LinkedHashMap<>();
        if (!s.label().equals(wholeMarket().label()))
          c.put("segmentValue", maxValue > 0 ? s.share() * s.value() / maxValue : 0);
        if (s.churnRate() != null && maxChurn > 0) c.put("churn", s.churnRate() / maxChurn);
        if (!d.kind().equals("none")) {
          c.put("unmetNeed", d.unmetNeed());
          c.put("competitiveGap", d.gap());
        }
        if (trend != null) c.put("marketTrend", 1 / (1 + Math.exp(-10 * trend.growth())));
        scored.add(new Scored(s, d, c, weighted(c, settings.weights())));
      }
    }
    scored.sort(
        Comparator.comparingDouble(Scored::score)
            .reversed()
            .thenComparing(x -> x.segment().label())
            .thenComparing(x -> x.diff().benefit()));
    List<PositioningOption> options = new ArrayList<>();
    Set<String> usedDiffs = new HashSet<>();
    Map<String, Integer> perSegment = new HashMap<>();
    int perSegmentCap = segments.size() > 1 ? 2 : settings.options();
    for (Scored x : scored) {
      if (options.size() >= settings.options()) break;
      boolean reuse = !x.diff().kind().equals("none") && usedDiffs.contains(x.diff().benefit());
      if (reuse || perSegment.getOrDefault(x.segment().label(), 0) >= perSegmentCap) continue;
      usedDiffs.add(x.diff().benefit());
      perSegment.merge(x.segment().label(), 1, Integer::sum);
      options.add(
          option(
              options.size() + 1,
              x,
              trend,
              product,
              settings.category(),
              Candidates.rivals(results)));
    }
    return new Outcome(options, missing);
  }

  private record Scored(
      Candidates.Segment segment,
      Candidates.Differentiator diff,
      Map<String, Double> components,
      double score) {}

  private static double weighted(Map<String, Double> components, Map<String, Double> weights) {
    double sum = 0;
    double w = 0;
    for (Map.Entry<String, Double> e : components.entrySet()) {
      double wi = weights.getOrDefault(e.getKey(), 0.0);
      sum += wi * e.getValue();
      w += wi;
    }
    return w == 0 ? 0 : sum / w;
  }

  private static PositioningOption option(
      int rank,
      Scored x,
      Candidates.Trend trend,
      String product,
      String category,
      List<String> rivals) {
    Candidates.Segment s = x.segment();
    Candidates.Differentiator d = x.diff();
    List<String> alternatives = d.alternatives().isEmpty() ? rivals : d.alternatives();
    List<Evidence> evidence = new ArrayList<>(s.evidence());
    evidence.addAll(d.evidence());
    if (trend != null) evidence.add(trend.evidence());
    String who = s.need().isBlank() ? "," : ", who " + s.need() + ",";
    String unlike = alternatives.isEmpty() ? "" : ", unlike " + String.join(" and ", alternatives);
    String target =
        s.label().equals(wholeMarket().label())
            ? s.label()
            : String.format(
                Locale.ROOT, "customers in “%s” (%.0f%% of customers)", s.label(), 100 * s.share());
    String statement =
        "For "
            + target
            + who
            + " "
            + product
            + " is the "
            + category
            + " that "
            + d.benefit()
            + unlike
            + ".";
    List<String> disprove = new ArrayList<>();
    if (s.churnRate() != null) {
      disprove.add(
          String.format(
              Locale.ROOT,
              "“%s”'s churn rate (%.1f%% now) moves to the overall rate without a change of offer",
              s.label(),
              100 * s.churnRate()));
    } else if (!s.label().equals(wholeMarket().label())) {
      disprove.add(
          String.format(
              Locale.ROOT,
              "“%s” shrinks below half its share (%.1f%% now)",
              s.label(),
              100 * s.share()));
    }
    if (d.disprove() != null) disprove.add(d.disprove());
    if (trend != null) {
      disprove.add(
          String.format(
              Locale.ROOT,
              "%s comes in %s the forecast (%+.1f%% expected)",
              trend.series(),
              trend.growth() >= 0 ? "flat or below" : "above",
              100 * trend.growth()));
    }
    String disproveLine =
        disprove.isEmpty()
            ? "no falsifiable evidence yet: add data"
            : "This option is wrong if " + String.join("; or if ", disprove) + ".";
    return new PositioningOption(
        rank,
        s.label(),
        s.need(),
        d.benefit(),
        alternatives,
        statement,
        x.score(),
        x.components(),
        evidence,
        disproveLine);
  }

  private static Candidates.Segment wholeMarket() {
    return new Candidates.Segment("the whole market", "", "#overview", List.of(), 1, null, 1);
  }

  private static Candidates.Differentiator noDifferentiator(List<String> rivals) {
    return new Candidates.Differentiator(
        "none", "serves them best", rivals, "#overview", List.of(), 0, 0, null);
  }
}
