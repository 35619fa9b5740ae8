package io.marketlens.ml.embed;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * The vectors one model has made, keyed by SHA-256 of the model id and the text: in memory, and
 * optionally in one file that is read on first use and rewritten atomically (temporary file, then
 * rename) by {@link #flush}. A file that cannot be read, is cut short, fails its checksum or was
 * made by another model version is ignored with a warning. Thread-safe.
 *
 * <p>File layout (big-endian): magic, format version, model id (modified UTF-8), dimension, count,
 * then count × (32-byte key, dimension floats), then the CRC-32 of everything before it.
 */
final class VectorCache {

  private static final System.Logger LOG = System.getLogger(VectorCache.class.getName());
  private static final int MAGIC = 0x4D4C4542; // "MLEB"
  private static final int FORMAT = 1;
  private static final int KEY_BYTES = 32;

  private final String modelId;
  private final int dimension;
  private final Path file;
  private final Map<ByteBuffer, float[]> vectors = new ConcurrentHashMap<>();
  private volatile boolean loaded;
  private volatile boolean dirty;

  /**
   * @param file the cache file, or null for memory only
   */
  VectorCache(String modelId, int dimension, Path file) {
    this.modelId = modelId;
    this.dimension = dimension;
    this.file = file;
    this.loaded = file == null;
  }

  /** The cache key of {@code text} under this cache's model. */
  ByteBuffer key(String text) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(modelId.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      return ByteBuffer.wrap(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** The cached vector for {@code key} (not a copy), or null. */
  float[] get(ByteBuffer key) {
    ensureLoaded();
    return vectors.get(key);
  }

  void put(ByteBuffer key, float[] vector) {
    ensureLoaded();
    if (vectors.putIfAbsent(key, vector) == null) dirty = true;
  }

  int size() {
    ensureLoaded();
    return vectors.size();
  }

  private void ensureLoaded() {
    if (loaded) return;
    synchronized (this) {
      if (loaded) return;
      read();
      loaded = true;
    }
  }

  private void read() {
    try (InputStream buffered = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      CRC32 crc = new CRC32();
      DataInputStream in = new DataInputStream(new CheckedInputStream(buffered, crc));
      if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
        warn("it is not a Marketlens embedding cache of format " + FORMAT);
        return;
      }
      String id = in.readUTF();
      int dim = in.readInt();
      if (!id.equals(modelId) || dim != dimension) {
        warn("it was made by " + id + " (" + dim + "-d), not " + modelId);
        return;
      }
      int count = in.readInt();
      long expected = (long) count * (KEY_BYTES + 4L * dimension);
      if (count < 0 || expected > Files.size(file)) {
        warn("its entry count " + count + " does not fit the file size");
        return;
      }
      Map<ByteBuffer, float[]> read = new HashMap<>(Math.max(16, count * 2));
      byte[] row = new byte[4 * dimension];
      for (int i = 0; i < count; i++) {
        byte[] key = new byte[KEY_BYTES];
        in.readFully(key);
        in.readFully(row);
        float[] v = new float[dimension];
        ByteBuffer.wrap(row).asFloatBuffer().get(v);
        read.put(ByteBuffer.wrap(key), v);
      }
      long sum = crc.getValue();
      long stored = new DataInputStream(buffered).readLong();
      if (stored != sum || buffered.read() != -1) {
        warn("its checksum does not match");
        return;
      }
      vectors.putAll(read);
    } catch (NoSuchFileException e) {
      // First run: nothing cached yet.
    } catch (IOException | RuntimeException e) {
      warn(e.toString());
    }
  }

  /** Writes the cache file if anything was added since it was last read or written. */
  synchronized void flush() {
    if (file == null || !dirty) return;
    dirty = false;
    List<Map.Entry<ByteBuffer, float[]>> snapshot = new ArrayList<>(vectors.entrySet());
    Path dir = file.toAbsolutePath().getParent();
    Path tmp = null;
    try {
      Files.createDirectories(dir);
      tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
      write(tmp, snapshot);
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException | RuntimeException e) {
      dirty = true;
      LOG.log(Level.WARNING, "cannot write the embedding cache " + file + ": " + e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // Best effort: a stray temporary file does not harm the cache.
        }
      }
    }
  }

  private void write(Path target, List<Map.Entry<ByteBuffer, float[]>> entries) throws IOException {
    try (OutputStream buffered = new BufferedOutputStream(Files.newOutputStream(target), 1 << 16)) {
      CRC32 crc = new CRC32();
      DataOutputStream out = new DataOutputStream(new CheckedOutputStream(buffered, crc));
      out.writeInt(MAGIC);
      out.writeInt(FORMAT);
      out.writeUTF(modelId);
      out.writeInt(dimension);
      out.writeInt(entries.size());
      ByteBuffer row = ByteBuffer.allocate(4 * dimension);
      for (Map.Entry<ByteBuffer, float[]> e : entries) {
        out.write(e.getKey().array());
        row.clear();
        row.asFloatBuffer().put(e.getValue());
        out.write(row.array());
      }
      out.flush();
      DataOutputStream tail = new DataOutputStream(buffered);
      tail.writeLong(crc.getValue());
      tail.flush();
    }
  }

  private void warn(String why) {
    LOG.log(Level.WARNING, "ignoring the embedding cache " + file + ": " + why);
  }
}
