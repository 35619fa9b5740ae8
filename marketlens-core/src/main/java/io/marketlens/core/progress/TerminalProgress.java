package io.marketlens.core.progress;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on standard error that appears only once a step has run for about a second, so
 * short steps stay quiet. Thread-safe: {@link Step#advance} may be called from several threads.
 */
public final class TerminalProgress implements Progress {

  private static final long SHOW_AFTER_NANOS = 1_000_000_000L;

  private final PrintStream err;

  public TerminalProgress(PrintStream err) {
    this.err = err;
  }

  @Override
  public Step start(String name, long total, String unit) {
    return new BarStep(name, total, unit);
  }

  private final class BarStep implements Step {
    private final String name;
    private final long total;
    private final String unit;
    private final long startNanos = System.nanoTime();
    private final AtomicLong done = new AtomicLong();
    private volatile String message;
    private ProgressBar bar;

    BarStep(String name, long total, String unit) {
      this.name = name;
      this.total = total;
      this.unit = unit;
    }

    @Override
    public synchronized void advance(long units) {
      long now = done.addAndGet(units);
      if (bar == null && System.nanoTime() - startNanos > SHOW_AFTER_NANOS) {
        ProgressBarBuilder b =
            new ProgressBarBuilder()
                .setTaskName(name)
                .setInitialMax(total > 0 ? total : -1)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250)
                .setConsumer(new ConsoleProgressBarConsumer(err))
                .showSpeed();
        if ("B".equals(unit)) b.setUnit(" MB", 1_000_000);
        else if (unit != null && !unit.isEmpty()) b.setUnit(" " + unit, 1);
        bar = b.build();
      }
      if (bar != null) {
        bar.stepTo(now);
        String m = message;
        if (m != null) bar.setExtraMessage(m);
      }
    }

    @Override
    public void message(String text) {
      this.message = text;
    }

    @Override
    public synchronized void close() {
      if (bar != null) {
        if (total > 0) bar.stepTo(Math.max(done.get(), total));
        bar.close();
      }
    }
  }
}
