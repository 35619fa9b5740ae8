package io.marketlens.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.marketlens.core.progress.Progress;
import io.marketlens.core.project.ProjectFileLoader;
import io.marketlens.voc.sentiment.SentimentModel;
import io.marketlens.voc.theme.ThemeHistory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Reviews joined to customer segments through the whole pipeline, run on 80 % of the reviews and
 * then on all of them. The data are real (the demo's first 200 telco customers and first 160
 * reviews, SST-2 and ChnSentiCorp) but their pairing is made up here: no public data set has
 * reviews written by the customers of another table. Review i belongs to customer (7i mod 200);
 * every 20th review names an unknown customer.
 *
 * <p>The project lives under {@code target/} rather than a temporary directory so that its
 * embedding cache survives between test runs; its theme history is removed first.
 */
class VocStepTest {

  private static final Path DEMO = Path.of("..", "examples", "demo", "data");

  @Test
  void analyze_reviewsWithCustomers_reportSentimentPerSegmentAndKeepThemeIds() throws Exception {
    Path dir = Path.of("target", "voc-step-project").toAbsolutePath();
    Files.createDirectories(dir);
    Files.deleteIfExists(
        dir.resolve(".marketlens").resolve("cache").resolve(ThemeHistory.FILE_NAME));
    List<String> customers = Files.readAllLines(DEMO.resolve("customers.csv"));
    Files.write(dir.resolve("customers.csv"), customers.subList(0, 201));
    List<String> ids = new ArrayList<>();
    for (String line : customers.subList(1, 201)) ids.add(line.substring(0, line.indexOf(',')));
    List<String> reviews = reviewRecords();
    Files.writeString(
        dir.resolve("marketlens.yaml"),
        """
        project: Joined Co
        data:
          customers: { path: customers.csv, id: customerID }
          reviews: { path: reviews.csv, text: review, label: sentiment, customer: customer }
        """);

    writeReviews(dir, reviews.subList(0, 128), ids);
    JsonNode first = analyze(dir).path("voc");
    assertThat(first.path("themeIds").path("previousRun").asBoolean()).isFalse();
    assertThat(dir.resolve(".marketlens/cache/" + ThemeHistory.FILE_NAME)).exists();

    writeReviews(dir, reviews, ids);
    JsonNode voc = analyze(dir).path("voc");

    JsonNode segments = voc.path("segments");
    assertThat(segments.path("joined").asBoolean()).isTrue();
    assertThat(segments.path("source").asText()).isEqualTo("customers.segments");
    assertThat(segments.path("reviewsUnmatched").asInt()).isEqualTo(8);
    assertThat(segments.path("reviewsMatched").asInt()).isEqualTo(152);
    int total = 0;
    Set<Integer> themeIds = new HashSet<>();
    for (JsonNode t : voc.path("themes")) themeIds.add(t.path("id").asInt());
    for (JsonNode g : segments.path("segments")) {
      total += g.path("reviews").asInt();
      assertThat(g.path("sharePositive").asDouble()).isBetween(0.0, 1.0);
      assertThat(themeIds).contains(g.path("topTheme").path("id").asInt());
      assertThat(g.path("topTheme").path("lift").asDouble()).isPositive();
    }
    assertThat(total).isEqualTo(152);

    JsonNode themeIdsNode = voc.path("themeIds");
    assertThat(themeIdsNode.path("previousRun").asBoolean()).isTrue();
    assertThat(themeIdsNode.path("persisted").asInt()).isPositive();
    for (JsonNode t : voc.path("themes")) {
      JsonNode a = t.path("aspects");
      assertThat(
              a.path("positive").asInt() + a.path("negative").asInt() + a.path("neutral").asInt())
          .isEqualTo(a.path("sentences").asInt());
    }
    // The sentiment model is saved with the output and scores the reviews as the analysis did.
    assertThat(voc.path("sentiment").path("model").asText()).isEqualTo("models/sentiment");
    Path saved = dir.resolve("out").resolve("models").resolve("sentiment");
    assertThat(saved.resolve("metadata.json")).isRegularFile();
    try (SentimentModel model = SentimentModel.load(saved)) {
      assertThat(model.metadata().trainingData()).isEqualTo("reviews.csv");
      List<String> texts = new ArrayList<>();
      for (String r : reviews.subList(0, 5)) texts.add(textOf(r));
      double[] p = model.score(texts);
      assertThat(p).hasSize(5);
      for (double x : p) assertThat(x).isBetween(0.0, 1.0);
    }
    String html = Files.readString(dir.resolve("out/report/index.html"));
    assertThat(html)
        .contains("Sentiment per customer segment")
        .contains("Aspect sentiment per theme");
  }

  /** The review text of a CSV record {@code review,sentiment,source}. */
  private static String textOf(String record) {
    if (!record.startsWith("\"")) return record.substring(0, record.indexOf(','));
    StringBuilder t = new StringBuilder();
    for (int i = 1; i < record.length(); i++) {
      char c = record.charAt(i);
      if (c == '"' && i + 1 < record.length() && record.charAt(i + 1) == '"') {
        t.append('"');
        i++;
      } else if (c == '"') {
        break;
      } else {
        t.append(c);
      }
    }
    return t.toString();
  }

  private static JsonNode analyze(Path dir) {
    return Analysis.run(
            ProjectFileLoader.load(dir.resolve("marketlens.yaml")),
            new AnalysisOptions(dir.resolve("out"), "local"),
            Progress.NONE)
        .results();
  }

  /** The demo's first 160 review records (header excluded), each as one CSV line. */
  private static List<String> reviewRecords() throws IOException {
    String csv = Files.readString(DEMO.resolve("reviews.csv"), StandardCharsets.UTF_8);
    List<String> records = new ArrayList<>();
    StringBuilder r = new StringBuilder();
    boolean quoted = false;
    for (int i = csv.indexOf('\n') + 1; i < csv.length() && records.size() < 160; i++) {
      char c = csv.charAt(i);
      if (c == '"') quoted = !quoted;
      if (c == '\n' && !quoted) {
        records.add(r.toString());
        r.setLength(0);
      } else {
        r.append(c);
      }
    }
    return records;
  }

  private static void writeReviews(Path dir, List<String> records, List<String> ids)
      throws IOException {
    StringBuilder out = new StringBuilder("review,sentiment,source,customer\n");
    for (int i = 0; i < records.size(); i++) {
      String customer = i % 20 == 19 ? "0000-NOONE" : ids.get(7 * i % ids.size());
      out.append(records.get(i)).append(',').append(customer).append('\n');
    }
    Files.writeString(dir.resolve("reviews.csv"), out.toString());
  }
}
