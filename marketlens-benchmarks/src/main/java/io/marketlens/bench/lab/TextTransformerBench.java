package io.marketlens.bench.lab;

import com.fasterxml.jackson.databind.JsonNode;
import io.marketlens.bench.PythonRun;
import io.marketlens.core.progress.Progress;
import io.marketlens.core.progress.TerminalProgress;
import io.marketlens.ml.lab.ModelStore;
import io.marketlens.ml.lab.RunOptions;
import io.marketlens.ml.lab.TrainConfig;
import io.marketlens.ml.lab.text.TextColumns;
import io.marketlens.ml.lab.text.TextFamily;
import io.marketlens.ml.lab.text.TextSettings;
import io.marketlens.ml.lab.text.TextTokenizer;
import io.marketlens.ml.lab.text.TextTrainer;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bench lab} part {@code transformer}: the Transformer-encoder text classifier on THUCNews
 * titles beside the peer {@code text_transformer.py --dataset thucnews}. Both train on {@code
 * dev.txt} (10,000 titles) and test on {@code test.txt} (10,000) with character tokens, the
 * reference model (2 layers, d 128, 4 heads, FF 256, 64 tokens padded to 64), Adam 1e-3, batch 64,
 * 3 epochs, the same seed and threads. Ours starts its embeddings from N(0, 0.02), the product's
 * default; it is trained a second time from the reference's N(0, 1) for the like-for-like figure
 * (extra). Quality is the test accuracy after the last epoch, time the training seconds per epoch;
 * the extra figures include inference texts per second in batches of 256.
 */
final class TextTransformerBench implements LabBenchPart {

  static final int EPOCHS = 3;
  static final int BATCH = 64;
  static final int PREDICT_BATCH = 256;

  @Override
  public String name() {
    return "transformer";
  }

  @Override
  public LabBenchResult run(LabBenchOptions options, PrintStream err) throws InterruptedException {
    Path dir = options.data().resolve("thucnews_titles");
    Path train = dir.resolve("dev.txt");
    Path test = dir.resolve("test.txt");
    TextColumns columns = new TextColumns("1", "2", null, true);
    TextSettings settings = TextSettings.defaults().withTokens(TextTokenizer.Mode.CHAR);
    TrainConfig config =
        TextTrainer.defaults().toBuilder()
            .epochs(EPOCHS)
            .batchSize(BATCH)
            .seed(options.seed())
            .threads(options.threads())
            .device(options.device())
            .build();
    Path out = options.work().resolve("transformer-thucnews");
    Progress progress = new TerminalProgress(err);
    err.println("[lab] transformer: ours, THUCNews dev.txt -> test.txt, 3 epochs ...");
    TextTrainer.Result ours =
        TextTrainer.train(
            new TextTrainer.Request(train, columns, test, settings, config, out), progress);
    double oursAccuracy = ((Number) ours.metrics().get("accuracy")).doubleValue();
    // The same run with the reference's N(0, 1) embeddings: the like-for-like figure.
    err.println("[lab] transformer: ours again with the reference's N(0, 1) embeddings ...");
    TextTrainer.Result referenceInit =
        TextTrainer.train(
            new TextTrainer.Request(
                train,
                columns,
                test,
                settings.withEmbeddingStd(1.0),
                config,
                options.work().resolve("transformer-thucnews-reference-init")),
            progress);
    double referenceInitAccuracy = ((Number) referenceInit.metrics().get("accuracy")).doubleValue();
    double oursEpoch = ours.training().secondsPerEpoch();
    double oursRate =
        TextFamily.INSTANCE.textsPerSecond(
            ModelStore.load(out),
            test,
            new RunOptions(options.threads(), options.device(), PREDICT_BATCH),
            Progress.NONE);
    err.printf(
        Locale.ROOT,
        "[lab] transformer ours: accuracy %.4f, %.2f s/epoch, %.0f texts/s%n",
        oursAccuracy,
        oursEpoch,
        oursRate);

    double peerAccuracy = Double.NaN;
    double peerEpoch = Double.NaN;
    double peerRate = Double.NaN;
    Object peerVocabulary = null;
    String note = "";
    if (options.runPeer()) {
      try {
        JsonNode j =
            LabPeer.run(
                    options,
                    "text_transformer.py",
                    List.of(
                        "--epochs",
                        Integer.toString(EPOCHS),
                        "--batch",
                        Integer.toString(BATCH),
                        "--predict-batch",
                        Integer.toString(PREDICT_BATCH),
                        "--dataset",
                        "thucnews"),
                    err)
                .path("thucnews");
        peerAccuracy = j.path("test_accuracy").asDouble(Double.NaN);
        peerEpoch = j.path("s_per_epoch").asDouble(Double.NaN);
        peerRate = j.path("predict_rows_per_s").asDouble(Double.NaN);
        peerVocabulary = j.path("vocab").isMissingNode() ? null : j.path("vocab").asInt();
      } catch (PythonRun.UnavailableException e) {
        note = "peer not run: " + e.getMessage();
      }
    } else {
      note = "peer not run (--no-peer)";
    }

    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("inference_texts_per_s (batch 256) ours", Math.round(oursRate));
    extra.put(
        "inference_texts_per_s (batch 256) peer",
        Double.isNaN(peerRate) ? "-" : Math.round(peerRate));
    extra.put(
        "vocabulary ours / peer",
        ours.vocabularySize() + " / " + (peerVocabulary == null ? "-" : peerVocabulary));
    extra.put("epochs", EPOCHS);
    extra.put("ours_embedding_init", settings.embeddingStd());
    extra.put("ours_accuracy_with_reference_init_N(0,1)", referenceInitAccuracy);
    extra.put("ours_s_per_epoch_with_reference_init", referenceInit.training().secondsPerEpoch());
    return new LabBenchResult(
        name(),
        "thucnews_titles",
        "test_accuracy",
        true,
        oursAccuracy,
        peerAccuracy,
        "s_per_epoch",
        oursEpoch,
        peerEpoch,
        extra,
        note);
  }
}
