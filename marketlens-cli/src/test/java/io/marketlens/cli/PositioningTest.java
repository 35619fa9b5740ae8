package io.marketlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Positioning options: ranked, each tied to at least three numbers that are in results.json. */
class PositioningTest {

  @TempDir Path tmp;

  @Test
  void demo_rankedOptionsEachWithThreeEvidenceItemsMatchingResults() throws Exception {
    assertThat(CliRun.of("demo", "--out", tmp.toString()).exitCode()).isZero();
    JsonNode results = new ObjectMapper().readTree(tmp.resolve("results.json").toFile());
    JsonNode options = results.path("positioning").path("options");

    assertThat(options.size()).isGreaterThanOrEqualTo(3);
    double previous = Double.MAX_VALUE;
    for (int i = 0; i < options.size(); i++) {
      JsonNode o = options.get(i);
      assertThat(o.path("rank").asInt()).isEqualTo(i + 1);
      assertThat(o.path("score").asDouble()).isBetween(0.0, 1.0).isLessThanOrEqualTo(previous);
      previous = o.path("score").asDouble();
      assertThat(o.path("statement").asText()).startsWith("For ").contains("Demo Co is the ");
      assertThat(o.path("disprove").asText()).startsWith("This option is wrong if ");
      assertThat(o.path("evidence").size()).isGreaterThanOrEqualTo(3);
      for (JsonNode e : o.path("evidence")) {
        JsonNode cited = results.at(e.path("source").asText());
        assertThat(cited.isNumber()).as(e.path("source").asText()).isTrue();
        assertThat(cited.asDouble())
            .as(e.path("source").asText())
            .isEqualTo(e.path("value").asDouble());
        assertThat(e.path("link").asText()).startsWith("#");
      }
    }
    String html = Files.readString(tmp.resolve("report/index.html"));
    assertThat(html).contains("id=\"positioning\"", "id=\"option-1\"", "id=\"option-3\"");
  }

  @Test
  void customersOnly_reportRendersAndSaysWhichEvidenceIsMissing() throws Exception {
    Path project = Files.createDirectories(tmp.resolve("p"));
    Files.copy(
        DemoProject.locate().resolve("data/customers.csv"), project.resolve("customers.csv"));
    Files.writeString(
        project.resolve("marketlens.yaml"),
        "project: Only Customers\ndata:\n  customers: { path: customers.csv, id: customerID, churn: Churn }\n");

    CliRun run = CliRun.of("analyze", "--config", project.resolve("marketlens.yaml").toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    String html = Files.readString(project.resolve("out/report/index.html"));
    assertThat(html)
        .contains("Evidence missing")
        .contains("no competitors data")
        .contains("no market series");
    assertThat(html)
        .contains("No competitor table was given")
        .contains("No market series was given");
  }
}
