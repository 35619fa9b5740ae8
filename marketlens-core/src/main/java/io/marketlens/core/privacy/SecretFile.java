package io.marketlens.core.privacy;

import io.marketlens.core.validate.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HexFormat;

/**
 * The per-project secret on disk: hex text, created once with random bytes and then only read.
 * Creation writes a private temporary file next to the target and publishes it with a hard link (or
 * a move that refuses to replace), so a concurrent creator never overwrites a secret already in
 * use.
 */
final class SecretFile {

  static final int SECRET_BYTES = 32;

  private SecretFile() {}

  static byte[] readOrCreate(Path file) {
    try {
      try {
        return read(file);
      } catch (NoSuchFileException absent) {
        return create(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the secret file " + file, e);
    }
  }

  private static byte[] read(Path file) throws IOException {
    String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).strip();
    byte[] secret = null;
    if (text.length() % 2 == 0 && text.chars().allMatch(HexFormat::isHexDigit)) {
      secret = HexFormat.of().parseHex(text);
    }
    if (secret == null || secret.length < Pseudonymizer.MIN_SECRET_BYTES) {
      throw InvalidInputException.in(file)
          .expected("a secret of at least " + 2 * Pseudonymizer.MIN_SECRET_BYTES + " hex digits")
          .found(describe(text)) // never the content: it may be a real secret
          .hint("delete the file to create a new secret; every pseudonym will change")
          .build();
    }
    return secret;
  }

  private static String describe(String text) {
    boolean hex = text.chars().allMatch(HexFormat::isHexDigit);
    return text.length() + " characters" + (hex ? "" : ", not all hex digits");
  }

  private static byte[] create(Path file) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    byte[] secret = new byte[SECRET_BYTES];
    new SecureRandom().nextBytes(secret);
    Path tmp = privateTempFile(dir);
    try {
      writeDurably(tmp, HexFormat.of().formatHex(secret) + "\n");
      publish(tmp, file);
      return secret;
    } catch (FileAlreadyExistsException raced) {
      return read(file); // another process created it first: use theirs
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static Path privateTempFile(Path dir) throws IOException {
    if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      EnumSet<PosixFilePermission> ownerOnly =
          EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
      return Files.createTempFile(
          dir, ".secret-", ".tmp", PosixFilePermissions.asFileAttribute(ownerOnly));
    }
    return Files.createTempFile(dir, ".secret-", ".tmp");
  }

  private static void writeDurably(Path tmp, String text) throws IOException {
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
      ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
      while (buf.hasRemaining()) ch.write(buf);
      ch.force(true);
    }
  }

  /** Makes the complete temporary file visible as {@code file}, failing if {@code file} exists. */
  private static void publish(Path tmp, Path file) throws IOException {
    try {
      Files.createLink(file, tmp);
    } catch (FileAlreadyExistsException e) {
      throw e;
    } catch (IOException | UnsupportedOperationException noHardLinks) {
      Files.move(tmp, file); // without REPLACE_EXISTING: refuses to overwrite
    }
  }
}
