package io.marketlens.ml.lab.textgen;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketlens.core.progress.Progress;
import io.marketlens.ml.lab.ModelStore;
import io.marketlens.ml.lab.RunOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model saved by one process and loaded by another gives bit-for-bit the validation loss measured
 * at training time and the same logits as a load in the training process.
 */
class NewProcessReloadTest {

  @TempDir Path tmp;

  @Test
  void aNewJvmReproducesTheTrainingValidationLossAndTheLogitsBitForBit() throws Exception {
    Path out = tmp.resolve("model");
    Path corpus = TextGenTestData.corpus();
    TextGenFamily.train(
        corpus,
        out,
        TextGenTestData.tiny("gru", "char"),
        TextGenTestData.loop(2, 10),
        Progress.NONE);
    ModelStore.SavedModel saved = ModelStore.load(out);
    double trainingTime = ((Number) saved.metadata().metrics().get("valLoss")).doubleValue();
    String prompt = "MARCIUS:\nWe are";
    String here = ReloadMain.bits(saved, corpus, prompt, new RunOptions(1, "cpu", 64));

    String there = runInNewJvm(out.toString(), corpus.toString(), prompt);

    assertThat(there.lines().findFirst().orElseThrow())
        .isEqualTo(Long.toHexString(Double.doubleToRawLongBits(trainingTime)));
    assertThat(there).isEqualTo(here);
    assertThat(there.lines().count()).isEqualTo(1 + (long) prompt.length() * 58);
  }

  private static String runInNewJvm(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Dai.djl.offline=true");
    cmd.add("-Dai.djl.pytorch.num_threads=1");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(ReloadMain.class.getName());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
    pb.environment().put("OMP_WAIT_POLICY", "PASSIVE");
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("child exit code").isZero();
    return new String(out, StandardCharsets.UTF_8).strip();
  }
}
