package io.marketlens.ml.lab.textgen;

import io.marketlens.core.validate.InvalidInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Reads a text corpus: UTF-8 (a leading byte-order mark is skipped), not empty, not binary. */
final class Corpus {

  private Corpus() {}

  /**
   * The text of {@code file}.
   *
   * @throws InvalidInputException when the file is missing, unreadable, empty, binary (holds a NUL
   *     byte) or not valid UTF-8
   */
  static String read(Path file) {
    if (Files.isDirectory(file)) {
      throw InvalidInputException.in(file)
          .expected("a UTF-8 text file")
          .found("a directory")
          .build();
    }
    if (!Files.isRegularFile(file)) {
      throw InvalidInputException.in(file)
          .expected("a UTF-8 text file")
          .found("no such file")
          .build();
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException | OutOfMemoryError e) {
      throw InvalidInputException.in(file)
          .expected("a readable UTF-8 text file")
          .found("an unreadable file (" + e.getMessage() + ")")
          .build();
    }
    if (bytes.length == 0) {
      throw InvalidInputException.in(file)
          .expected("a non-empty UTF-8 text file")
          .found("an empty file")
          .build();
    }
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        throw InvalidInputException.in(file)
            .expected("a UTF-8 text file")
            .found(String.format(Locale.ROOT, "a binary file (a NUL byte at byte offset %,d)", i))
            .build();
      }
    }
    int start =
        bytes.length >= 3
                && (bytes[0] & 0xff) == 0xef
                && (bytes[1] & 0xff) == 0xbb
                && (bytes[2] & 0xff) == 0xbf
            ? 3
            : 0;
    CharsetDecoder dec =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult r = dec.decode(in, out, true);
    if (!r.isError()) r = dec.flush(out);
    if (r.isError()) {
      throw InvalidInputException.in(file)
          .expected("UTF-8 text")
          .found(
              String.format(
                  Locale.ROOT, "bytes that are not UTF-8 at byte offset %,d", in.position()))
          .hint("convert the file to UTF-8, e.g. iconv -f GB18030 -t UTF-8")
          .build();
    }
    out.flip();
    return out.toString();
  }

  /** 1-based line and column (in characters) of {@code charIndex} in {@code text}. */
  static long[] lineAndColumn(String text, int charIndex) {
    long line = 1;
    int lineStart = 0;
    for (int i = 0; i < charIndex && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new long[] {line, text.codePointCount(lineStart, charIndex) + 1};
  }
}
