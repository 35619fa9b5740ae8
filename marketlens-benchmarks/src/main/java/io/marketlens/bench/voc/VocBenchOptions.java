package io.marketlens.bench.voc;

import io.marketlens.core.validate.InvalidInputException;
import io.marketlens.voc.sentiment.SentimentCandidate;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What {@link VocBenchmark#run} measures and with what.
 *
 * @param data the shared datasets folder (holding {@code sst2/} and {@code chinese_reviews/})
 * @param threads the embedder's threads and the peer's threads, at least 1 (default {@value
 *     #DEFAULT_THREADS})
 * @param sst2TrainRows the SST-2 training rows sampled (seeded) for our sentiment models; 0 means
 *     all 67,349 (the default)
 * @param seed the seed of the SST-2 sample, the Chinese 80/20 splits, the validation splits, the
 *     candidates and the peer (default 42)
 * @param python the interpreter that runs the peer; null means {@value #DEFAULT_PYTHON}
 * @param runPeer whether to run the TF-IDF peer in the same invocation
 * @param peerScript the peer script; null means {@code peers/sentiment_baseline.py} beside the
 *     datasets folder
 * @param cacheDir the embedding cache used for the accuracy part (never for the throughput part),
 *     or null for none
 * @param candidates the sentiment candidates trained; null or empty means all
 * @param transformerEpochs the Transformer candidate's epochs, at least 1 (default {@value
 *     #DEFAULT_TRANSFORMER_EPOCHS})
 * @param parts the parts run; null or empty means all
 */
public record VocBenchOptions(
    Path data,
    int threads,
    int sst2TrainRows,
    long seed,
    Path python,
    boolean runPeer,
    Path peerScript,
    Path cacheDir,
    List<SentimentCandidate> candidates,
    int transformerEpochs,
    Set<Part> parts) {

  /** The parts of the benchmark. */
  public enum Part {
    /** Embedding throughput against the compute yardstick. */
    THROUGHPUT,
    /** Sentiment accuracy beside the TF-IDF + LR peer. */
    SENTIMENT,
    /** Themes of online_shopping_10_cats against its hidden categories. */
    THEMES;

    /**
     * The part called {@code name} (any case).
     *
     * @throws InvalidInputException for an unknown name
     */
    public static Part of(String name) {
      for (Part p : values()) if (p.name().equalsIgnoreCase(name.strip())) return p;
      throw InvalidInputException.usage(
          "--parts of throughput, sentiment, themes", "\"" + name + "\"");
    }
  }

  public static final String DEFAULT_PYTHON = "/usr/bin/python3";
  public static final int DEFAULT_THREADS = 2;
  public static final long DEFAULT_SEED = 42;
  public static final int DEFAULT_TRANSFORMER_EPOCHS = 3;

  public VocBenchOptions {
    Objects.requireNonNull(data, "data");
    if (threads < 1) throw InvalidInputException.usage("--threads of at least 1", "" + threads);
    if (sst2TrainRows < 0) {
      throw InvalidInputException.usage("--sst2-train-rows of at least 0", "" + sst2TrainRows);
    }
    if (transformerEpochs < 1) {
      throw InvalidInputException.usage(
          "--transformer-epochs of at least 1", "" + transformerEpochs);
    }
    if (python == null) python = Path.of(DEFAULT_PYTHON);
    parts =
        parts == null || parts.isEmpty()
            ? EnumSet.allOf(Part.class)
            : Collections.unmodifiableSet(EnumSet.copyOf(parts));
    candidates =
        candidates == null || candidates.isEmpty()
            ? List.of(SentimentCandidate.values())
            : List.copyOf(candidates);
  }

  /**
   * The candidates called {@code names}; null for a null or empty list (all).
   *
   * @throws InvalidInputException for an unknown name
   */
  public static List<SentimentCandidate> candidatesNamed(List<String> names) {
    if (names == null || names.isEmpty()) return null;
    return names.stream().map(String::strip).map(SentimentCandidate::of).toList();
  }

  /** The defaults for {@code data}: 2 threads, all SST-2 rows, seed 42, every candidate, peer. */
  public static VocBenchOptions defaults(Path data) {
    return new VocBenchOptions(
        data,
        DEFAULT_THREADS,
        0,
        DEFAULT_SEED,
        null,
        true,
        null,
        null,
        null,
        DEFAULT_TRANSFORMER_EPOCHS,
        null);
  }

  public VocBenchOptions withThreads(int n) {
    return new VocBenchOptions(
        data,
        n,
        sst2TrainRows,
        seed,
        python,
        runPeer,
        peerScript,
        cacheDir,
        candidates,
        transformerEpochs,
        parts);
  }

  public VocBenchOptions withSst2TrainRows(int n) {
    return new VocBenchOptions(
        data,
        threads,
        n,
        seed,
        python,
        runPeer,
        peerScript,
        cacheDir,
        candidates,
        transformerEpochs,
        parts);
  }

  public VocBenchOptions withRunPeer(boolean r) {
    return new VocBenchOptions(
        data,
        threads,
        sst2TrainRows,
        seed,
        python,
        r,
        peerScript,
        cacheDir,
        candidates,
        transformerEpochs,
        parts);
  }

  public VocBenchOptions withCacheDir(Path p) {
    return new VocBenchOptions(
        data,
        threads,
        sst2TrainRows,
        seed,
        python,
        runPeer,
        peerScript,
        p,
        candidates,
        transformerEpochs,
        parts);
  }

  public VocBenchOptions withParts(Set<Part> p) {
    return new VocBenchOptions(
        data,
        threads,
        sst2TrainRows,
        seed,
        python,
        runPeer,
        peerScript,
        cacheDir,
        candidates,
        transformerEpochs,
        p);
  }

  public VocBenchOptions withCandidates(List<SentimentCandidate> c) {
    return new VocBenchOptions(
        data,
        threads,
        sst2TrainRows,
        seed,
        python,
        runPeer,
        peerScript,
        cacheDir,
        c,
        transformerEpochs,
        parts);
  }
}
