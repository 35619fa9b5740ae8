package io.marketlens.ml.lab.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketlens.core.validate.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {

  @TempDir Path tmp;

  private static Path trainImages() {
    return ImageFixtures.mnist500().resolve("train-images-idx3-ubyte.gz");
  }

  private static Path trainLabels() {
    return ImageFixtures.mnist500().resolve("train-labels-idx1-ubyte.gz");
  }

  @Test
  void read_gzippedMnistSlice_hasCountsSizesAndLabels() {
    ImageSet set = IdxReader.read(trainImages(), trainLabels());

    assertThat(set.size()).isEqualTo(400);
    assertThat(set.shape()).isEqualTo("28×28×1");
    assertThat(set.classNames()).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    // The first MNIST t10k images are a 7, a 2, a 1 and a 0.
    assertThat(Arrays.copyOf(set.labels(), 4)).containsExactly(7, 2, 1, 0);
    assertThat(set.id(3)).isEqualTo("3");
    int ink = 0;
    for (int k = 0; k < set.pixelsPerImage(); k++) ink += set.pixel(0, k) > 0 ? 1 : 0;
    assertThat(ink).isBetween(50, 400);
  }

  @Test
  void read_plainFile_sameAsGzipped() throws Exception {
    Path plain = tmp.resolve("train-images-idx3-ubyte");
    Files.write(plain, IdxReader.bytes(trainImages()));

    ImageSet fromPlain = IdxReader.read(plain, trainLabels());

    assertThat(fromPlain.sameContent(IdxReader.read(trainImages(), trainLabels()))).isTrue();
  }

  @Test
  void read_scaled_isPixelOver255() {
    ImageSet set = IdxReader.read(trainImages(), null);
    float[] out = new float[set.pixelsPerImage()];

    set.scaled(0, out, 0);

    for (int k = 0; k < out.length; k++) assertThat(out[k]).isEqualTo(set.pixel(0, k) / 255f);
    assertThat(set.labelled()).isFalse();
  }

  @Test
  void read_labelFileAsImages_namesFileAndMagic() {
    assertThatThrownBy(() -> IdxReader.read(trainLabels(), null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("train-labels-idx1-ubyte.gz")
        .hasMessageContaining("magic 2051")
        .hasMessageContaining("found \"magic 2049 (0x00000801), an IDX label file\"");
  }

  @Test
  void read_textFile_notAnIdxFile() throws Exception {
    Path text = tmp.resolve("train-images-idx3-ubyte");
    Files.writeString(text, "label,pixel0,pixel1\n");

    assertThatThrownBy(() -> IdxReader.read(text, null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(text.toString())
        .hasMessageContaining("not an IDX file");
  }

  @Test
  void read_moreLabelsThanImages_namesLabelFileAndCounts() {
    Path labels = tmp.resolve("labels.gz");
    ImageFixtures.writeGzip(labels, ImageFixtures.idxLabels(new byte[401]));

    assertThatThrownBy(() -> IdxReader.read(trainImages(), labels))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(labels.toString())
        .hasMessageContaining("expected 400 labels, one per image of train-images-idx3-ubyte.gz")
        .hasMessageContaining("found \"401 labels\"");
  }

  @Test
  void read_truncatedImages_saysHowManyBytes() throws Exception {
    Path f = tmp.resolve("short-images-idx3-ubyte");
    Files.write(f, ImageFixtures.idxImages(IdxReader.IMAGES_MAGIC, 3, 2, 2, new byte[11]));

    assertThatThrownBy(() -> IdxReader.read(f, null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("28 bytes (a 16-byte header + 3 images of 2×2×1)")
        .hasMessageContaining("27 bytes (truncated)");
  }

  @Test
  void read_zeroRows_rejected() throws Exception {
    Path f = tmp.resolve("flat-images-idx3-ubyte");
    Files.write(f, ImageFixtures.idxImages(IdxReader.IMAGES_MAGIC, 1, 0, 5, new byte[0]));

    assertThatThrownBy(() -> IdxReader.read(f, null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("the rows per image in the IDX header between 1 and 4096");
  }

  @Test
  void read_damagedGzip_rejected() throws Exception {
    byte[] gz = Files.readAllBytes(trainImages());
    Path f = tmp.resolve("cut-images-idx3-ubyte.gz");
    Files.write(f, Arrays.copyOf(gz, gz.length / 2));

    assertThatThrownBy(() -> IdxReader.read(f, null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("a complete gzip stream");
  }

  @Test
  void read_channelsLast_becomesChannelMajor() throws Exception {
    // One 1×2 image with 3 channels stored (row, col, channel): pixel 0 = (1,2,3), pixel 1 =
    // (4,5,6).
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(20 + 6);
    b.putInt(IdxReader.IMAGES_CHANNELS_MAGIC).putInt(1).putInt(1).putInt(2).putInt(3);
    b.put(new byte[] {1, 2, 3, 4, 5, 6});
    Path f = tmp.resolve("rgb-images-idx3-ubyte");
    Files.write(f, b.array());

    ImageSet set = IdxReader.read(f, null);

    assertThat(set.shape()).isEqualTo("1×2×3");
    int[] px = new int[6];
    for (int k = 0; k < 6; k++) px[k] = set.pixel(0, k);
    assertThat(px).containsExactly(1, 4, 2, 5, 3, 6);
  }
}
