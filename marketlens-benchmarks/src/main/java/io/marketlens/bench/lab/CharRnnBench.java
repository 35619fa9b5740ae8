package io.marketlens.bench.lab;

import com.fasterxml.jackson.databind.JsonNode;
import io.marketlens.bench.PythonRun;
import io.marketlens.core.progress.TerminalProgress;
import io.marketlens.ml.lab.RunOptions;
import io.marketlens.ml.lab.TrainConfig;
import io.marketlens.ml.lab.TrainReport;
import io.marketlens.ml.lab.textgen.GenerateRequest;
import io.marketlens.ml.lab.textgen.Generation;
import io.marketlens.ml.lab.textgen.TextGenFamily;
import io.marketlens.ml.lab.textgen.TextGenOptions;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bench lab} parts {@code gru} and {@code lstm}: the character language model on Tiny
 * Shakespeare beside {@code char_rnn.py --cell gru|lstm}, with the peer's defaults on both sides
 * (embedding 64, hidden 256, windows of 100, batch 64, Adam 2e-3, 1,000 steps, first 90 % train,
 * validation loss over 50 seeded random batches, the bench's seed and thread count). Quality is the
 * validation loss in nats per character (lower is better); time is seconds per training step.
 * Extras: training seconds, sampling speed (200 characters at temperature 0.8 from a newline, as
 * the peer samples) and our sample.
 *
 * <p>The system property {@code marketlens.bench.lab.steps} shortens both sides' training for a
 * smoke run (e.g. {@code MARKETLENS_JAVA_OPTS=-Dmarketlens.bench.lab.steps=100}); the figures are
 * then not the acceptance figures.
 */
final class CharRnnBench implements LabBenchPart {

  private static final int SAMPLE_CHARS = 200;
  private static final double SAMPLE_TEMPERATURE = 0.8;

  private final String cell;

  CharRnnBench(String cell) {
    this.cell = cell;
  }

  @Override
  public String name() {
    return cell;
  }

  @Override
  public LabBenchResult run(LabBenchOptions options, PrintStream err) throws InterruptedException {
    int steps = Integer.getInteger("marketlens.bench.lab.steps", TextGenFamily.DEFAULT_STEPS);
    Path corpus = options.data().resolve("tiny_shakespeare").resolve("input.txt");
    Path modelDir = options.work().resolve("textgen-" + cell);

    TrainConfig config =
        TextGenFamily.withSteps(
            TextGenFamily.defaults().toBuilder()
                .seed(options.seed())
                .threads(options.threads())
                .device(options.device())
                .build(),
            steps);
    TextGenOptions model = TextGenOptions.defaults().withArchitecture(cell);
    err.printf(Locale.ROOT, "[%s] ours: %d steps on %s%n", cell, steps, corpus);
    TrainReport ours =
        TextGenFamily.train(corpus, modelDir, model, config, new TerminalProgress(err));
    Generation sample =
        TextGenFamily.generate(
            modelDir,
            new GenerateRequest("\n", SAMPLE_CHARS, SAMPLE_TEMPERATURE, 0, options.seed()),
            new RunOptions(options.threads(), options.device(), 1));
    double oursLoss = ((Number) ours.metrics().get("valLoss")).doubleValue();
    double oursStep = ((Number) ours.timing().get("secondsPerStep")).doubleValue();
    double oursTrain = ((Number) ours.timing().get("trainSeconds")).doubleValue();
    double oursChars = SAMPLE_CHARS / sample.seconds();
    err.printf(
        Locale.ROOT,
        "[%s] ours: val loss %.4f, %.4f s/step%n---- sample (temperature 0.8) ----%n%s%n----%n",
        cell,
        oursLoss,
        oursStep,
        sample.continuation());

    double peerLoss = Double.NaN;
    double peerStep = Double.NaN;
    double peerTrain = Double.NaN;
    double peerChars = Double.NaN;
    Object peerParams = null;
    String note = "";
    if (!options.runPeer()) {
      note = "peer not run (--no-peer)";
    } else {
      try {
        JsonNode j = peer(options, steps, err);
        peerLoss = j.path("val_loss").asDouble(Double.NaN);
        peerStep = j.path("s_per_step").asDouble(Double.NaN);
        peerTrain = j.path("train_s").asDouble(Double.NaN);
        peerChars = j.path("sample_chars_per_s").asDouble(Double.NaN);
        peerParams = j.path("params").asLong();
      } catch (PythonRun.UnavailableException e) {
        note = "peer not run: " + e.getMessage();
      }
    }
    if (steps != TextGenFamily.DEFAULT_STEPS) {
      note = (note.isEmpty() ? "" : note + "; ") + "smoke run: " + steps + " steps, not 1,000";
    }

    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("steps", ours.details().get("steps"));
    extra.put("train_s", pair(oursTrain, peerTrain));
    extra.put("sample_chars_per_s", pair(Math.round(oursChars), Math.round(peerChars)));
    extra.put("params", pair(ours.details().get("parameters"), peerParams));
    extra.put(
        "perplexity",
        pair(ours.metrics().get("perplexity"), TrainReport.round(Math.exp(peerLoss))));
    extra.put("sample_ours", sample.continuation());
    return new LabBenchResult(
        cell,
        "tiny_shakespeare",
        "val_loss",
        false,
        oursLoss,
        peerLoss,
        "s_per_step",
        oursStep,
        peerStep,
        extra,
        note);
  }

  private static Map<String, Object> pair(Object ours, Object peer) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ours", ours);
    m.put("peer", peer);
    return m;
  }

  private JsonNode peer(LabBenchOptions o, int steps, PrintStream err)
      throws PythonRun.UnavailableException, InterruptedException {
    return LabPeer.run(
        o, "char_rnn.py", List.of("--cell", cell, "--steps", Integer.toString(steps)), err);
  }
}
