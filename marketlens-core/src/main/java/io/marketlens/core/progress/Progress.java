package io.marketlens.core.progress;

/**
 * Reports the progress of long work. Implementations decide how to show it: a terminal bar on
 * standard error ({@link TerminalProgress}), a job's progress in the server, or nothing ({@link
 * #NONE}).
 *
 * <p>Usage: {@code try (Progress.Step s = progress.start("read customers.csv", bytes, "B")) {
 * s.advance(n); }}.
 */
public interface Progress {

  /** Discards everything. */
  Progress NONE = (name, total, unit) -> Step.NONE;

  /**
   * Starts a step of {@code total} units ({@code total <= 0} when unknown). Close the step when the
   * work ends.
   */
  Step start(String name, long total, String unit);

  /** One step of work; not thread-safe unless the implementation says so. */
  interface Step extends AutoCloseable {

    Step NONE =
        new Step() {
          @Override
          public void advance(long units) {}

          @Override
          public void close() {}
        };

    /** Adds {@code units} to the work done. */
    void advance(long units);

    /** Sets an extra message shown beside the bar (e.g. the running loss). */
    default void message(String text) {}

    @Override
    void close();
  }
}
