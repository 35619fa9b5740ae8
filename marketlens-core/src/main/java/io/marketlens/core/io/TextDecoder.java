package io.marketlens.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.Locale;

/**
 * Decodes a byte stream into large blocks of characters with one {@link CharsetDecoder}, so the
 * tokenizer works on plain {@code char[]} blocks instead of calling a {@code Reader} per character.
 * Decoding stops at the first invalid byte sequence, which is then described by {@link
 * #malformed()}.
 *
 * <p>Not thread-safe.
 */
final class TextDecoder {

  /** An invalid byte sequence: its bytes, the bytes around it, and whether all before was ASCII. */
  record Malformed(String bytesHex, byte[] context, boolean asciiBefore) {}

  private static final int BYTE_BLOCK = 1 << 20;

  private final InputStream in;
  private final CharsetDecoder decoder;
  private final ByteBuffer bytes;
  private boolean eof;
  private boolean flushed;
  private long bytesConsumed;
  private long charsProduced;
  private Malformed malformed;

  /**
   * Decodes {@code head[skip..headLength)} and then the rest of {@code in}.
   *
   * @param head the bytes already read from the start of the stream
   */
  TextDecoder(byte[] head, int headLength, int skip, InputStream in, Charset charset) {
    this.in = in;
    this.decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    this.bytes = ByteBuffer.allocate(Math.max(BYTE_BLOCK, headLength));
    bytes.put(head, skip, headLength - skip).flip();
  }

  /**
   * Fills {@code out} with the next characters.
   *
   * @return the number of characters, or -1 at the end of the input or after an invalid sequence
   *     (then {@link #malformed()} is not null)
   */
  int read(char[] out) throws IOException {
    if (malformed != null || flushed) return -1;
    CharBuffer chars = CharBuffer.wrap(out);
    while (chars.hasRemaining()) {
      int before = bytes.position();
      CoderResult r = decoder.decode(bytes, chars, eof);
      bytesConsumed += bytes.position() - before;
      if (r.isError()) {
        malformed = describe(r.length(), chars.position());
        break;
      }
      if (r.isOverflow()) break;
      if (eof) {
        decoder.flush(chars);
        flushed = true;
        break;
      }
      refill();
    }
    int n = chars.position();
    charsProduced += n;
    return n == 0 ? -1 : n;
  }

  /** The invalid byte sequence that stopped decoding, or null. */
  Malformed malformed() {
    return malformed;
  }

  private void refill() throws IOException {
    bytes.compact();
    int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
    if (n < 0) eof = true;
    else bytes.position(bytes.position() + n);
    bytes.flip();
  }

  private Malformed describe(int length, int charsInBlock) {
    int at = bytes.position();
    StringBuilder hex = new StringBuilder("bytes");
    for (int i = 0; i < length && at + i < bytes.limit(); i++) {
      hex.append(String.format(Locale.ROOT, " 0x%02X", bytes.get(at + i) & 0xff));
    }
    int from = Math.max(0, at - 4096);
    int to = Math.min(bytes.limit(), at + 4096);
    byte[] context = new byte[to - from];
    bytes.get(from, context);
    boolean ascii = bytesConsumed == charsProduced + charsInBlock;
    return new Malformed(hex.toString(), context, ascii);
  }
}
