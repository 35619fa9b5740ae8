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

/** The demo's results.json satisfies the documented schema, {@code docs/results-schema.json}. */
class ResultsSchemaTest {

  @TempDir Path tmp;

  @Test
  void demoResults_matchDocumentedSchema() throws Exception {
    assertThat(CliRun.of("demo", "--out", tmp.toString()).exitCode()).isZero();
    ObjectMapper json = new ObjectMapper();
    JsonNode schemaNode = json.readTree(Path.of("..", "docs", "results-schema.json").toFile());
    JsonSchema schema =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaNode);

    Set<ValidationMessage> errors =
        schema.validate(json.readTree(Files.readString(tmp.resolve("results.json"))));

    assertThat(errors).isEmpty();
  }
}
