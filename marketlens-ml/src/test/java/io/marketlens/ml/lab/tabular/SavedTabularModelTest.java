package io.marketlens.ml.lab.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.marketlens.core.progress.Progress;
import io.marketlens.ml.lab.LabModels;
import io.marketlens.ml.lab.RunOptions;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Models written by an earlier build ({@code src/test/resources/lab/tabular/model-v1} and {@code
 * logistic-v1}, see the README there) still load and predict what they predicted when they were
 * written.
 */
class SavedTabularModelTest {

  /** The first seven predictions, recorded when the fixture was written (1 thread, CPU). */
  private static final List<String> RECORDED =
      List.of(
          "9237-HQITU,0.5060569,Yes",
          "9959-WOFKT,0.105956934,No",
          "6467-CHFZW,0.4431651,No",
          "8773-HHUOZ,0.46598986,No",
          "7495-OOKFY,0.46765044,No",
          "3957-SQXML,0.052660495,No",
          "5698-BQJOH,0.43156368,No");

  /** The first seven predictions of {@code logistic-v1}, recorded when it was written. */
  private static final List<String> RECORDED_LOGISTIC =
      List.of(
          "9237-HQITU,0.7390484,Yes",
          "9959-WOFKT,0.029959954,No",
          "6467-CHFZW,0.43928593,No",
          "8773-HHUOZ,0.40958586,No",
          "7495-OOKFY,0.61087346,Yes",
          "3957-SQXML,0.02902758,No",
          "5698-BQJOH,0.7255669,Yes");

  @Test
  void logisticV1_loadsAndPredictsExactlyAsRecorded() {
    // Logistic regression scores in Java (strict IEEE arithmetic): the same bits on every machine.
    assertThat(predict("logistic-v1").subList(1, 1 + RECORDED_LOGISTIC.size()))
        .containsExactlyElementsOf(RECORDED_LOGISTIC);
  }

  private static List<String> predict(String model) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    LabModels.predict(
        TelcoSlice.resource(model),
        TelcoSlice.csv(),
        null,
        out,
        new RunOptions(1, "cpu", 1024),
        Progress.NONE);
    return out.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void modelV1_loadsAndPredictsAsRecorded() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    LabModels.predict(
        TelcoSlice.resource("model-v1"),
        TelcoSlice.csv(),
        null,
        out,
        new RunOptions(1, "cpu", 1024),
        Progress.NONE);
    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();

    assertThat(lines.get(0)).isEqualTo("customerID,probability,class");
    assertThat(lines).hasSize(601);
    for (int i = 0; i < RECORDED.size(); i++) {
      String[] want = RECORDED.get(i).split(",");
      String[] got = lines.get(i + 1).split(",");
      assertThat(got[0]).isEqualTo(want[0]);
      // Exact on the machine that wrote it; other CPUs may round the last bit differently.
      assertThat(Double.parseDouble(got[1])).isCloseTo(Double.parseDouble(want[1]), within(1e-6));
      assertThat(got[2]).isEqualTo(want[2]);
    }
  }
}
