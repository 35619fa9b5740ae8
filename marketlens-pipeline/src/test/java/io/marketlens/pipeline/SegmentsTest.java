package io.marketlens.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.marketlens.core.progress.Progress;
import io.marketlens.core.project.ProjectFileLoader;
import io.marketlens.core.validate.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Segments through the whole pipeline from a transactions section alone, with the project file's
 * {@code segments} setting. Data: the demo's Online Retail slice (175 customers, see
 * examples/demo/data/README.md for source and licence).
 */
class SegmentsTest {

  private static final Path TRANSACTIONS =
      Path.of("../examples/demo/data/transactions.csv").toAbsolutePath().normalize();

  @TempDir Path dir;

  private AnalysisResult analyze(String segments) throws Exception {
    Files.writeString(
        dir.resolve("marketlens.yaml"),
        """
        project: Retail Co
        data:
          transactions:
            path: %s
            customer: CustomerID
            time: InvoiceDate
            quantity: Quantity
            price: UnitPrice
            invoice: InvoiceNo
            product: StockCode
        %s
        """
            .formatted(TRANSACTIONS, segments));
    return Analysis.run(
        ProjectFileLoader.load(dir.resolve("marketlens.yaml")),
        new AnalysisOptions(dir.resolve("out"), "local"),
        Progress.NONE);
  }

  @Test
  void analyze_transactionsWithHdbscan_writesSegmentsPersonasAndTheUnclustered() throws Exception {
    AnalysisResult r = analyze("    segments: { method: hdbscan }");
    JsonNode c = r.results().path("customers");
    JsonNode seg = c.path("segmentation");
    assertThat(seg.path("method").asText()).isEqualTo("hdbscan");
    assertThat(seg.path("chosenBy").asText()).isEqualTo("excess of mass");
    assertThat(seg.path("minClusterSize").asInt()).isEqualTo(5);
    assertThat(seg.path("minClusterSizeDefault").asBoolean()).isTrue();
    assertThat(seg.path("minSamples").asInt()).isEqualTo(5);
    assertThat(seg.path("clusterSelection").asText()).isEqualTo("eom");
    assertThat(seg.path("silhouetteOf").asText()).isEqualTo("clustered customers");
    assertThat(seg.path("sampled").asBoolean()).isFalse();
    int k = seg.path("k").asInt();
    assertThat(k).isGreaterThanOrEqualTo(2);
    assertThat(c.path("segments")).hasSize(k);
    int customers = c.path("clv").path("customers").asInt();
    int clustered = 0;
    for (JsonNode s : c.path("segments")) {
      assertThat(s.path("label").asText()).isNotBlank().isNotEqualTo("Unclustered");
      assertThat(s.path("persona").asText()).contains(" customers (");
      assertThat(s.path("clv").isNumber()).isTrue();
      assertThat(s.path("profile").size()).isPositive();
      clustered += s.path("size").asInt();
    }
    JsonNode u = c.path("unclustered");
    assertThat(u.path("label").asText()).isEqualTo("Unclustered");
    assertThat(u.path("persona").asText()).contains("fit no segment");
    assertThat(u.path("size").asInt()).isEqualTo(seg.path("noise").asInt());
    assertThat(clustered + u.path("size").asInt()).isEqualTo(customers);
    assertThat(seg.path("noiseShare").asDouble())
        .isCloseTo(u.path("size").asDouble() / customers, within(1e-12));
    assertThat(seg.path("summary").asText())
        .startsWith("HDBSCAN with minClusterSize 5 (the default");
    assertThat(r.skipped()).noneMatch(s -> s.startsWith("customers:"));
    JsonNode option = r.results().path("positioning").path("options").get(0);
    assertThat(option.path("evidence").toString()).contains("customer segmentation (HDBSCAN)");
    String html = Files.readString(r.reportFile());
    assertThat(html).contains("HDBSCAN with minClusterSize 5").contains("id=\"unclustered\"");
  }

  @Test
  void analyze_transactionsAlone_segmentsWithKMeansByDefault() throws Exception {
    AnalysisResult r = analyze("");
    JsonNode seg = r.results().path("customers").path("segmentation");
    assertThat(seg.path("method").asText()).isEqualTo("kmeans");
    assertThat(seg.path("chosenBy").asText()).isEqualTo("silhouette");
    assertThat(seg.path("noiseShare").asDouble()).isZero();
    assertThat(r.results().path("customers").has("unclustered")).isFalse();
  }

  @Test
  void analyze_hdbscanFindingNoSegment_namesTheProjectFileKeyAndWhatToDo() throws Exception {
    assertThatThrownBy(() -> analyze("    segments: { method: hdbscan, minClusterSize: 150 }"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("marketlens.yaml")
        .hasMessageContaining("key 'data.transactions.segments.minClusterSize'")
        .hasMessageContaining("HDBSCAN found none among")
        .hasMessageContaining("use method kmeans");
  }
}
