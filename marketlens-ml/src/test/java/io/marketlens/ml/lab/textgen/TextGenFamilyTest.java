package io.marketlens.ml.lab.textgen;

import static io.marketlens.ml.lab.textgen.TextGenTestData.corpus;
import static io.marketlens.ml.lab.textgen.TextGenTestData.loop;
import static io.marketlens.ml.lab.textgen.TextGenTestData.tiny;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextGenFamilyTest {

  static final RunOptions CPU1 = new RunOptions(1, "cpu", 64);

  @TempDir Path tmp;

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> history(ModelMetadata meta) {
    return (List<Map<String, Object>>) meta.training().get("history");
  }

  private static double metric(ModelMetadata meta, String key) {
    return ((Number) meta.metrics().get(key)).doubleValue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"gru", "lstm"})
  void lossFallsAndTheModelIsSavedWithItsProvenance(String arch) {
    Path out = tmp.resolve(arch);
    TrainReport r =
        TextGenFamily.train(corpus(), out, tiny(arch, "char"), loop(3, 20), Progress.NONE);

    ModelMetadata meta = ModelStore.load(out).metadata();
    List<Map<String, Object>> h = history(meta);
    double first = ((Number) h.get(0).get("trainLoss")).doubleValue();
    double last = ((Number) h.get(2).get("trainLoss")).doubleValue();
    double uniform = Math.log(58); // the slice has 58 distinct characters
    assertThat(first).isLessThan(uniform);
    assertThat(last).isLessThan(first - 0.3);
    assertThat(metric(meta, "valLoss")).isLessThan(uniform - 0.6);
    assertThat(metric(meta, "perplexity")).isEqualTo(Math.exp(metric(meta, "valLoss")));

    assertThat(meta.task()).isEqualTo("textgen");
    assertThat(meta.architecture()).isEqualTo(arch);
    assertThat(meta.trainingDataSha256()).isEqualTo(ModelStore.sha256(corpus()));
    assertThat(meta.hyperparameters())
        .containsEntry("hidden", 16)
        .containsEntry("seq", 16)
        .containsEntry("vocabularySize", 58)
        .containsEntry("steps", 60);
    assertThat(meta.preprocessing()).containsEntry("level", "char");
    assertThat(meta.versions()).containsKeys("djl", "pytorch");
    assertThat(Files.exists(out.resolve(TextGenFamily.VOCABULARY_FILE))).isTrue();
    assertThat(r.metrics()).containsKeys("valLoss", "perplexity");
    assertThat(r.timing()).containsKeys("trainSeconds", "secondsPerStep");
    assertThat(r.details()).containsEntry("steps", 60L);
  }

  @Test
  void aReloadedModelGivesBitForBitTheValidationLossOfTraining() {
    Path out = tmp.resolve("m");
    TextGenFamily.train(corpus(), out, tiny("lstm", "char"), loop(2, 10), Progress.NONE);
    ModelStore.SavedModel saved = ModelStore.load(out);
    double again = TextGenFamily.validationLoss(saved, corpus(), CPU1);
    assertThat(again).isEqualTo(metric(saved.metadata(), "valLoss"));
    // and the per-epoch validation the trainer measured for the kept weights
    List<Map<String, Object>> h = history(saved.metadata());
    assertThat(again).isEqualTo(((Number) h.get(1).get("validationLoss")).doubleValue());
  }

  @ParameterizedTest
  @ValueSource(strings = {"gru", "lstm"})
  void samplingIsDeterministicPerSeedAndCarriesTheState(String arch) {
    Path out = tmp.resolve("m");
    TextGenFamily.train(corpus(), out, tiny(arch, "char"), loop(2, 20), Progress.NONE);

    Generation a =
        TextGenFamily.generate(out, new GenerateRequest("MARCIUS:", 60, 0.8, 0, 5), CPU1);
    Generation b =
        TextGenFamily.generate(out, new GenerateRequest("MARCIUS:", 60, 0.8, 0, 5), CPU1);
    Generation c =
        TextGenFamily.generate(out, new GenerateRequest("MARCIUS:", 60, 0.8, 0, 6), CPU1);
    assertThat(a.text()).startsWith("MARCIUS:").isEqualTo(b.text());
    assertThat(a.continuation()).hasSize(60);
    assertThat(c.continuation()).isNotEqualTo(a.continuation());

    // top-k 1 and temperature 0 are greedy, whatever the seed
    Generation g0 = TextGenFamily.generate(out, new GenerateRequest("MARCIUS:", 40, 0, 0, 1), CPU1);
    Generation g1 =
        TextGenFamily.generate(out, new GenerateRequest("MARCIUS:", 40, 1.0, 1, 2), CPU1);
    Generation tiny =
        TextGenFamily.generate(out, new GenerateRequest("MARCIUS:", 40, 1e-4, 0, 3), CPU1);
    assertThat(g1.text()).isEqualTo(g0.text());
    assertThat(tiny.text()).isEqualTo(g0.text());

    // greedy decoding by re-running the whole sequence each step gives the same text as the
    // carried state: the state is carried correctly
    try (LanguageModel m = TextGenFamily.load(ModelStore.load(out), CPU1)) {
      Vocabulary v = m.vocabulary();
      StringBuilder text = new StringBuilder("MARCIUS:");
      for (int i = 0; i < 40; i++) {
        int[] ids = v.encode(TokenLevel.CHAR.tokenize(text.toString()));
        float[] logits = m.logits(ids);
        float[] last =
            java.util.Arrays.copyOfRange(
                logits, (ids.length - 1) * v.size(), ids.length * v.size());
        text.append(v.token(Sampler.argmax(last)));
      }
      assertThat(text.toString()).isEqualTo(g0.text());
    }
  }

  @Test
  void theWrittenOutLstmStepMatchesTheFusedKernel() {
    Path out = tmp.resolve("m");
    TextGenFamily.train(corpus(), out, tiny("lstm", "char"), loop(1, 20), Progress.NONE);
    try (LanguageModel m = TextGenFamily.load(ModelStore.load(out), CPU1);
        ai.djl.ndarray.NDManager nd = m.manager().newSubManager()) {
      int[] ids = m.vocabulary().encode(TokenLevel.CHAR.tokenize("MARCIUS:\nWe are"));
      float[] fused = m.logits(ids);
      ai.djl.training.ParameterStore store = new ai.djl.training.ParameterStore(nd, false);
      ai.djl.ndarray.NDList state = m.block().zeroState(nd, 1);
      int v = m.vocabulary().size();
      for (int t = 0; t < ids.length; t++) {
        ai.djl.ndarray.NDList r =
            m.block()
                .lstmStep(
                    store,
                    nd.create(new long[] {ids[t]}, new ai.djl.ndarray.types.Shape(1, 1)),
                    state.get(0),
                    state.get(1));
        float[] step = r.head().toFloatArray();
        for (int k = 0; k < v; k++) {
          assertThat(step[k])
              .isCloseTo(fused[t * v + k], org.assertj.core.data.Offset.offset(1e-5f));
        }
        state = new ai.djl.ndarray.NDList(r.get(1), r.get(2));
      }
    }
  }

  @Test
  void resumingAfterACrashEndsWhereAnUninterruptedRunEnds() {
    TextGenOptions o = tiny("gru", "char");
    Path ckpt = tmp.resolve("run.checkpoint");
    TrainConfig plain = loop(4, 10);
    TextGenFamily.train(corpus(), tmp.resolve("straight"), o, plain, Progress.NONE);

    TrainConfig withCheckpoint = plain.toBuilder().checkpoint(ckpt).resume(true).build();
    // The crash: the process dies in the middle of epoch 3 (step 25 of 40), after the
    // checkpoint of epoch 2 was written. Progress is called after every step, so it can stop it.
    Progress crashing =
        (name, total, unit) ->
            new Progress.Step() {
              @Override
              public void advance(long units) {
                if (name.startsWith("train epoch 3") && ++stepsInEpoch3 == 5) {
                  throw new IllegalStateException("simulated crash");
                }
              }

              int stepsInEpoch3;

              @Override
              public void close() {}
            };
    Path crashedOut = tmp.resolve("resumed");
    assertThatThrownBy(() -> TextGenFamily.train(corpus(), crashedOut, o, withCheckpoint, crashing))
        .hasMessageContaining("simulated crash");
    assertThat(Files.exists(crashedOut)).as("no half-written model").isFalse();
    assertThat(Files.exists(ckpt)).isTrue();

    TrainReport resumed =
        TextGenFamily.train(corpus(), crashedOut, o, withCheckpoint, Progress.NONE);
    assertThat(resumed.details()).containsEntry("resumedAfterEpoch", 2);
    ModelMetadata a = ModelStore.load(tmp.resolve("straight")).metadata();
    ModelMetadata b = ModelStore.load(crashedOut).metadata();
    assertThat(metric(b, "valLoss")).isEqualTo(metric(a, "valLoss"));
    for (int e = 0; e < 4; e++) {
      assertThat(history(b).get(e).get("trainLoss")).isEqualTo(history(a).get(e).get("trainLoss"));
    }
    assertThat(Files.exists(ckpt)).as("checkpoint removed after the run").isFalse();
  }

  @Test
  void wordLevelMapsRareAndUnknownWordsToUnk() {
    Path out = tmp.resolve("w");
    TextGenOptions o = new TextGenOptions("gru", "word", 12, 16, 8, 2, 2);
    TextGenFamily.train(corpus(), out, o, loop(1, 15), Progress.NONE);
    ModelMetadata meta = ModelStore.load(out).metadata();
    assertThat(meta.preprocessing()).containsEntry("level", "word").containsKey("unknownShare");
    Generation g =
        TextGenFamily.generate(
            out, new GenerateRequest("First Citizen: zyzzyva", 12, 0.8, 0, 1), CPU1);
    assertThat(g.unknownWords()).containsExactly("zyzzyva");
    assertThat(g.text()).startsWith("First Citizen: zyzzyva");
    assertThat(g.generatedTokens()).isEqualTo(12);
  }

  @Test
  void evaluateScoresEveryTokenOfAText() throws Exception {
    Path out = tmp.resolve("m");
    TextGenFamily.train(corpus(), out, tiny("gru", "char"), loop(1, 10), Progress.NONE);
    Path text = tmp.resolve("held-out.txt");
    Files.writeString(text, "First Citizen:\nWe are accounted poor citizens.\n");
    Map<String, Object> r = LabModels.evaluate(out, text, CPU1, Progress.NONE);
    @SuppressWarnings("unchecked")
    Map<String, Object> m = (Map<String, Object>) r.get("metrics");
    assertThat(r).containsEntry("task", "textgen");
    assertThat(m).containsEntry("tokens", 46L).containsKeys("valLoss", "perplexity", "method");
    assertThat(((Number) m.get("valLoss")).doubleValue()).isBetween(0.5, Math.log(58) + 1);
  }

  @Test
  void badCorporaAreInputErrorsNamingTheFile() throws Exception {
    TextGenOptions o = tiny("gru", "char");
    TrainConfig c = loop(1, 2);
    Path empty = Files.write(tmp.resolve("empty.txt"), new byte[0]);
    Path shortText = Files.writeString(tmp.resolve("short.txt"), "To be, or not to be".repeat(5));
    Path binary = Files.write(tmp.resolve("data.bin"), new byte[] {'a', 'b', 0, 1, 2, 'c'});
    Path latin1 =
        Files.write(tmp.resolve("latin1.txt"), "caf\u00e9 ol\u00e9".getBytes("ISO-8859-1"));
    Path out = tmp.resolve("never");
    assertThatThrownBy(() -> TextGenFamily.train(empty, out, o, c, Progress.NONE))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("empty.txt")
        .hasMessageContaining("empty file");
    assertThatThrownBy(() -> TextGenFamily.train(shortText, out, o, c, Progress.NONE))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("short.txt")
        .hasMessageContaining("at least 161 char tokens")
        .hasMessageContaining("found \"95\"");
    assertThatThrownBy(() -> TextGenFamily.train(binary, out, o, c, Progress.NONE))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("binary file (a NUL byte at byte offset 2)");
    assertThatThrownBy(() -> TextGenFamily.train(latin1, out, o, c, Progress.NONE))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("not UTF-8 at byte offset 3");
    assertThatThrownBy(() -> TextGenFamily.train(tmp.resolve("nope.txt"), out, o, c, Progress.NONE))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("no such file");
    assertThatThrownBy(() -> TextGenFamily.train(tmp, out, o, c, Progress.NONE))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("a directory");
    assertThat(Files.exists(out)).isFalse();
  }

  @Test
  void unknownPromptCharactersAndPredictAreInputErrors() throws Exception {
    Path out = tmp.resolve("m");
    TextGenFamily.train(corpus(), out, tiny("gru", "char"), loop(1, 2), Progress.NONE);
    assertThatThrownBy(
            () -> TextGenFamily.generate(out, new GenerateRequest("Zürich 7", 5, 1, 0, 1), CPU1))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("--prompt")
        .hasMessageContaining("'ü' (U+00FC)")
        .hasMessageContaining("'7' (U+0037)");
    Path csv = Files.writeString(tmp.resolve("x.csv"), "a,b\n1,2\n");
    assertThatThrownBy(
            () ->
                LabModels.predict(out, csv, null, new ByteArrayOutputStream(), CPU1, Progress.NONE))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("use marketlens generate");
    Path other = Files.writeString(tmp.resolve("other.txt"), "Zebra 42 in Zürich");
    assertThatThrownBy(() -> LabModels.evaluate(out, other, CPU1, Progress.NONE))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("other.txt")
        .hasMessageContaining("row 1")
        .hasMessageContaining("'Z' (U+005A)");
  }

  @Test
  void stepsMapToWholeEpochs() {
    TrainConfig d = TextGenFamily.defaults();
    assertThat(d.epochs() * d.stepsPerEpoch()).isEqualTo(1000);
    TrainConfig a = TextGenFamily.withSteps(d, 1000);
    assertThat(List.of(a.epochs(), a.stepsPerEpoch())).containsExactly(10, 100);
    TrainConfig b = TextGenFamily.withSteps(d, 30);
    assertThat(List.of(b.epochs(), b.stepsPerEpoch())).containsExactly(1, 30);
    TrainConfig c = TextGenFamily.withSteps(d, 150);
    assertThat(List.of(c.epochs(), c.stepsPerEpoch())).containsExactly(2, 75);
    TrainConfig e = TextGenFamily.withSteps(d, 250);
    assertThat(List.of(e.epochs(), e.stepsPerEpoch())).containsExactly(3, 84);
    assertThatThrownBy(() -> TextGenFamily.withSteps(d, 0))
        .isInstanceOf(InvalidInputException.class);
  }
}
