package io.marketlens.ml.cluster;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a task over fixed blocks of rows on a small pool owned by one call. The blocks depend only
 * on the number of rows and the block size, never on the thread count, so per-block partial sums
 * reduced in block order give the same bits with 1 or 16 threads.
 *
 * <p>Not thread-safe: one caller at a time. Close it to stop the pool.
 */
final class BlockRunner implements AutoCloseable {

  private final int rows;
  private final int blockRows;
  private final int blocks;
  private final int threads;
  private final ExecutorService pool;

  BlockRunner(int rows, int blockRows, int threads) {
    this.rows = rows;
    this.blockRows = blockRows;
    this.blocks = Math.max(1, (rows + blockRows - 1) / blockRows);
    this.threads = Math.max(1, Math.min(threads, blocks));
    this.pool =
        this.threads > 1
            ? Executors.newFixedThreadPool(
                this.threads - 1,
                r -> {
                  Thread t = new Thread(r, "marketlens-cluster-worker");
                  t.setDaemon(true);
                  return t;
                })
            : null;
  }

  int blocks() {
    return blocks;
  }

  int start(int block) {
    return block * blockRows;
  }

  int end(int block) {
    return Math.min(rows, (block + 1) * blockRows);
  }

  /** The number of workers: tasks see worker indices in [0, threads()). */
  int threads() {
    return threads;
  }

  /** One block's work; {@code worker} identifies the thread's scratch space. */
  @FunctionalInterface
  interface Task {
    void run(int block, int worker);
  }

  /** Runs {@code task} once per block, on the calling thread and the pool, and waits for all. */
  void run(Task task) {
    if (pool == null) {
      for (int b = 0; b < blocks; b++) task.run(b, 0);
      return;
    }
    AtomicInteger next = new AtomicInteger();
    Future<?>[] helpers = new Future<?>[threads - 1];
    for (int t = 0; t < helpers.length; t++) {
      final int w = t + 1;
      helpers[t] = pool.submit(() -> work(task, next, w));
    }
    RuntimeException failure = null;
    try {
      work(task, next, 0);
    } catch (RuntimeException e) {
      next.set(blocks);
      failure = e;
    }
    for (Future<?> f : helpers) {
      try {
        f.get();
      } catch (ExecutionException e) {
        if (failure == null) {
          failure =
              e.getCause() instanceof RuntimeException r
                  ? r
                  : new IllegalStateException(e.getCause());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        if (failure == null) failure = new IllegalStateException("interrupted", e);
      }
    }
    if (failure != null) throw failure;
  }

  private void work(Task task, AtomicInteger next, int worker) {
    for (int b = next.getAndIncrement(); b < blocks; b = next.getAndIncrement()) {
      task.run(b, worker);
    }
  }

  @Override
  public void close() {
    if (pool != null) pool.shutdownNow();
  }
}
