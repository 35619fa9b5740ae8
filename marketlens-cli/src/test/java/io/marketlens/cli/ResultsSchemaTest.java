package io.marketlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's results.json, and one with HDBSCAN segments, satisfy the documented schema, {@code
 * docs/results-schema.json}.
 */
class ResultsSchemaTest {

  @TempDir Path tmp;

  @Test
  void demoResults_matchDocumentedSchema() throws Exception {
    assertThat(CliRun.of("demo", "--out", tmp.toString()).exitCode()).isZero();

    assertThat(errors(tmp.resolve("results.json"))).isEmpty();
  }

  @Test
  void hdbscanResults_matchDocumentedSchema() throws Exception {
    Path data = Path.of("..", "examples", "demo", "data").toAbsolutePath().normalize();
    Path config =
        Files.writeString(
            tmp.resolve("marketlens.yaml"),
            """
            data:
              customers:
                path: %s/customers.csv
                id: customerID
                segments: { method: hdbscan, minClusterSize: 20 }
              transactions:
                path: %s/transactions.csv
                customer: CustomerID
                time: InvoiceDate
                quantity: Quantity
                price: UnitPrice
                segments: { method: hdbscan, selection: leaf }
            """
                .formatted(data, data));
    Path out = tmp.resolve("out");
    CliRun run = CliRun.of("analyze", "--config", config.toString(), "--out", out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode customers = new ObjectMapper().readTree(out.resolve("results.json").toFile());
    assertThat(customers.at("/customers/segmentation/method").asText()).isEqualTo("hdbscan");
    assertThat(customers.at("/customers/purchases/unclustered/label").asText())
        .isEqualTo("Unclustered");

    assertThat(errors(out.resolve("results.json"))).isEmpty();
  }

  private static Set<ValidationMessage> errors(Path results) throws Exception {
    ObjectMapper json = new ObjectMapper();
    JsonNode schemaNode = json.readTree(Path.of("..", "docs", "results-schema.json").toFile());
    JsonSchema schema =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaNode);
    return schema.validate(json.readTree(Files.readString(results)));
  }
}
