package io.marketlens.pipeline;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.marketlens.core.progress.Progress;
import io.marketlens.core.project.DataSection;
import io.marketlens.core.project.ProjectFile;
import io.marketlens.core.result.ResultsJson;
import io.marketlens.core.table.Column;
import io.marketlens.core.table.Table;
import io.marketlens.ml.embed.Embedder;
import io.marketlens.ml.embed.EmbedderOptions;
import io.marketlens.voc.aspect.AspectAnalysis;
import io.marketlens.voc.aspect.AspectOptions;
import io.marketlens.voc.aspect.AspectResult;
import io.marketlens.voc.aspect.ThemeAspects;
import io.marketlens.voc.sentiment.LanguageSentiment;
import io.marketlens.voc.sentiment.SentimentAnalysis;
import io.marketlens.voc.sentiment.SentimentCandidates;
import io.marketlens.voc.sentiment.SentimentMetrics;
import io.marketlens.voc.sentiment.SentimentModel;
import io.marketlens.voc.sentiment.SentimentOptions;
import io.marketlens.voc.sentiment.SentimentResult;
import io.marketlens.voc.theme.Theme;
import io.marketlens.voc.theme.ThemeAnalysis;
import io.marketlens.voc.theme.ThemeHistory;
import io.marketlens.voc.theme.ThemeIds;
import io.marketlens.voc.theme.ThemeOptions;
import io.marketlens.voc.theme.ThemeResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Voice of the customer on the {@code reviews} table: sentiment (the best on validation of several
 * candidate models on in-jar sentence embeddings and TF-IDF n-grams, trained on the labels or on
 * ratings as weak labels, and saved under {@code models/sentiment} in the output), themes (clusters
 * of the same embeddings with c-TF-IDF keywords) whose ids persist across runs through the theme
 * history in the project's cache directory, aspect sentiment (sentences assigned to themes and
 * scored), and sentiment per customer segment when reviews name customers: {@code voc.sentiment},
 * {@code voc.themes}, {@code voc.themeIds}, {@code voc.aspects} and {@code voc.segments}.
 */
final class VocStep implements Capabilities.Step {

  /** Where the sentiment model is saved, relative to the output directory. */
  static final String SENTIMENT_MODEL = "models/sentiment";

  @Override
  public void run(
      ProjectFile project,
      Map<String, LoadedTable> tables,
      ObjectNode results,
      Findings findings,
      Progress progress) {
    LoadedTable t = tables.get("reviews");
    DataSection s = t.section();
    Table table = t.table();
    List<String> texts = strings(table.column(s.column("text").orElseThrow()));
    List<String> labels = s.column("label").map(c -> strings(table.column(c))).orElse(null);
    List<Double> ratings = s.column("rating").map(c -> numbers(table.column(c))).orElse(null);
    List<String> times = s.column("time").map(c -> dates(table.column(c))).orElse(null);
    EmbedderOptions eo = EmbedderOptions.defaults().withCacheDirectory(project.cacheDir());
    ThemeOptions themeOptions = ThemeOptions.defaults().withSeed(project.seed());
    ObjectNode voc = results.putObject("voc");
    try (Embedder embedder = Embedder.open(eo)) {
      SentimentResult sentiment =
          SentimentAnalysis.run(
              texts,
              labels,
              ratings,
              SentimentOptions.defaults().withSeed(project.seed()),
              embedder,
              progress);
      voc.set("sentiment", sentimentNode(sentiment));
      if (sentiment.model() != null) {
        SentimentModel.Snapshot saved =
            sentiment.model().snapshot().withTrainingData(t.quality().file());
        findings.output(SENTIMENT_MODEL, saved::write);
      }
      try {
        ThemeResult themes =
            ThemeAnalysis.run(
                texts,
                times,
                sentiment.trained() ? sentiment.scores() : null,
                themeOptions,
                embedder,
                progress);
        Path historyFile = project.cacheDir().resolve(ThemeHistory.FILE_NAME);
        ThemeHistory history = ThemeHistory.read(historyFile);
        ThemeIds ids = history.match(themes.themes(), ThemeHistory.DEFAULT_MIN_SIMILARITY);
        findings.afterCommit(() -> history.next(themes.themes(), ids).write(historyFile));
        AspectResult aspects =
            AspectAnalysis.run(
                texts,
                themes,
                sentiment.trained() ? sentiment : null,
                AspectOptions.defaults()
                    .withTargetUnassignedShare(themeOptions.targetUnassignedShare()),
                embedder,
                progress);
        ArrayNode out = voc.putArray("themes");
        for (int i = 0; i < themes.themes().size(); i++) {
          out.add(
              themeNode(
                  themes.themes().get(i),
                  ids,
                  i,
                  sentiment.trained(),
                  aspects.themes().get(i),
                  aspects));
        }
        voc.set("quality", ResultsJson.MAPPER.valueToTree(themes.quality()));
        voc.set("themeIds", VocNodes.themeIds(ids, history));
        voc.set("aspects", VocNodes.aspects(aspects, sentiment.trained()));
        voc.set(
            "segments",
            ReviewSegments.node(
                s, table, findings.segments(), sentiment, aspects, themes.themes(), ids));
      } finally {
        // The saved files are already in the snapshot; a Transformer's native memory goes now.
        if (sentiment.model() != null) sentiment.model().close();
      }
    }
  }

  private static ObjectNode sentimentNode(SentimentResult r) {
    ObjectNode n = ResultsJson.MAPPER.createObjectNode();
    n.put("trained", r.trained());
    if (r.reason() != null) n.put("reason", r.reason());
    n.put("labelSource", r.labelSource().name().toLowerCase(Locale.ROOT));
    n.put("texts", r.texts());
    n.put("blankTexts", r.blankTexts());
    n.put("labelledRows", r.labelledRows());
    if (r.model() != null) n.put("model", SENTIMENT_MODEL);
    if (r.overall() != null) n.set("metrics", metrics(r.overall()));
    ArrayNode by = n.putArray("byLanguage");
    for (LanguageSentiment l : r.byLanguage()) {
      ObjectNode ln = by.addObject();
      ln.put("language", l.language().name().toLowerCase(Locale.ROOT));
      ln.put("texts", l.texts());
      ln.put("labelledRows", l.labelledRows());
      ln.put("trained", l.trained());
      if (l.reason() != null) ln.put("reason", l.reason());
      if (l.trained()) {
        ln.put("chosen", l.chosen().id());
        ln.put("model", l.model());
        ln.put("trainRows", l.trainRows());
        ln.put("validationRows", l.validationRows());
        ln.set("metrics", metrics(l.test()));
        ArrayNode candidates = ln.putArray("candidates");
        for (SentimentCandidates.Report c : l.candidates()) {
          ObjectNode cn = candidates.addObject();
          cn.put("candidate", c.candidate().id());
          cn.put("status", c.status());
          if (c.note() != null) cn.put("note", c.note());
          if (c.description() != null) cn.put("model", c.description());
          if (c.validation() != null) cn.set("validation", metrics(c.validation()));
          cn.put("chosen", c.chosen());
        }
      }
    }
    double positive = 0;
    int scored = 0;
    for (double p : r.scores()) {
      if (Double.isNaN(p)) continue;
      positive += p >= 0.5 ? 1 : 0;
      scored++;
    }
    if (scored > 0) n.put("sharePositive", positive / scored);
    return n;
  }

  private static ObjectNode metrics(SentimentMetrics m) {
    ObjectNode n = ResultsJson.MAPPER.createObjectNode();
    n.put("rows", m.rows());
    n.put("accuracy", m.accuracy());
    n.put("precision", m.precision());
    n.put("recall", m.recall());
    n.put("f1", m.f1());
    n.put("auc", m.auc());
    n.put("logLoss", m.logLoss());
    return n;
  }

  private static ObjectNode themeNode(
      Theme th, ThemeIds ids, int index, boolean scored, ThemeAspects a, AspectResult aspects) {
    ObjectNode n = ResultsJson.MAPPER.createObjectNode();
    n.put("id", ids.id(index));
    n.put("persisted", ids.persisted(index));
    if (ids.persisted(index)) n.put("previousSimilarity", ids.similarities().get(index));
    n.put("language", th.language());
    n.put("label", th.label());
    n.set("keywords", ResultsJson.MAPPER.valueToTree(th.keywords()));
    n.put("size", th.size());
    n.put("share", th.share());
    if (scored && Double.isFinite(th.meanPositive())) {
      n.put("sentiment", th.meanPositive());
      n.put("sharePositive", th.sharePositive());
    }
    ObjectNode trend = n.putObject("trend");
    th.trend().forEach((month, count) -> trend.put(month.toString(), count));
    n.set("quotes", ResultsJson.MAPPER.valueToTree(th.quotes()));
    n.set("aspects", VocNodes.themeAspects(a, aspects, scored));
    return n;
  }

  private static List<String> strings(Column c) {
    List<String> out = new ArrayList<>(c.size());
    for (int i = 0; i < c.size(); i++) out.add(c.isMissing(i) ? null : c.getString(i));
    return out;
  }

  private static List<Double> numbers(Column c) {
    List<Double> out = new ArrayList<>(c.size());
    for (int i = 0; i < c.size(); i++) out.add(c.isMissing(i) ? null : c.getDouble(i));
    return out;
  }

  private static List<String> dates(Column c) {
    List<String> out = new ArrayList<>(c.size());
    for (int i = 0; i < c.size(); i++) {
      out.add(
          c.isMissing(i) ? null : c.type().isString() ? c.getString(i) : c.getDate(i).toString());
    }
    return out;
  }
}
