package io.marketlens.bench.lab;

import java.nio.file.Path;
import java.util.Set;

/**
 * Options of {@code bench lab}.
 *
 * @param data the shared datasets folder
 * @param threads PyTorch threads, ours and the peer's (2 in the acceptance runs)
 * @param seed the seed, ours and the peer's
 * @param python the Python with torch for the peers
 * @param runPeer run the peer scripts in the same invocation
 * @param peersDir the folder holding the peer scripts (default: {@code peers/} beside {@code data})
 * @param parts which parts to run: churn, cnn, gru, lstm, transformer
 * @param device {@code auto}, {@code cpu} or {@code gpu} for our side
 * @param work the folder for models written during the run
 * @param timingRuns churn only: fresh-process timing runs per side (ours and the peer alternating);
 *     the median seconds per epoch of each side is compared (default {@value #DEFAULT_TIMING_RUNS})
 */
public record LabBenchOptions(
    Path data,
    int threads,
    long seed,
    Path python,
    boolean runPeer,
    Path peersDir,
    Set<String> parts,
    String device,
    Path work,
    int timingRuns) {

  public static final int DEFAULT_TIMING_RUNS = 3;

  public LabBenchOptions {
    if (timingRuns < 1) {
      throw io.marketlens.core.validate.InvalidInputException.usage(
          "--timing-runs of at least 1", Integer.toString(timingRuns));
    }
  }

  /** Every part, in run order. */
  public static final Set<String> ALL_PARTS =
      new java.util.LinkedHashSet<>(
          java.util.List.of("churn", "cnn", "gru", "lstm", "transformer"));

  /** The peer script {@code name} (e.g. {@code churn_mlp.py}). */
  public Path peerScript(String name) {
    Path dir = peersDir != null ? peersDir : data.toAbsolutePath().getParent().resolve("peers");
    return dir.resolve(name);
  }
}
