package io.marketlens.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marketlens.bench.IngestReport.FileFigures;
import io.marketlens.bench.IngestReport.Measurement;
import io.marketlens.bench.IngestReport.ReferenceVersions;
import io.marketlens.bench.IngestReport.Timing;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestReportTest {

  private static Measurement measurement(long rows, List<Double> runs, String dateType) {
    return new Measurement(
        new Timing(runs, List.of()),
        rows,
        Map.of("created_at", dateType),
        dateType.startsWith("datetime") ? List.of("created_at") : List.of());
  }

  private static IngestReport report(ReferenceVersions versions, Measurement pandas) {
    FileFigures f =
        new FileFigures(
            "synthetic",
            Path.of("/tmp/orders.csv"),
            123,
            false,
            measurement(1_000, List.of(0.5, 0.4, 0.45), "datetime"),
            pandas,
            null);
    return new IngestReport(List.of(f), 2, "17.0.15", "OpenJDK", 1L << 32, versions, null, 3, 42);
  }

  @Test
  void timing_oddAndEvenCounts_medianAndBest() {
    Timing odd = new Timing(List.of(3.0, 1.0, 2.0), List.of());
    assertThat(odd.bestSeconds()).isEqualTo(1.0);
    assertThat(odd.medianSeconds()).isEqualTo(2.0);
    Timing even = new Timing(List.of(4.0, 1.0, 2.0, 3.0), List.of(8.0, 2.0, 4.0, 6.0));
    assertThat(even.medianSeconds()).isEqualTo(2.5);
    assertThat(even.cpuPerWall()).isEqualTo(2.0);
  }

  @Test
  void ratios_oursOverPandasRowsPerSecond() {
    IngestReport r =
        report(
            new ReferenceVersions("1.5.3", "1.24.2", "3.11.2", "/usr/bin/python3", "PASSIVE"),
            measurement(1_000, List.of(1.0, 0.8, 0.9), "object"));
    FileFigures f = r.files().get(0);
    assertThat(f.ratioBest()).isEqualTo(2.0);
    assertThat(f.ratioMedian()).isEqualTo(2.0);
    assertThat(r.oursAtLeastPandas()).isTrue();
  }

  @Test
  void toJson_oneLineWithEveryFigureAndTheVersions() throws Exception {
    IngestReport r =
        report(
            new ReferenceVersions("1.5.3", "1.24.2", "3.11.2", "/usr/bin/python3", "PASSIVE"),
            measurement(1_000, List.of(1.0, 0.8, 0.9), "object"));
    String json = r.toJson();
    assertThat(json).doesNotContain("\n");
    JsonNode root = new ObjectMapper().readTree(json);
    assertThat(root.get("benchmark").asText()).isEqualTo("ingest");
    assertThat(root.get("java_version").asText()).isEqualTo("17.0.15");
    assertThat(root.get("pandas_version").asText()).isEqualTo("1.5.3");
    assertThat(root.get("cores").asInt()).isEqualTo(2);
    JsonNode file = root.get("files").get(0);
    assertThat(file.get("rows").asLong()).isEqualTo(1_000);
    assertThat(file.get("marketlens").get("median_s").asDouble()).isEqualTo(0.45);
    assertThat(file.get("marketlens").get("rows_per_s_best").asLong()).isEqualTo(2_500);
    assertThat(file.get("marketlens").get("date_columns").get(0).asText()).isEqualTo("created_at");
    assertThat(file.get("pandas").get("rows_per_s_median").asLong()).isEqualTo(1_111);
    assertThat(file.get("pandas_parse_dates").isNull()).isTrue();
    assertThat(file.get("ratio_median").asDouble()).isEqualTo(2.0);
  }

  @Test
  void toJson_withoutPandas_nullFiguresAndTheReason() throws Exception {
    IngestReport r =
        new IngestReport(
            report(null, null).files(),
            2,
            "17",
            "vm",
            1,
            null,
            "pandas reference could not run: no python",
            1,
            42);
    JsonNode root = new ObjectMapper().readTree(r.toJson());
    assertThat(root.get("pandas_version").isNull()).isTrue();
    assertThat(root.get("reference_error").asText()).contains("no python");
    assertThat(root.get("files").get(0).get("pandas").isNull()).isTrue();
    assertThat(root.get("files").get(0).get("ratio_median").isNull()).isTrue();
    assertThat(r.oursAtLeastPandas()).isFalse();
  }

  @Test
  void datesParsed_namesTheColumnsEachSideParsedOrLeftAsText() {
    Measurement ours = measurement(1, List.of(1.0), "datetime");
    assertThat(IngestBenchmark.datesParsed(ours, ours)).isEqualTo("yes: created_at");
    assertThat(IngestBenchmark.datesParsed(measurement(1, List.of(1.0), "object"), ours))
        .isEqualTo("no (created_at object)");
  }
}
