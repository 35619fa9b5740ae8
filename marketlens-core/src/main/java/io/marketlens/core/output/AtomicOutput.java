package io.marketlens.core.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes files and directories so that readers never see a half-written result: everything goes to
 * a temporary sibling first and is renamed into place at the end. A run that fails leaves the
 * target as it was.
 */
public final class AtomicOutput {

  /**
   * Temporary files and directories are created private (600/700); outputs get the usual 644/755
   * once written. Secrets are not written through this class.
   */
  private static final Set<PosixFilePermission> FILE_PERMISSIONS =
      PosixFilePermissions.fromString("rw-r--r--");

  private static final Set<PosixFilePermission> DIRECTORY_PERMISSIONS =
      PosixFilePermissions.fromString("rwxr-xr-x");

  private AtomicOutput() {}

  private static void makeShareable(Path p, Set<PosixFilePermission> permissions)
      throws IOException {
    if (Files.getFileStore(p).supportsFileAttributeView(PosixFileAttributeView.class)) {
      Files.setPosixFilePermissions(p, permissions);
    }
  }

  /** Writes {@code bytes} to {@code target} through a temporary file in the same directory. */
  public static void write(Path target, byte[] bytes) {
    Path dir = target.toAbsolutePath().getParent();
    try {
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
      try {
        Files.write(tmp, bytes);
        makeShareable(tmp, FILE_PERMISSIONS);
        move(tmp, target);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
  }

  public static void writeString(Path target, String text) {
    write(target, text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A temporary directory beside {@code target} to fill; {@link Staged#commit()} swaps it into
   * place, {@link Staged#close()} without a commit deletes it.
   */
  public static Staged stageDirectory(Path target) {
    Path abs = target.toAbsolutePath().normalize();
    try {
      Files.createDirectories(abs.getParent());
      Path tmp = Files.createTempDirectory(abs.getParent(), "." + abs.getFileName() + ".tmp-");
      makeShareable(tmp, DIRECTORY_PERMISSIONS);
      return new Staged(abs, tmp);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory beside " + target, e);
    }
  }

  /** A directory being written; the owner commits it or closes it. Not thread-safe. */
  public static final class Staged implements AutoCloseable {
    private final Path target;
    private final Path dir;
    private boolean committed;

    private Staged(Path target, Path dir) {
      this.target = target;
      this.dir = dir;
    }

    /** Where to write. */
    public Path dir() {
      return dir;
    }

    public Path target() {
      return target;
    }

    /** Replaces {@code target} with the staged directory; the old content is removed afterwards. */
    public void commit() {
      try {
        Path old = null;
        if (Files.exists(target)) {
          old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
          Files.delete(old);
          move(target, old);
        }
        move(dir, target);
        committed = true;
        if (old != null) deleteTree(old);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot move the output into " + target, e);
      }
    }

    @Override
    public void close() {
      if (!committed) {
        try {
          deleteTree(dir);
        } catch (IOException e) {
          // The temporary directory is hidden and named as ours; leaving it is harmless.
        }
      }
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Deletes a directory tree (or a file); does nothing if it does not exist. */
  public static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) return;
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
            Files.delete(d);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
