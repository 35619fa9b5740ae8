package io.marketlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marketlens.customers.churn.SavedChurnModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code marketlens demo} analyzes the bundled sample project end to end, as the README promises.
 */
class DemoCommandTest {

  @TempDir Path tmp;

  @Test
  void demo_bundledProject_writesResultsAndReportAndPrintsReportPath() throws Exception {
    Path out = tmp.resolve("demo");

    CliRun run = CliRun.of("demo", "--out", out.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    Path report = out.resolve("report").resolve("index.html").toAbsolutePath().normalize();
    assertThat(run.out()).contains("Report:  " + report);
    assertThat(report).isRegularFile();

    String json = Files.readString(out.resolve("results.json"));
    assertThat(json.strip()).startsWith("{\n  \"schemaVersion\" : 1,");
    JsonNode results = new ObjectMapper().readTree(json);
    List<String> tables = new ArrayList<>();
    for (JsonNode t : results.path("quality").path("tables")) tables.add(t.path("table").asText());
    assertThat(tables)
        .containsExactly(
            "customers", "transactions", "reviews", "market", "competitors", "interactions");
    JsonNode customers = results.path("quality").path("tables").get(0);
    assertThat(customers.path("rows").asInt()).isEqualTo(1000);
    assertThat(customers.path("duplicateIds").asInt()).isZero();
    JsonNode totalCharges = column(customers, "TotalCharges");
    assertThat(totalCharges.path("type").asText()).isEqualTo("decimal");
    assertThat(totalCharges.path("missing").asInt()).isEqualTo(3);

    // The kept churn model is saved beside the results and scores as the analysis did.
    JsonNode churn = results.path("customers").path("churn");
    assertThat(churn.path("model").asText()).isEqualTo("models/churn");
    Path modelDir = out.resolve(churn.path("model").asText());
    assertThat(modelDir.resolve("metadata.json")).isRegularFile();
    SavedChurnModel model = SavedChurnModel.load(modelDir);
    assertThat(model.classifier()).isEqualTo(churn.path("chosen").asText());
    double[] p = model.score(model.read(Path.of("../examples/demo/data/customers.csv")));
    assertThat(churn.path("highestRisk")).isNotEmpty();
    for (JsonNode risk : churn.path("highestRisk")) {
      assertThat(p[risk.path("row").asInt()])
          .as(risk.path("id").asText())
          .isEqualTo(risk.path("probability").asDouble());
    }
  }

  @Test
  void demo_sameDataTwice_sameResults() throws Exception {
    CliRun first = CliRun.of("demo", "--out", tmp.resolve("a").toString());
    CliRun second = CliRun.of("demo", "--out", tmp.resolve("b").toString());

    assertThat(first.exitCode()).isZero();
    assertThat(second.exitCode()).isZero();
    assertThat(Files.readString(tmp.resolve("b/results.json")))
        .isEqualTo(Files.readString(tmp.resolve("a/results.json")));
    assertThat(Files.readString(tmp.resolve("b/report/index.html")))
        .isEqualTo(Files.readString(tmp.resolve("a/report/index.html")));
  }

  @Test
  void demo_reportRendersChineseTextAndEveryTable() throws Exception {
    Path out = tmp.resolve("demo");
    assertThat(CliRun.of("demo", "--out", out.toString()).exitCode()).isZero();

    String html = Files.readString(out.resolve("report/index.html"));

    assertThat(html).startsWith("<!DOCTYPE html>").contains("<meta charset=\"utf-8\">");
    assertThat(html)
        .contains(
            "id=\"quality-customers\"", "id=\"quality-reviews\"", "id=\"quality-interactions\"");
    assertThat(html).doesNotContain("<script src=", "<link rel=\"stylesheet\" href=");
  }

  static JsonNode column(JsonNode table, String name) {
    for (JsonNode c : table.path("columnSummaries"))
      if (c.path("name").asText().equals(name)) return c;
    throw new AssertionError("no column " + name);
  }
}
