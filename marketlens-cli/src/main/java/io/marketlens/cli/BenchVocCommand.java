package io.marketlens.cli;

import io.marketlens.bench.voc.VocBenchOptions;
import io.marketlens.bench.voc.VocBenchmark;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code marketlens bench voc}: reviews embedded per second beside a compute yardstick, and
 * sentiment accuracy (every candidate's, and the one chosen on validation) on SST-2, ChnSentiCorp
 * and online_shopping_10_cats beside the TF-IDF + logistic-regression peer in the same run.
 */
@Command(
    name = "voc",
    mixinStandardHelpOptions = true,
    description =
        "Embedding throughput, sentiment accuracy beside sentiment_baseline.py, and themes beside"
            + " a TF-IDF + k-means baseline, in the same run.")
final class BenchVocCommand implements Callable<Integer> {

  @Option(
      names = "--data",
      required = true,
      description = "The shared datasets folder (holds sst2/ and chinese_reviews/).")
  Path data;

  @Option(
      names = "--threads",
      defaultValue = "2",
      description = "Threads (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(
      names = "--sst2-train-rows",
      defaultValue = "0",
      description =
          "Seeded sample of SST-2 train rows, 0 = all 67,349 (default: ${DEFAULT-VALUE}).")
  int sst2TrainRows;

  @Option(
      names = "--candidates",
      split = ",",
      description =
          "Sentiment candidates to train (default: all): embedding-lr, embedding-mlp, tfidf-lr,"
              + " tfidf-embedding-lr, tfidf-embedding-average, transformer.")
  List<String> candidates;

  @Option(
      names = "--transformer-epochs",
      defaultValue = "3",
      description = "Epochs of the Transformer candidate (default: ${DEFAULT-VALUE}).")
  int transformerEpochs;

  @Option(names = "--seed", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--python",
      defaultValue = "/usr/bin/python3",
      description = "Python with scikit-learn (default: ${DEFAULT-VALUE}).")
  Path python;

  @Option(names = "--no-peer", description = "Do not run the TF-IDF + LR peer.")
  boolean noPeer;

  @Option(
      names = "--peer-script",
      description = "sentiment_baseline.py (default: peers/ beside the datasets folder).")
  Path peerScript;

  @Option(
      names = "--cache",
      description = "Embedding cache directory, so reruns skip embedding the training texts.")
  Path cache;

  @Option(
      names = "--parts",
      split = ",",
      description = "Parts to run (default: all): throughput, sentiment, themes.")
  List<String> parts;

  @Override
  public Integer call() {
    Set<VocBenchOptions.Part> chosen = EnumSet.noneOf(VocBenchOptions.Part.class);
    if (parts != null) for (String p : parts) chosen.add(VocBenchOptions.Part.of(p));
    VocBenchOptions options =
        new VocBenchOptions(
            data,
            threads,
            sst2TrainRows,
            seed,
            python,
            !noPeer,
            peerScript,
            cache,
            VocBenchOptions.candidatesNamed(candidates),
            transformerEpochs,
            chosen);
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    VocBenchmark.run(options, out, System.err);
    out.flush();
    return ExitCodes.OK;
  }
}
