package io.marketlens.bench.voc;

import io.marketlens.core.validate.InvalidInputException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@link VocBenchmark#run} measures and with what.
 *
 * @param data the shared datasets folder (holding {@code sst2/} and {@code chinese_reviews/})
 * @param threads the embedder's threads and the peer's threads, at least 1 (default {@value
 *     #DEFAULT_THREADS})
 * @param sst2TrainRows the SST-2 training rows sampled (seeded) for our sentiment head; 0 means all
 *     (default {@value #DEFAULT_SST2_TRAIN_ROWS})
 * @param seed the seed of the SST-2 sample, the ChnSentiCorp split and the peer (default 42)
 * @param python the interpreter that runs the peer; null means {@value #DEFAULT_PYTHON}
 * @param runPeer whether to run the TF-IDF peer in the same invocation
 * @param peerScript the peer script; null means {@code peers/sentiment_baseline.py} beside the
 *     datasets folder
 * @param cacheDir the embedding cache used for the accuracy part (never for the throughput part),
 *     or null for none
 */
public record VocBenchOptions(
    Path data,
    int threads,
    int sst2TrainRows,
    long seed,
    Path python,
    boolean runPeer,
    Path peerScript,
    Path cacheDir) {

  public static final String DEFAULT_PYTHON = "/usr/bin/python3";
  public static final int DEFAULT_THREADS = 2;
  public static final int DEFAULT_SST2_TRAIN_ROWS = 20_000;
  public static final long DEFAULT_SEED = 42;

  public VocBenchOptions {
    Objects.requireNonNull(data, "data");
    if (threads < 1) throw InvalidInputException.usage("--threads of at least 1", "" + threads);
    if (sst2TrainRows < 0) {
      throw InvalidInputException.usage("--sst2-train-rows of at least 0", "" + sst2TrainRows);
    }
    if (python == null) python = Path.of(DEFAULT_PYTHON);
  }

  /** The defaults for {@code data}: 2 threads, 20,000 SST-2 rows, seed 42, with the peer. */
  public static VocBenchOptions defaults(Path data) {
    return new VocBenchOptions(
        data, DEFAULT_THREADS, DEFAULT_SST2_TRAIN_ROWS, DEFAULT_SEED, null, true, null, null);
  }

  public VocBenchOptions withThreads(int n) {
    return new VocBenchOptions(data, n, sst2TrainRows, seed, python, runPeer, peerScript, cacheDir);
  }

  public VocBenchOptions withSst2TrainRows(int n) {
    return new VocBenchOptions(data, threads, n, seed, python, runPeer, peerScript, cacheDir);
  }

  public VocBenchOptions withSeed(long s) {
    return new VocBenchOptions(
        data, threads, sst2TrainRows, s, python, runPeer, peerScript, cacheDir);
  }

  public VocBenchOptions withPython(Path p) {
    return new VocBenchOptions(
        data, threads, sst2TrainRows, seed, p, runPeer, peerScript, cacheDir);
  }

  public VocBenchOptions withRunPeer(boolean r) {
    return new VocBenchOptions(data, threads, sst2TrainRows, seed, python, r, peerScript, cacheDir);
  }

  public VocBenchOptions withPeerScript(Path p) {
    return new VocBenchOptions(data, threads, sst2TrainRows, seed, python, runPeer, p, cacheDir);
  }

  public VocBenchOptions withCacheDir(Path p) {
    return new VocBenchOptions(data, threads, sst2TrainRows, seed, python, runPeer, peerScript, p);
  }
}
