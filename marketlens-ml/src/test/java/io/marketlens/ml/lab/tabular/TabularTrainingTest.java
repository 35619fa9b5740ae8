package io.marketlens.ml.lab.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketlens.core.progress.Progress;
import io.marketlens.core.validate.InvalidInputException;
import io.marketlens.ml.lab.LabModels;
import io.marketlens.ml.lab.ModelMetadata;
import io.marketlens.ml.lab.ModelStore;
import io.marketlens.ml.lab.RunOptions;
import io.marketlens.ml.lab.TrainConfig;
import io.marketlens.ml.lab.TrainReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TabularTrainingTest {

  private static final RunOptions RUN = new RunOptions(1, "cpu", 1024);

  private static TabularTrainOptions options(Path out) {
    return TabularTrainOptions.of(TelcoSlice.csv(), "Churn", out)
        .withNetwork(new TabularMlpOptions(List.of(16, 8)));
  }

  private static TrainConfig config(int epochs) {
    return TabularTraining.defaults().toBuilder().epochs(epochs).device("cpu").seed(11).build();
  }

  @Test
  void train_telcoSlice_savesAModelThatEvaluatesAndPredicts(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("churn");
    TrainReport r = TabularTraining.train(options(out), config(4), Progress.NONE);

    assertThat(r.task()).isEqualTo("tabular");
    assertThat(r.model()).isEqualTo(out.toString());
    assertThat((double) r.metrics().get("auc")).isGreaterThan(0.7);
    assertThat(r.details()).containsEntry("head", "binary").containsEntry("id", "customerID");
    assertThat(r.details().get("classes")).isEqualTo(List.of("No", "Yes"));
    assertThat(r.timing()).containsKey("secondsPerEpoch");

    ModelMetadata meta = ModelStore.load(out).metadata();
    assertThat(meta.task()).isEqualTo("tabular");
    assertThat(meta.architecture()).isEqualTo("mlp");
    assertThat(meta.labels()).containsExactly("No", "Yes");
    assertThat(meta.trainingDataSha256()).isEqualTo(ModelStore.sha256(TelcoSlice.csv()));
    assertThat(meta.inputSchema()).containsEntry("target", "Churn").containsKey("columns");
    assertThat(meta.preprocessing()).containsKey("encoder");
    assertThat(meta.metrics()).containsKey("auc");
    assertThat(meta.versions()).containsKey("pytorch");

    Map<String, Object> eval = LabModels.evaluate(out, TelcoSlice.csv(), RUN, Progress.NONE);
    @SuppressWarnings("unchecked")
    Map<String, Object> m = (Map<String, Object>) eval.get("metrics");
    assertThat(m.get("n")).isEqualTo(600);
    assertThat((double) m.get("auc")).isGreaterThan(0.75);

    ByteArrayOutputStream csv = new ByteArrayOutputStream();
    long n = LabModels.predict(out, TelcoSlice.csv(), null, csv, RUN, Progress.NONE);
    List<String> lines = csv.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(n).isEqualTo(600);
    assertThat(lines).hasSize(601);
    assertThat(lines.get(0)).isEqualTo("customerID,probability,class");
    String first = Files.readAllLines(TelcoSlice.csv()).get(1).split(",")[0];
    assertThat(lines.get(1)).startsWith(first + ",").matches(".*,(Yes|No)$");
  }

  @Test
  void train_sameSeed_sameMetrics(@TempDir Path dir) {
    TrainReport a = TabularTraining.train(options(dir.resolve("a")), config(2), Progress.NONE);
    TrainReport b = TabularTraining.train(options(dir.resolve("b")), config(2), Progress.NONE);

    assertThat(b.metrics()).usingRecursiveComparison().isEqualTo(a.metrics());
  }

  @Test
  void train_evaluateInAnotherLoad_sameProbabilities(@TempDir Path dir) {
    Path out = dir.resolve("m");
    TabularTraining.train(options(out).withTask("classification"), config(2), Progress.NONE);
    ByteArrayOutputStream first = new ByteArrayOutputStream();
    ByteArrayOutputStream second = new ByteArrayOutputStream();
    LabModels.predict(out, TelcoSlice.csv(), null, first, RUN, Progress.NONE);
    LabModels.predict(out, TelcoSlice.csv(), null, second, RUN, Progress.NONE);

    assertThat(second.toString(StandardCharsets.UTF_8))
        .isEqualTo(first.toString(StandardCharsets.UTF_8));
  }

  @Test
  void train_threeClassTarget_softmaxHead(@TempDir Path dir) {
    Path out = dir.resolve("contract");
    TrainReport r =
        TabularTraining.train(
            TabularTrainOptions.of(TelcoSlice.csv(), "Contract", out)
                .withNetwork(new TabularMlpOptions(List.of(16))),
            // No dropout: a 16-unit network on 400 rows for 3 epochs is what this test can afford,
            // and it checks the softmax head, not the default regularisation.
            config(3).toBuilder().patience(2).dropout(0).build(),
            Progress.NONE);

    assertThat(r.details()).containsEntry("head", "multiclass");
    assertThat(r.details().get("classes"))
        .isEqualTo(List.of("Month-to-month", "One year", "Two year"));
    assertThat((double) r.metrics().get("accuracy")).isGreaterThan(0.55);
    assertThat(r.metrics()).containsKey("macroF1").doesNotContainKey("auc");
    @SuppressWarnings("unchecked")
    Map<String, Object> rows = (Map<String, Object>) r.details().get("rows");
    assertThat((int) rows.get("validation")).isGreaterThan(0);

    ByteArrayOutputStream csv = new ByteArrayOutputStream();
    LabModels.predict(out, TelcoSlice.csv(), null, csv, RUN, Progress.NONE);
    assertThat(csv.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow())
        .isEqualTo(
            "customerID,class,probability,probability_Month-to-month,"
                + "probability_One year,probability_Two year");
  }

  @Test
  void train_numericTargetWithManyValues_regressionHead(@TempDir Path dir) {
    Path out = dir.resolve("charges");
    TrainReport r =
        TabularTraining.train(
            TabularTrainOptions.of(TelcoSlice.csv(), "MonthlyCharges", out)
                .withNetwork(new TabularMlpOptions(List.of(16))),
            config(8),
            Progress.NONE);

    assertThat(r.details()).containsEntry("head", "regression");
    // The services bought explain most of the monthly charge.
    assertThat((double) r.metrics().get("r2")).isGreaterThan(0.5);
    assertThat(r.metrics()).containsKeys("rmse", "mae");

    Map<String, Object> eval = LabModels.evaluate(out, TelcoSlice.csv(), RUN, Progress.NONE);
    @SuppressWarnings("unchecked")
    Map<String, Object> em = (Map<String, Object>) eval.get("metrics");
    assertThat(em).containsKeys("rmse", "mae", "r2");
    ByteArrayOutputStream csv = new ByteArrayOutputStream();
    LabModels.predict(out, TelcoSlice.csv(), null, csv, RUN, Progress.NONE);
    String second = csv.toString(StandardCharsets.UTF_8).lines().skip(1).findFirst().orElseThrow();
    double value = Double.parseDouble(second.split(",")[1]);
    assertThat(value).isBetween(0.0, 200.0);
  }

  @Test
  void train_logisticArchWithoutOut_reportsMetricsAndSavesNothing() {
    TrainReport r =
        TabularTraining.train(options(null).withArch("logistic"), config(1), Progress.NONE);

    assertThat(r.model()).isNull();
    assertThat(r.details()).containsEntry("saved", false);
    assertThat((double) r.metrics().get("auc")).isGreaterThan(0.75);
  }

  @Test
  void train_gbtAndLogistic_saveModelsThatEvaluateAndPredict(@TempDir Path dir) {
    for (String arch : List.of("gbt", "logistic")) {
      Path out = dir.resolve(arch);
      TrainReport r = TabularTraining.train(options(out).withArch(arch), config(1), Progress.NONE);

      assertThat(r.model()).isEqualTo(out.toString());
      assertThat(r.details()).containsEntry("saved", true);
      ModelMetadata meta = ModelStore.load(out).metadata();
      assertThat(meta.architecture()).isEqualTo(arch);
      assertThat(meta.labels()).containsExactly("No", "Yes");
      assertThat(meta.inputSchema()).containsEntry("head", "binary");
      assertThat(meta.metrics()).containsEntry("auc", r.metrics().get("auc"));
      assertThat(meta.versions()).doesNotContainKey("pytorch");
      assertThat(out.resolve("classifier.json")).exists();
      assertThat(out.resolve(arch.equals("gbt") ? "lightgbm.txt" : "logistic.json")).exists();

      Map<String, Object> eval = LabModels.evaluate(out, TelcoSlice.csv(), RUN, Progress.NONE);
      @SuppressWarnings("unchecked")
      Map<String, Object> m = (Map<String, Object>) eval.get("metrics");
      assertThat(m.get("n")).isEqualTo(600);
      assertThat((double) m.get("auc")).isGreaterThan(0.75);

      ByteArrayOutputStream first = new ByteArrayOutputStream();
      ByteArrayOutputStream second = new ByteArrayOutputStream();
      LabModels.predict(out, TelcoSlice.csv(), null, first, RUN, Progress.NONE);
      LabModels.predict(out, TelcoSlice.csv(), null, second, RUN, Progress.NONE);
      List<String> rows = first.toString(StandardCharsets.UTF_8).lines().toList();
      assertThat(rows.get(0)).isEqualTo("customerID,probability,class");
      assertThat(rows).hasSize(601);
      assertThat(second.toString(StandardCharsets.UTF_8))
          .isEqualTo(first.toString(StandardCharsets.UTF_8));
    }
  }

  @Test
  void evaluate_labelTheModelDoesNotKnow_namesRowAndClasses(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("m");
    TabularTraining.train(options(out), config(1), Progress.NONE);
    List<String> lines = Files.readAllLines(TelcoSlice.csv());
    lines.set(3, lines.get(3).replaceAll(",(Yes|No)$", ",Maybe"));
    Path bad = dir.resolve("bad.csv");
    Files.write(bad, lines);

    assertThatThrownBy(() -> LabModels.evaluate(out, bad, RUN, Progress.NONE))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("row 4")
        .hasMessageContaining("No, Yes")
        .hasMessageContaining("Maybe");
  }

  @Test
  void predict_fileWithoutAModelColumn_namesTheColumn(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("m");
    TabularTraining.train(options(out), config(1), Progress.NONE);
    List<String> lines = Files.readAllLines(TelcoSlice.csv());
    Path bad = dir.resolve("no_tenure.csv");
    Files.write(
        bad,
        lines.stream()
            .map(l -> l.replaceFirst("^([^,]*,[^,]*,[^,]*,[^,]*,[^,]*),[^,]*", "$1"))
            .toList());

    assertThatThrownBy(
            () ->
                LabModels.predict(out, bad, null, new ByteArrayOutputStream(), RUN, Progress.NONE))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("tenure");
  }
}
