package io.marketlens.ml.lab.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** The committed image slices of {@code src/test/resources/lab/image} (see the README there). */
final class ImageFixtures {

  private ImageFixtures() {}

  /** The folder of all image fixtures. */
  static Path root() {
    try {
      return Path.of(ImageFixtures.class.getResource("/lab/image").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** 400 train + 100 t10k MNIST images as gzipped IDX. */
  static Path mnist500() {
    return root().resolve("mnist500");
  }

  /** 24 MNIST digits as PNG class folders zero/, one/, two/. */
  static Path pngTree() {
    return root().resolve("png");
  }

  /** The small committed model and its recorded predictions. */
  static Path smallModel() {
    return root().resolve("small-model");
  }

  /** Writes {@code bytes} gzipped to {@code file}. */
  static void writeGzip(Path file, byte[] bytes) {
    try (GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An IDX image header followed by {@code pixels}. */
  static byte[] idxImages(int magic, int count, int rows, int cols, byte[] pixels) {
    ByteBuffer b = ByteBuffer.allocate(16 + pixels.length);
    b.putInt(magic).putInt(count).putInt(rows).putInt(cols).put(pixels);
    return b.array();
  }

  /** An IDX label file of {@code labels}. */
  static byte[] idxLabels(byte[] labels) {
    ByteBuffer b = ByteBuffer.allocate(8 + labels.length);
    b.putInt(IdxReader.LABELS_MAGIC).putInt(labels.length).put(labels);
    return b.array();
  }
}
