package io.marketlens.ml.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VectorCacheTest {

  @TempDir Path dir;

  @Test
  void flush_thenNewCache_readsTheSameVectors() {
    Path file = dir.resolve("c.bin");
    VectorCache a = new VectorCache("m@1", 3, file);
    ByteBuffer k = a.key("hello");
    a.put(k, new float[] {0.1f, -0.2f, 0.3f});
    a.flush();

    VectorCache b = new VectorCache("m@1", 3, file);

    assertThat(b.get(b.key("hello"))).containsExactly(0.1f, -0.2f, 0.3f);
    assertThat(b.size()).isEqualTo(1);
  }

  @Test
  void key_differsByModelAndText() {
    VectorCache a = new VectorCache("m@1", 3, null);
    VectorCache b = new VectorCache("m@2", 3, null);
    assertThat(a.key("x")).isEqualTo(a.key("x")).isNotEqualTo(a.key("y")).isNotEqualTo(b.key("x"));
  }

  @Test
  void read_fileOfAnotherModelVersion_ignored() {
    Path file = dir.resolve("c.bin");
    VectorCache old = new VectorCache("m@1", 3, file);
    old.put(old.key("hello"), new float[] {1, 0, 0});
    old.flush();

    VectorCache upgraded = new VectorCache("m@2", 3, file);

    assertThat(upgraded.size()).isZero();
  }

  @Test
  void read_truncatedOrFlippedFile_ignored() throws IOException {
    Path file = dir.resolve("c.bin");
    VectorCache a = new VectorCache("m@1", 3, file);
    a.put(a.key("hello"), new float[] {1, 0, 0});
    a.put(a.key("world"), new float[] {0, 1, 0});
    a.flush();
    byte[] bytes = Files.readAllBytes(file);

    Files.write(file, Arrays.copyOf(bytes, bytes.length - 5));
    assertThat(new VectorCache("m@1", 3, file).size()).as("truncated").isZero();

    bytes[bytes.length - 12] ^= 0x10;
    Files.write(file, bytes);
    assertThat(new VectorCache("m@1", 3, file).size()).as("bit flip").isZero();
  }

  @Test
  void flush_nothingAdded_writesNoFile() {
    Path file = dir.resolve("c.bin");
    new VectorCache("m@1", 3, file).flush();
    assertThat(file).doesNotExist();
  }
}
