package io.marketlens.pipeline;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.marketlens.core.result.ResultsJson;
import io.marketlens.voc.aspect.AspectResult;
import io.marketlens.voc.aspect.Polarity;
import io.marketlens.voc.aspect.ThemeAspects;
import io.marketlens.voc.theme.ThemeAnalysis;
import io.marketlens.voc.theme.ThemeHistory;
import io.marketlens.voc.theme.ThemeIds;
import java.util.List;

/** The {@code voc.themeIds}, {@code voc.aspects} and per-theme {@code aspects} nodes. */
final class VocNodes {

  private VocNodes() {}

  static ObjectNode themeIds(ThemeIds ids, ThemeHistory history) {
    ObjectNode n = ResultsJson.MAPPER.createObjectNode();
    n.put("previousRun", history.run() > 0);
    n.put(
        "matching",
        "cosine of theme centres centred on the language's mean theme direction, greedy one-to-one,"
            + " same language only");
    n.put("minSimilarity", ids.minSimilarity());
    n.put("persisted", ids.persistedCount());
    n.put("new", ids.newCount());
    n.set("retired", ResultsJson.MAPPER.valueToTree(ids.retired()));
    return n;
  }

  static ObjectNode aspects(AspectResult a, boolean scored) {
    ObjectNode n = ResultsJson.MAPPER.createObjectNode();
    n.put(
        "method",
        "reviews split into sentences (Chinese also at commas); each sentence embedded, assigned to"
            + " the nearest theme of its language by cosine to the theme centre, and scored by"
            + " that language's sentiment head");
    n.put("sentences", a.sentences().size());
    n.put("assignedSentences", a.assignedSentences());
    n.put("unassignedShare", a.unassignedShare());
    ObjectNode thresholds = n.putObject("thresholdByLanguage");
    a.thresholdByLanguage()
        .forEach(
            (language, t) -> {
              if (Double.isFinite(t)) thresholds.put(language, t);
            });
    n.put("scored", scored);
    if (scored) {
      n.put("neutralMargin", a.options().neutralMargin());
      n.put("positive", a.count(Polarity.POSITIVE));
      n.put("negative", a.count(Polarity.NEGATIVE));
      n.put("neutral", a.count(Polarity.NEUTRAL));
    }
    n.put("reviewsWithAspects", a.reviewsWithAspects());
    n.put("mixedReviews", a.mixedReviews());
    return n;
  }

  static ObjectNode themeAspects(ThemeAspects t, AspectResult a, boolean scored) {
    ObjectNode n = ResultsJson.MAPPER.createObjectNode();
    n.put("sentences", t.sentences());
    n.put("reviews", t.reviews());
    if (scored && t.scored() > 0) {
      n.put("positive", t.positive());
      n.put("negative", t.negative());
      n.put("neutral", t.neutral());
      n.put("sentiment", t.meanPositive());
      n.put("sharePositive", t.sharePositive());
      ObjectNode examples = n.putObject("examples");
      examples.set("positive", texts(a, t.positiveExamples()));
      examples.set("negative", texts(a, t.negativeExamples()));
    }
    return n;
  }

  private static ArrayNode texts(AspectResult a, List<Integer> sentences) {
    ArrayNode out = ResultsJson.MAPPER.createArrayNode();
    for (int k : sentences) out.add(ThemeAnalysis.shorten(a.sentences().get(k).text()));
    return out;
  }
}
