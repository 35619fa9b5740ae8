package io.marketlens.core.io;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Blocks of decoded text for the tokenizer. For a large file, a background thread reads the file,
 * decompresses, hashes and decodes it while the calling thread tokenizes the previous block; a
 * small file is decoded on the calling thread. Either way the file's SHA-256 is ready once the last
 * block has been taken.
 *
 * <p>Used by one consumer thread; {@link #close()} stops the background thread if the consumer
 * gives up early (a bad row, say).
 */
final class TextBlocks implements AutoCloseable {

  private static final int BLOCK_CHARS = 1 << 17;
  private static final int IN_FLIGHT = 4;

  /** A block of {@code length} characters, the end ({@code length < 0}), or a failure. */
  private record Chunk(char[] chars, int length, Throwable failure) {}

  private final TextDecoder decoder;
  private final InputFile in;
  private final Thread worker;
  private final BlockingQueue<Chunk> full = new ArrayBlockingQueue<>(IN_FLIGHT + 1);
  private final BlockingQueue<char[]> free = new ArrayBlockingQueue<>(IN_FLIGHT + 1);
  private final char[] single;
  private int length;
  private volatile String sha256;

  private TextBlocks(TextDecoder decoder, InputFile in, boolean background) {
    this.decoder = decoder;
    this.in = in;
    if (background) {
      for (int i = 0; i < IN_FLIGHT; i++) free.add(new char[BLOCK_CHARS]);
      single = null;
      worker = new Thread(this::produce, "marketlens-read");
      worker.setDaemon(true);
      worker.start();
    } else {
      single = new char[BLOCK_CHARS];
      worker = null;
    }
  }

  /** Starts decoding; {@code background} for files worth a second thread. */
  static TextBlocks start(TextDecoder decoder, InputFile in, boolean background) {
    return new TextBlocks(decoder, in, background);
  }

  /**
   * The next block (its length is {@link #length()}), or null at the end of the text or at an
   * invalid byte sequence (see {@link TextDecoder#malformed()}). Hand a block back with {@link
   * #release} before asking for the next one.
   */
  char[] next() throws IOException {
    if (worker == null) {
      length = decoder.read(single);
      if (length < 0 && sha256 == null && decoder.malformed() == null) sha256 = in.sha256();
      return length < 0 ? null : single;
    }
    Chunk c;
    try {
      c = full.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while reading");
    }
    if (c.failure != null) rethrow(c.failure);
    length = c.length;
    return length < 0 ? null : c.chars;
  }

  int length() {
    return length;
  }

  void release(char[] block) {
    if (worker != null) free.add(block);
  }

  /** The hex SHA-256 of the file, once {@link #next()} has returned null. */
  String sha256() {
    return sha256;
  }

  @Override
  public void close() {
    if (worker == null) return;
    worker.interrupt();
    try {
      worker.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void produce() {
    try {
      while (true) {
        char[] block = free.take();
        int n = decoder.read(block);
        if (n < 0) break;
        full.put(new Chunk(block, n, null));
      }
      if (decoder.malformed() == null) sha256 = in.sha256();
      full.put(new Chunk(null, -1, null));
    } catch (InterruptedException e) {
      // the consumer stopped early and closed us
    } catch (IOException | RuntimeException | Error e) {
      full.offer(new Chunk(null, -1, e));
    }
  }

  private static void rethrow(Throwable t) throws IOException {
    if (t instanceof IOException) throw (IOException) t;
    if (t instanceof RuntimeException) throw (RuntimeException) t;
    if (t instanceof Error) throw (Error) t;
    throw new UncheckedIOException(new IOException(t));
  }
}
