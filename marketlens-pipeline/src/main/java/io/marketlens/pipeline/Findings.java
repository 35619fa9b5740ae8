package io.marketlens.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What one capability of an analysis run hands to a later one (beyond its section of {@code
 * results.json}), and the work to do only once the run's output is in place. One per run; not
 * thread-safe (steps run one after another).
 */
final class Findings {

  /**
   * The customer segments of this run.
   *
   * @param source where they are written in results.json, e.g. {@code customers.segments}
   * @param segmentOf customer id (as {@link io.marketlens.core.table.Column#getString} writes it) →
   *     segment id
   * @param labels segment id → its persona label
   */
  record CustomerSegments(
      String source, Map<String, Integer> segmentOf, Map<Integer, String> labels) {
    CustomerSegments {
      Objects.requireNonNull(source, "source");
      segmentOf = Map.copyOf(segmentOf);
      labels = Map.copyOf(labels);
    }
  }

  /**
   * A file or directory a step adds to the output directory, written into the staged directory
   * before it is committed (so a failed run writes none of it).
   *
   * @param path where it goes, relative to the output directory (e.g. {@code models/sentiment})
   * @param writer writes it at the path it is given
   */
  record Output(String path, Consumer<Path> writer) {
    Output {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(writer, "writer");
    }
  }

  private CustomerSegments segments;
  private final List<Runnable> afterCommit = new ArrayList<>();
  private final List<Output> outputs = new ArrayList<>();

  /** Records the run's customer segments; the first call wins (the customers table's segments). */
  void segments(CustomerSegments s) {
    if (segments == null) segments = s;
  }

  /** The run's customer segments, or null when none were made. */
  CustomerSegments segments() {
    return segments;
  }

  /**
   * Work to do after the output directory is committed, such as remembering this run's themes for
   * the next one: a run that fails must leave no trace for the next run to match against.
   */
  void afterCommit(Runnable action) {
    afterCommit.add(Objects.requireNonNull(action, "action"));
  }

  List<Runnable> afterCommitActions() {
    return List.copyOf(afterCommit);
  }

  /** Adds a file or directory (a saved model, say) to the run's output directory. */
  void output(String path, Consumer<Path> writer) {
    outputs.add(new Output(path, writer));
  }

  List<Output> outputs() {
    return List.copyOf(outputs);
  }
}
