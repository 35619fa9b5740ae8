package io.marketlens.core.io;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines (ending in LF, CRLF or CR) of at most a given length, failing as soon as a line grows
 * past it rather than buffering a runaway line whole.
 *
 * <p>Not thread-safe.
 */
final class LineReader {

  /** A line longer than the limit. */
  static final class TooLong extends IOException {
    TooLong() {
      super("line too long");
    }
  }

  private final Reader in;
  private final int maxChars;
  private final char[] buf = new char[1 << 16];
  private int pos;
  private int end;
  private boolean skipLf;

  LineReader(Reader in, int maxChars) {
    this.in = in;
    this.maxChars = maxChars;
  }

  /** The next line without its line break, or null at the end. */
  String next() throws IOException {
    StringBuilder line = null;
    while (true) {
      if (pos == end) {
        end = in.read(buf, 0, buf.length);
        pos = 0;
        if (end <= 0) {
          end = 0;
          return line == null ? null : line.toString();
        }
      }
      if (skipLf) {
        skipLf = false;
        if (buf[pos] == '\n') pos++;
        continue;
      }
      int s = pos;
      while (pos < end && buf[pos] != '\n' && buf[pos] != '\r') pos++;
      if (line == null) line = new StringBuilder();
      if (line.length() + (pos - s) > maxChars) throw new TooLong();
      line.append(buf, s, pos - s);
      if (pos < end) {
        skipLf = buf[pos] == '\r';
        pos++;
        return line.toString();
      }
    }
  }
}
