package io.marketlens.core.io;

import io.marketlens.core.progress.Progress;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;

/**
 * An input file opened for one pass: its content, decompressed when it starts with the gzip magic
 * bytes (whatever its name), while the bytes on disk are hashed with SHA-256 and counted into the
 * progress step.
 *
 * <p>Not thread-safe. Close it to release the file.
 */
final class InputFile implements Closeable {

  private final Tracking raw;
  private final InputStream content;
  private final boolean gzip;

  private InputFile(Tracking raw, InputStream content, boolean gzip) {
    this.raw = raw;
    this.content = content;
    this.gzip = gzip;
  }

  static InputFile open(Path file, Progress.Step step) throws IOException {
    Tracking raw = new Tracking(Files.newInputStream(file), step);
    try {
      PushbackInputStream in = new PushbackInputStream(raw, 2);
      byte[] magic = in.readNBytes(2);
      in.unread(magic);
      boolean gzip = isGzip(magic);
      return new InputFile(raw, gzip ? new GZIPInputStream(in, 1 << 16) : in, gzip);
    } catch (IOException | RuntimeException e) {
      raw.close();
      throw e;
    }
  }

  /** Whether {@code head} starts with the gzip magic bytes 1f 8b. */
  static boolean isGzip(byte[] head) {
    return head.length >= 2 && head[0] == (byte) 0x1f && head[1] == (byte) 0x8b;
  }

  /** The file's content, decompressed if need be. */
  InputStream content() {
    return content;
  }

  boolean gzip() {
    return gzip;
  }

  /** Reads what is left of the file and returns the hex SHA-256 of all its bytes on disk. */
  String sha256() throws IOException {
    byte[] buf = new byte[1 << 16];
    while (raw.read(buf, 0, buf.length) >= 0) {
      // hashing happens in Tracking.read
    }
    return HexFormat.of().formatHex(raw.digest.digest());
  }

  /** Bytes read from disk so far. */
  long bytesRead() {
    return raw.count;
  }

  @Override
  public void close() throws IOException {
    content.close();
  }

  /** Hashes and counts every byte read through it. */
  private static final class Tracking extends FilterInputStream {
    private final MessageDigest digest = sha256Digest();
    private final Progress.Step step;
    private long count;

    Tracking(InputStream in, Progress.Step step) {
      super(in);
      this.step = step;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        digest.update((byte) b);
        count++;
        step.advance(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      if (n > 0) {
        digest.update(b, off, n);
        count += n;
        step.advance(n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      byte[] buf = new byte[(int) Math.min(n, 1 << 16)];
      int r = read(buf, 0, buf.length);
      return Math.max(r, 0);
    }
  }

  private static MessageDigest sha256Digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** The hex SHA-256 of a whole file, counted into {@code step}. */
  static String sha256(Path file, Progress.Step step) throws IOException {
    try (Tracking t = new Tracking(Files.newInputStream(file), step)) {
      byte[] buf = new byte[1 << 16];
      while (t.read(buf, 0, buf.length) >= 0) {
        // hashing happens in Tracking.read
      }
      return HexFormat.of().formatHex(t.digest.digest());
    }
  }
}
