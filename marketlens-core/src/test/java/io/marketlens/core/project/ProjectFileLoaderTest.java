package io.marketlens.core.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketlens.core.table.ColumnType;
import io.marketlens.core.validate.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectFileLoaderTest {

  @TempDir Path dir;

  @BeforeEach
  void data() throws Exception {
    Files.writeString(dir.resolve("customers.csv"), "customerID,Churn\nA,No\n");
    Files.writeString(dir.resolve("market.csv"), "month,sales\n2020-01,1\n");
  }

  private Path yaml(String text) throws Exception {
    return Files.writeString(dir.resolve("marketlens.yaml"), text);
  }

  @Test
  void load_fullSection_givesRecordsWithResolvedPaths() throws Exception {
    ProjectFile p =
        ProjectFileLoader.load(
            yaml(
                """
                project: Acme
                language: zh
                seed: 7
                data:
                  customers:
                    path: customers.csv
                    id: customerID
                    churn: Churn
                    delimiter: tab
                    encoding: gbk
                    types: { tenure: integer }
                    missing: ["?"]
                  market: { path: market.csv, time: month, value: sales, frequency: Monthly, horizon: 6 }
                """));

    assertThat(p.project()).isEqualTo("Acme");
    assertThat(p.language()).isEqualTo("zh");
    assertThat(p.seed()).isEqualTo(7);
    assertThat(p.privacy().enabled()).isTrue();
    assertThat(p.privacy().secretFile()).isEqualTo(dir.resolve(".marketlens/secret"));
    DataSection c = p.section("customers").orElseThrow();
    assertThat(c.path()).isEqualTo(dir.resolve("customers.csv"));
    assertThat(c.column("id")).contains("customerID");
    assertThat(c.column("churn")).contains("Churn");
    assertThat(c.read().delimiter()).isEqualTo('\t');
    assertThat(c.read().encoding().name()).isEqualTo("GBK");
    assertThat(c.read().types()).containsEntry("tenure", ColumnType.INTEGER);
    assertThat(c.read().missingTokens()).contains("?", "NA");
    DataSection m = p.section("market").orElseThrow();
    assertThat(m.setting("frequency")).contains("monthly");
    assertThat(m.setting("horizon")).contains(6);
    assertThat(p.sectionNames()).containsExactly("customers", "market");
  }

  @Test
  void load_defaults_seed42AndAutoLanguage() throws Exception {
    ProjectFile p =
        ProjectFileLoader.load(
            yaml("data:\n  customers: { path: customers.csv, id: customerID }\n"));

    assertThat(p.seed()).isEqualTo(42);
    assertThat(p.language()).isEqualTo("auto");
  }

  @Test
  void load_unknownTopLevelKey_namesKeyAndSuggestion() throws Exception {
    Path f = yaml("projct: Acme\ndata:\n  customers: { path: customers.csv, id: customerID }\n");

    assertThatThrownBy(() -> ProjectFileLoader.load(f))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("marketlens.yaml")
        .hasMessageContaining("key 'projct'")
        .hasMessageContaining("did you mean 'project'?");
  }

  @Test
  void load_duplicateKey_isYamlError() throws Exception {
    Path f =
        yaml("seed: 1\nseed: 2\ndata:\n  customers: { path: customers.csv, id: customerID }\n");

    assertThatThrownBy(() -> ProjectFileLoader.load(f))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("valid YAML")
        .hasMessageContaining("seed");
  }

  @Test
  void load_wrongLanguage_suggestsClosest() throws Exception {
    Path f = yaml("language: zhh\ndata:\n  customers: { path: customers.csv, id: customerID }\n");

    assertThatThrownBy(() -> ProjectFileLoader.load(f))
        .hasMessageContaining("key 'language'")
        .hasMessageContaining("did you mean 'zh'?");
  }

  @Test
  void load_privacyColumnChoice_isValidated() throws Exception {
    Path f =
        yaml(
            "privacy: { columns: { email: emial } }\ndata:\n  customers: { path: customers.csv, id: customerID }\n");

    assertThatThrownBy(() -> ProjectFileLoader.load(f))
        .hasMessageContaining("privacy.columns.email")
        .hasMessageContaining("did you mean 'email'?");
  }

  @Test
  void load_segments_givesTheSettingsOrTheDefaults() throws Exception {
    ProjectFile p =
        ProjectFileLoader.load(
            yaml(
                """
                data:
                  customers:
                    path: customers.csv
                    id: customerID
                    segments: { method: HDBSCAN, minClusterSize: 50, minSamples: 10, selection: leaf }
                """));
    assertThat(p.section("customers").orElseThrow().segments())
        .isEqualTo(new SegmentSettings("hdbscan", 50, 10, "leaf"));
    ProjectFile d =
        ProjectFileLoader.load(
            yaml("data:\n  customers: { path: customers.csv, id: customerID }\n"));
    assertThat(d.section("customers").orElseThrow().segments())
        .isEqualTo(SegmentSettings.defaults());
  }

  @Test
  void load_segmentsMistakes_nameTheKeyPathAndTheClosestName() throws Exception {
    String head = "data:\n  customers: { path: customers.csv, id: customerID, segments: ";
    assertThatThrownBy(
            () ->
                ProjectFileLoader.load(yaml(head + "{ method: hdbscan, minClusterSise: 50 } }\n")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("key 'data.customers.segments.minClusterSise'")
        .hasMessageContaining("did you mean 'minClusterSize'?");
    assertThatThrownBy(() -> ProjectFileLoader.load(yaml(head + "{ method: hdbscn } }\n")))
        .hasMessageContaining("key 'data.customers.segments.method'")
        .hasMessageContaining("did you mean 'hdbscan'?");
    assertThatThrownBy(
            () -> ProjectFileLoader.load(yaml(head + "{ method: hdbscan, minClusterSize: 1 } }\n")))
        .hasMessageContaining("key 'data.customers.segments.minClusterSize'")
        .hasMessageContaining("expected a whole number of at least 2, found \"1\"");
    assertThatThrownBy(() -> ProjectFileLoader.load(yaml(head + "{ minClusterSize: 50 } }\n")))
        .hasMessageContaining("key 'data.customers.segments.minClusterSize'")
        .hasMessageContaining("add 'method: hdbscan'");
    assertThatThrownBy(() -> ProjectFileLoader.load(yaml(head + "hdbscan }\n")))
        .hasMessageContaining("key 'data.customers.segments'")
        .hasMessageContaining("expected a mapping");
    assertThatThrownBy(
            () ->
                ProjectFileLoader.load(
                    yaml(
                        "data:\n  customers: { path: customers.csv, id: customerID, segmnts: {} }\n")))
        .hasMessageContaining("did you mean 'segments'?");
  }

  @Test
  void checkColumns_missingColumn_namesKeyFileAndClosestColumn() throws Exception {
    ProjectFile p =
        ProjectFileLoader.load(
            yaml("data:\n  customers: { path: customers.csv, id: customerId }\n"));
    var table =
        io.marketlens.core.table.Table.of(
            "customers",
            dir.resolve("customers.csv"),
            java.util.List.of(
                io.marketlens.core.table.Column.ofStrings(
                    "customerID", ColumnType.TEXT, new String[] {"A"}, null),
                io.marketlens.core.table.Column.ofStrings(
                    "Churn", ColumnType.CATEGORICAL, new String[] {"No"}, null)));

    assertThatThrownBy(() -> p.section("customers").orElseThrow().checkColumns(table))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("key 'data.customers.id'")
        .hasMessageContaining("a column of customers.csv")
        .hasMessageContaining("did you mean 'customerID'?");
  }
}
