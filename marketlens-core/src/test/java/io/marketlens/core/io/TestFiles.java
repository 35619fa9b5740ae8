package io.marketlens.core.io;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.marketlens.core.progress.Progress;
import io.marketlens.core.table.ColumnType;
import io.marketlens.core.validate.InvalidInputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/** Writes small input files and reads them back, for the reader tests. */
final class TestFiles {

  private TestFiles() {}

  static Path write(Path dir, String name, String content) {
    return write(dir, name, content.getBytes(StandardCharsets.UTF_8));
  }

  static Path write(Path dir, String name, String content, Charset charset) {
    return write(dir, name, content.getBytes(charset));
  }

  static Path write(Path dir, String name, byte[] bytes) {
    try {
      return Files.write(dir.resolve(name), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) out.writeBytes(p);
    return out.toByteArray();
  }

  /** A resource under src/test/resources/io/. */
  static Path resource(String name) {
    try {
      return Path.of(TestFiles.class.getResource("/io/" + name).toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static ReadResult read(Path file) {
    return TableReader.read("t", file, ReadOptions.defaults(), Progress.NONE);
  }

  static ReadResult read(Path file, ReadOptions options) {
    return TableReader.read("t", file, options, Progress.NONE);
  }

  static InvalidInputException failure(Path file) {
    return failure(file, ReadOptions.defaults());
  }

  static InvalidInputException failure(Path file, ReadOptions options) {
    InvalidInputException e =
        catchThrowableOfType(InvalidInputException.class, () -> read(file, options));
    if (e == null) throw new AssertionError("expected an InvalidInputException reading " + file);
    return e;
  }

  static ReadOptions delimiter(char d) {
    return new ReadOptions(null, d, null, Map.of(), Map.of(), null, 0);
  }

  static ReadOptions encoding(Charset c) {
    return new ReadOptions(null, null, c, Map.of(), Map.of(), null, 0);
  }

  static ReadOptions format(String f) {
    return new ReadOptions(f, null, null, Map.of(), Map.of(), null, 0);
  }

  static ReadOptions types(Map<String, ColumnType> types) {
    return new ReadOptions(null, null, null, types, Map.of(), null, 0);
  }

  static ReadOptions dateFormats(Map<String, String> formats) {
    return new ReadOptions(null, null, null, Map.of(), formats, null, 0);
  }

  static ReadOptions maxRecordChars(int max) {
    return new ReadOptions(null, null, null, Map.of(), Map.of(), null, max);
  }
}
