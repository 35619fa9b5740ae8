package io.marketlens.ml.embed;

import java.nio.file.Path;

/**
 * How an {@link Embedder} runs. Start from {@link #defaults()}.
 *
 * @param threads how many texts are encoded at once by {@link Embedder#embedAll}; each text runs on
 *     one thread, so vectors do not depend on this number
 * @param cacheDirectory where one vector cache file per model is kept between runs, or null for an
 *     in-memory cache only
 */
public record EmbedderOptions(int threads, Path cacheDirectory) {

  /**
   * @throws IllegalArgumentException when threads is below 1
   */
  public EmbedderOptions {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, found " + threads);
    }
  }

  /** One thread per available processor, no cache directory. */
  public static EmbedderOptions defaults() {
    return new EmbedderOptions(Runtime.getRuntime().availableProcessors(), null);
  }

  public EmbedderOptions withThreads(int count) {
    return new EmbedderOptions(count, cacheDirectory);
  }

  public EmbedderOptions withCacheDirectory(Path directory) {
    return new EmbedderOptions(threads, directory);
  }
}
