package io.marketlens.bench.customers;

import io.marketlens.core.validate.InvalidInputException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@link CustomersBenchmark#run} measures and with what.
 *
 * @param data the shared datasets folder (holding {@code online_retail/online_retail.csv.gz})
 * @param seed the seed of k-means, the silhouette sample and the scale points (default 42)
 * @param threads our worker threads and the peer's BLAS / OpenMP threads (default 2)
 * @param scaleRows rows of the N(0, 1) scale case, 8 columns (default 1,000,000)
 * @param repeats timed runs after the first of the RFM features and the scale k-means, at least 1
 *     (default 5); the median is compared, the first (cold) run is reported beside it
 * @param python the interpreter of the peer; null means {@value #DEFAULT_PYTHON}
 * @param runPeer whether to run the peer in the same invocation (default true)
 * @param peerScript the peer script; null means {@code peers/rfm_kmeans.py} beside the datasets
 *     folder
 * @param samePoints draw the scale points with numpy's {@code default_rng(seed).standard_normal}
 *     through {@code python}, as the peer does, so both sides cluster the same points (default
 *     true; without Python, our own seeded normal draws are used and the report says so)
 * @param analysis also segment the full features with personas and check the CLV model on a holdout
 *     (untimed; default true)
 */
public record CustomersBenchOptions(
    Path data,
    long seed,
    int threads,
    int scaleRows,
    int repeats,
    Path python,
    boolean runPeer,
    Path peerScript,
    boolean samePoints,
    boolean analysis) {

  public static final String DEFAULT_PYTHON = "/usr/bin/python3";
  public static final int DEFAULT_SCALE_ROWS = 1_000_000;

  public CustomersBenchOptions {
    Objects.requireNonNull(data, "data");
    if (threads < 1) throw InvalidInputException.usage("--threads of at least 1", "" + threads);
    if (scaleRows < 8)
      throw InvalidInputException.usage("--scale-rows of at least 8", "" + scaleRows);
    if (repeats < 1) throw InvalidInputException.usage("--repeat of at least 1", "" + repeats);
    if (python == null) python = Path.of(DEFAULT_PYTHON);
  }

  /** Seed 42, 2 threads, 1,000,000 scale rows, 5 repeats, the peer, numpy's points, analysis. */
  public static CustomersBenchOptions defaults(Path data) {
    return new CustomersBenchOptions(
        data, 42, 2, DEFAULT_SCALE_ROWS, 5, null, true, null, true, true);
  }

  public CustomersBenchOptions withThreads(int n) {
    return new CustomersBenchOptions(
        data, seed, n, scaleRows, repeats, python, runPeer, peerScript, samePoints, analysis);
  }

  public CustomersBenchOptions withScaleRows(int n) {
    return new CustomersBenchOptions(
        data, seed, threads, n, repeats, python, runPeer, peerScript, samePoints, analysis);
  }

  public CustomersBenchOptions withRepeats(int n) {
    return new CustomersBenchOptions(
        data, seed, threads, scaleRows, n, python, runPeer, peerScript, samePoints, analysis);
  }

  public CustomersBenchOptions withPython(Path p) {
    return new CustomersBenchOptions(
        data, seed, threads, scaleRows, repeats, p, runPeer, peerScript, samePoints, analysis);
  }

  public CustomersBenchOptions withRunPeer(boolean on) {
    return new CustomersBenchOptions(
        data, seed, threads, scaleRows, repeats, python, on, peerScript, samePoints, analysis);
  }

  public CustomersBenchOptions withPeerScript(Path p) {
    return new CustomersBenchOptions(
        data, seed, threads, scaleRows, repeats, python, runPeer, p, samePoints, analysis);
  }

  public CustomersBenchOptions withSamePoints(boolean on) {
    return new CustomersBenchOptions(
        data, seed, threads, scaleRows, repeats, python, runPeer, peerScript, on, analysis);
  }

  public CustomersBenchOptions withAnalysis(boolean on) {
    return new CustomersBenchOptions(
        data, seed, threads, scaleRows, repeats, python, runPeer, peerScript, samePoints, on);
  }
}
