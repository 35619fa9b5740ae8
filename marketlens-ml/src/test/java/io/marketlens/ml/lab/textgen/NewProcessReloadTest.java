package io.marketlens.ml.lab.textgen;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketlens.core.progress.Progress;
import io.marketlens.ml.lab.ModelStore;
import io.marketlens.ml.lab.RunOptions;
import io.marketlens.testing.NewJvm;
import java.io.IOException;
import java.nio.file.Path;
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
    return NewJvm.run(ReloadMain.class, args).strip();
  }
}
