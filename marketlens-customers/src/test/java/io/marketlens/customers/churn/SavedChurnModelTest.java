package io.marketlens.customers.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.marketlens.core.table.Column;
import io.marketlens.core.table.Table;
import io.marketlens.core.validate.InvalidInputException;
import io.marketlens.customers.features.CustomerSlices;
import io.marketlens.ml.lab.ModelStore;
import io.marketlens.ml.lab.tabular.MlpClassifier;
import io.marketlens.ml.tabular.BinaryClassifier;
import io.marketlens.ml.tabular.Classifiers;
import io.marketlens.ml.tabular.GradientBoostedTrees;
import io.marketlens.ml.tabular.LogisticRegression;
import io.marketlens.testing.NewJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Saving the kept churn model and reading it back, for each kind of classifier, on the 300-customer
 * Telco slice: the loaded model gives the analysis's probabilities and reasons bit for bit, in this
 * JVM and in a fresh one.
 */
class SavedChurnModelTest {

  private static final Path TELCO = CustomerSlices.path("telco_slice.csv");

  @TempDir static Path tmp;

  private static Table customers;
  private static final Map<String, ChurnResult> RESULTS = new LinkedHashMap<>();
  private static final Map<String, Path> DIRS = new LinkedHashMap<>();

  @BeforeAll
  static void trainAndSaveEachCandidate() {
    customers = CustomerSlices.telco();
    for (String name : Classifiers.names()) {
      ChurnOptions options =
          ChurnOptions.defaults("customerID", "Churn")
              .withCandidates(List.<BinaryClassifier>of(Classifiers.named(name)));
      ChurnResult r = ChurnAnalysis.run(customers, options);
      Path dir = tmp.resolve("models").resolve(name);
      SavedChurnModel.save(r, dir, "telco_slice.csv", ModelStore.sha256(TELCO));
      RESULTS.put(name, r);
      DIRS.put(name, dir);
    }
  }

  @AfterAll
  static void release() {
    RESULTS.clear();
  }

  @ParameterizedTest
  @ValueSource(strings = {LogisticRegression.NAME, GradientBoostedTrees.NAME, MlpClassifier.NAME})
  void load_eachClassifier_scoresAndExplainsBitForBitAsTheAnalysis(String name) {
    ChurnResult r = RESULTS.get(name);
    assertThat(r.chosen()).isEqualTo(name);

    SavedChurnModel loaded = SavedChurnModel.load(DIRS.get(name));

    assertThat(loaded.classifier()).isEqualTo(name);
    assertThat(loaded.calibration()).isEqualTo(r.model().calibration());
    assertThat(loaded.score(customers)).containsExactly(r.score(customers));
    assertThat(loaded.score(loaded.read(TELCO))).containsExactly(r.score(customers));
    int[] rows = r.highestRisk().stream().mapToInt(CustomerRisk::row).toArray();
    List<List<Reason>> reasons = loaded.reasons(customers, rows, 3);
    for (int k = 0; k < rows.length; k++) {
      CustomerRisk risk = r.highestRisk().get(k);
      assertThat(loaded.score(customers)[risk.row()]).isEqualTo(risk.probability());
      assertThat(reasons.get(k)).isEqualTo(risk.reasons());
    }
  }

  @Test
  void load_inAFreshJvm_gradientBoostedTreesAndMlp_scoreBitForBit() throws Exception {
    String out =
        NewJvm.run(
            ScoreSavedChurnModel.class,
            DIRS.get(GradientBoostedTrees.NAME).toString(),
            TELCO.toString(),
            DIRS.get(MlpClassifier.NAME).toString(),
            TELCO.toString());

    String[] blocks = out.split("--\n", -1);
    assertThat(blocks).hasSize(3);
    assertThat(hex(blocks[0]))
        .containsExactlyElementsOf(hex(RESULTS.get(GradientBoostedTrees.NAME)));
    assertThat(hex(blocks[1])).containsExactlyElementsOf(hex(RESULTS.get(MlpClassifier.NAME)));
  }

  @Test
  void save_writesTheModelStoreLayout_withWhatTheScoreMeans() throws Exception {
    Path dir = DIRS.get(LogisticRegression.NAME);
    String json = Files.readString(dir.resolve("metadata.json"));
    assertThat(json.strip()).startsWith("{\n  \"schemaVersion\" : 1,");
    assertThat(dir.resolve("classifier.json")).isRegularFile();
    assertThat(dir.resolve("logistic.json")).isRegularFile();
    assertThat(dir.resolve(SavedChurnModel.BACKGROUND)).isRegularFile();
    try (var files = Files.list(dir.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("."));
    }

    SavedChurnModel loaded = SavedChurnModel.load(dir);
    var meta = loaded.metadata();
    assertThat(meta.task()).isEqualTo("churn");
    assertThat(meta.architecture()).isEqualTo(LogisticRegression.NAME);
    assertThat(meta.seed()).isEqualTo(ChurnOptions.DEFAULT_SEED);
    // Churn (Yes/No) is read as a boolean column: its values are spelled as the table holds them.
    assertThat(meta.labels()).containsExactly("false", "true");
    assertThat(meta.trainingDataSha256()).isEqualTo(ModelStore.sha256(TELCO)).hasSize(64);
    @SuppressWarnings("unchecked")
    Map<String, Object> label = (Map<String, Object>) meta.inputSchema().get("label");
    assertThat(label).containsEntry("column", "Churn").containsEntry("positive", "true");
    assertThat(meta.inputSchema()).containsEntry("id", "customerID");
    assertThat(loaded.columns())
        .extracting(SavedChurnModel.InputColumn::name)
        .containsExactlyElementsOf(RESULTS.get(LogisticRegression.NAME).features());
    assertThat(loaded.columns())
        .contains(new SavedChurnModel.InputColumn("tenure", "integer"))
        .contains(new SavedChurnModel.InputColumn("Contract", "categorical"));
    assertThat(((Number) meta.metrics().get("auc")).doubleValue())
        .isEqualTo(RESULTS.get(LogisticRegression.NAME).test().rocAuc());
    assertThat(meta.versions()).containsKeys("marketlens", "java");
    assertThat(DIRS.get(GradientBoostedTrees.NAME).resolve("lightgbm.txt")).isRegularFile();
    assertThat(SavedChurnModel.load(DIRS.get(GradientBoostedTrees.NAME)).metadata().versions())
        .containsKey("lightgbm4j");
    assertThat(DIRS.get(MlpClassifier.NAME).resolve("weights.params")).isRegularFile();
  }

  @Test
  void load_newerSchemaVersion_saysSo() throws Exception {
    Path dir = copy(DIRS.get(LogisticRegression.NAME), "newer");
    ObjectMapper json = new ObjectMapper();
    ObjectNode meta = (ObjectNode) json.readTree(dir.resolve("metadata.json").toFile());
    meta.put("schemaVersion", 99);
    json.writeValue(dir.resolve("metadata.json").toFile(), meta);

    assertThatThrownBy(() -> SavedChurnModel.load(dir))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("schemaVersion")
        .hasMessageContaining("newer Marketlens");
  }

  @Test
  void load_anotherTaskOrNoModel_isInvalidInput() throws Exception {
    Path dir = copy(DIRS.get(LogisticRegression.NAME), "other-task");
    ObjectMapper json = new ObjectMapper();
    ObjectNode meta = (ObjectNode) json.readTree(dir.resolve("metadata.json").toFile());
    meta.put("task", "tabular");
    json.writeValue(dir.resolve("metadata.json").toFile(), meta);

    assertThatThrownBy(() -> SavedChurnModel.load(dir))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("churn");
    assertThatThrownBy(() -> SavedChurnModel.load(tmp.resolve("nothing-here")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("metadata.json");
    Path noWeights = copy(DIRS.get(LogisticRegression.NAME), "no-coefficients");
    Files.delete(noWeights.resolve("logistic.json"));
    assertThatThrownBy(() -> SavedChurnModel.load(noWeights))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("logistic.json");
  }

  @Test
  void score_missingFeatureColumn_namesIt() {
    SavedChurnModel loaded = SavedChurnModel.load(DIRS.get(LogisticRegression.NAME));
    List<Column> kept = new ArrayList<>(customers.columns());
    kept.removeIf(c -> c.name().equals("tenure"));
    Table without = Table.of("customers", customers.source(), kept);

    assertThatThrownBy(() -> loaded.score(without))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).column()).isEqualTo("tenure"));
  }

  @Test
  void score_textWhereNumbersWere_namesTheColumn() throws Exception {
    List<String> lines = Files.readAllLines(TELCO);
    List<String> header = Arrays.asList(lines.get(0).split(","));
    int tenure = header.indexOf("tenure");
    List<String> edited = new ArrayList<>();
    edited.add(lines.get(0));
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      cells[tenure] = "about " + cells[tenure] + " months";
      edited.add(String.join(",", cells));
    }
    Path file = tmp.resolve("text-tenure.csv");
    Files.write(file, edited);
    Table table = DemoCustomers.read(file);
    SavedChurnModel loaded = SavedChurnModel.load(DIRS.get(GradientBoostedTrees.NAME));

    assertThatThrownBy(() -> loaded.score(table))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).column()).isEqualTo("tenure"));
    assertThatThrownBy(() -> loaded.read(file))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("tenure");
  }

  @Test
  void read_fileWithoutAnInputColumn_namesIt() throws Exception {
    List<String> lines = Files.readAllLines(TELCO);
    int contract = Arrays.asList(lines.get(0).split(",")).indexOf("Contract");
    List<String> edited = new ArrayList<>();
    for (String line : lines) {
      List<String> cells = new ArrayList<>(Arrays.asList(line.split(",", -1)));
      cells.remove(contract);
      edited.add(String.join(",", cells));
    }
    Path file = tmp.resolve("no-contract.csv");
    Files.write(file, edited);
    SavedChurnModel loaded = SavedChurnModel.load(DIRS.get(LogisticRegression.NAME));

    assertThatThrownBy(() -> loaded.read(file))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).column()).isEqualTo("Contract"));
  }

  private static Path copy(Path from, String name) throws Exception {
    Path to = tmp.resolve("copies").resolve(name);
    Files.createDirectories(to);
    try (var files = Files.list(from)) {
      for (Path f : files.toList()) Files.copy(f, to.resolve(f.getFileName()));
    }
    return to;
  }

  private static List<String> hex(ChurnResult r) {
    return Arrays.stream(r.score(customers))
        .mapToObj(Double::toHexString)
        .collect(Collectors.toList());
  }

  private static List<String> hex(String block) {
    return block.lines().toList();
  }
}
