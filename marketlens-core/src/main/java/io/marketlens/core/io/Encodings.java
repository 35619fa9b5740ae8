package io.marketlens.core.io;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Detects the text encoding of a file from its first bytes, and tells binary files from text.
 *
 * <p>The order of the rules: a byte-order mark decides (UTF-8, UTF-16, GB18030); bytes that are
 * valid UTF-8 are UTF-8; bytes that are mostly valid multi-byte UTF-8 with a few invalid sequences
 * are UTF-8 too, so that decoding stops at the first bad byte with a message naming its row and
 * column; bytes that decode cleanly as GB18030 into mostly CJK characters, from mostly two high
 * bytes each, are GB18030; anything else is Latin-1 (windows-1252, or ISO-8859-1 when a byte
 * undefined in windows-1252 occurs).
 */
final class Encodings {

  static final Charset GB18030 = Charset.forName("GB18030");
  static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  /** The outcome of detection: the charset and the length of the byte-order mark to skip. */
  record Detection(Charset charset, int bomLength) {}

  private Encodings() {}

  /** The encoding of {@code len} sample bytes; {@code complete} when they are the whole file. */
  static Detection detect(byte[] b, int len, boolean complete) {
    Detection bom = byteOrderMark(b, len);
    if (bom != null) return bom;
    int end = complete ? len : lastNewline(b, len);
    Utf8Stats utf8 = utf8Stats(b, end);
    if (utf8.invalid == 0 || utf8.valid >= 4L * utf8.invalid) {
      return new Detection(StandardCharsets.UTF_8, 0);
    }
    return new Detection(guessLegacy(b, 0, end), 0);
  }

  /** GB18030 when the bytes decode cleanly as mostly CJK text, else a Latin-1 variant. */
  static Charset guessLegacy(byte[] b, int off, int len) {
    if (looksGb18030(b, off, len)) return GB18030;
    for (int i = off; i < off + len; i++) {
      int v = b[i] & 0xff;
      if (v == 0x81 || v == 0x8d || v == 0x8f || v == 0x90 || v == 0x9d) {
        return StandardCharsets.ISO_8859_1;
      }
    }
    return WINDOWS_1252;
  }

  /** The byte-order mark at the start, or null. */
  static Detection byteOrderMark(byte[] b, int len) {
    if (len >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf) {
      return new Detection(StandardCharsets.UTF_8, 3);
    }
    if (len >= 2 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe) {
      return new Detection(StandardCharsets.UTF_16LE, 2);
    }
    if (len >= 2 && (b[0] & 0xff) == 0xfe && (b[1] & 0xff) == 0xff) {
      return new Detection(StandardCharsets.UTF_16BE, 2);
    }
    if (len >= 4
        && (b[0] & 0xff) == 0x84
        && b[1] == 0x31
        && (b[2] & 0xff) == 0x95
        && b[3] == 0x33) {
      return new Detection(GB18030, 4);
    }
    return null;
  }

  /**
   * A description of why the first {@code len} bytes are not text, or null when they look like
   * text: NUL bytes, or more than 10% control bytes other than tab, newline, carriage return and
   * form feed.
   */
  static String binaryReason(byte[] b, int len) {
    int n = Math.min(len, 1 << 16);
    int control = 0;
    for (int i = 0; i < n; i++) {
      int v = b[i] & 0xff;
      if (v == 0) return String.format(Locale.ROOT, "binary data (a NUL byte at offset %d)", i);
      if ((v < 0x20 && v != '\t' && v != '\n' && v != '\r' && v != '\f') || v == 0x7f) control++;
    }
    if (n > 0 && control * 10L > n) {
      return String.format(Locale.ROOT, "binary data (%d%% control bytes)", control * 100L / n);
    }
    return null;
  }

  /** What a file whose bytes around a decoding error look like, as advice for the user. */
  static String hintFor(byte[] b, int off, int len, Charset used) {
    Utf8Stats utf8 = utf8Stats(b, off, off + len);
    Charset guess =
        utf8.valid > 0 && utf8.valid >= 4L * utf8.invalid
            ? StandardCharsets.UTF_8
            : guessLegacy(b, off, len);
    if (guess.equals(used)) {
      return "the file is mostly "
          + displayName(used)
          + " but this byte is not; fix the value"
          + " or re-save the file as UTF-8";
    }
    return "the file looks like "
        + displayName(guess)
        + "; set encoding: "
        + guess.name().toLowerCase(Locale.ROOT);
  }

  static String displayName(Charset c) {
    if (c.equals(WINDOWS_1252) || c.equals(StandardCharsets.ISO_8859_1)) {
      return "Latin-1 (" + c.name() + ")";
    }
    return c.name();
  }

  private static boolean looksGb18030(byte[] b, int off, int len) {
    CharBuffer chars;
    try {
      chars =
          GB18030
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(b, off, len));
    } catch (CharacterCodingException e) {
      return false;
    }
    int nonAscii = 0;
    int cjk = 0;
    for (int i = 0; i < chars.length(); i++) {
      char c = chars.get(i);
      if (c < 0x80) continue;
      nonAscii++;
      if (isCjk(c)) cjk++;
    }
    return nonAscii > 0 && cjk * 10L >= nonAscii * 7L && mostlyHighTrailBytes(b, off, len);
  }

  /**
   * Whether most two-byte sequences have a trail byte of 0x80 or more, as in Chinese text (GB2312
   * characters are two high bytes); in Latin-1 text a high byte is followed by an ASCII letter.
   */
  private static boolean mostlyHighTrailBytes(byte[] b, int off, int len) {
    long pairs = 0;
    long high = 0;
    int end = off + len;
    for (int i = off; i + 1 < end; i++) {
      if ((b[i] & 0xff) < 0x81) continue;
      int trail = b[i + 1] & 0xff;
      if (trail >= 0x30 && trail <= 0x39) {
        i += 3;
        continue;
      }
      pairs++;
      if (trail >= 0x80) high++;
      i++;
    }
    return high * 10 >= pairs * 8;
  }

  private static boolean isCjk(char c) {
    return (c >= 0x4e00 && c <= 0x9fff)
        || (c >= 0x3400 && c <= 0x4dbf)
        || (c >= 0x3000 && c <= 0x303f)
        || (c >= 0xff00 && c <= 0xffef);
  }

  private static int lastNewline(byte[] b, int len) {
    for (int i = len - 1; i >= 0; i--) if (b[i] == '\n') return i + 1;
    return len;
  }

  private record Utf8Stats(long valid, long invalid) {}

  private static Utf8Stats utf8Stats(byte[] b, int len) {
    return utf8Stats(b, 0, len);
  }

  /** Counts valid multi-byte sequences and invalid bytes; a sequence cut off at the end is ok. */
  private static Utf8Stats utf8Stats(byte[] b, int from, int to) {
    long valid = 0;
    long invalid = 0;
    int i = from;
    while (i < to) {
      int v = b[i] & 0xff;
      if (v < 0x80) {
        i++;
        continue;
      }
      int need =
          v >= 0xc2 && v <= 0xdf ? 1 : v >= 0xe0 && v <= 0xef ? 2 : v >= 0xf0 && v <= 0xf4 ? 3 : -1;
      if (need < 0) {
        invalid++;
        i++;
        continue;
      }
      int k = 1;
      while (k <= need && i + k < to && (b[i + k] & 0xc0) == 0x80) k++;
      if (k > need) {
        valid++;
        i += k;
      } else if (i + k >= to) {
        break;
      } else {
        invalid++;
        i++;
      }
    }
    return new Utf8Stats(valid, invalid);
  }
}
