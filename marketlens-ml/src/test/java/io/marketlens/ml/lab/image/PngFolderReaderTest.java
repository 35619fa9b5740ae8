package io.marketlens.ml.lab.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketlens.core.validate.InvalidInputException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PngFolderReaderTest {

  @TempDir Path tmp;

  @Test
  void readClassFolders_fixture_classesInNameOrderAndPixelsAsInIdx() {
    ImageSet png = PngFolderReader.readClassFolders(ImageFixtures.pngTree(), null);
    ImageSet idx =
        IdxReader.read(
            ImageFixtures.mnist500().resolve("train-images-idx3-ubyte.gz"),
            ImageFixtures.mnist500().resolve("train-labels-idx1-ubyte.gz"));

    assertThat(png.size()).isEqualTo(24);
    assertThat(png.classNames()).containsExactly("one", "two", "zero");
    assertThat(png.classCounts()).containsExactly(8, 8, 8);
    assertThat(png.id(0)).isEqualTo("one/t10k-0002.png");
    assertThat(png.label(0)).isZero();
    // one/t10k-0002.png is MNIST t10k image 2, also image 2 of the IDX slice.
    for (int k = 0; k < 784; k++) assertThat(png.pixel(0, k)).isEqualTo(idx.pixel(2, k));
  }

  @Test
  void grey_colourImage_becomesBt601Luma() throws Exception {
    BufferedImage rgb = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
    rgb.setRGB(0, 0, 0xff0000);
    rgb.setRGB(1, 0, 0x00ff00);
    Path f = tmp.resolve("c.png");
    ImageIO.write(rgb, "png", f.toFile());

    ImageSet set = PngFolderReader.readAll(f, null);

    assertThat(set.pixel(0, 0)).isEqualTo(76); // 0.299 × 255
    assertThat(set.pixel(0, 1)).isEqualTo(150); // 0.587 × 255
  }

  @Test
  void grey_sixteenBitGrey_scaledTo8Bits() throws Exception {
    BufferedImage g = new BufferedImage(2, 1, BufferedImage.TYPE_USHORT_GRAY);
    g.getRaster().setSample(0, 0, 0, 65535);
    g.getRaster().setSample(1, 0, 0, 257 * 100);
    Path f = tmp.resolve("g16.png");
    ImageIO.write(g, "png", f.toFile());

    ImageSet set = PngFolderReader.readAll(f, null);

    assertThat(set.pixel(0, 0)).isEqualTo(255);
    assertThat(set.pixel(0, 1)).isEqualTo(100);
  }

  @Test
  void readClassFolders_imageOfOtherSize_namesFileAndBothSizes() throws Exception {
    Path tree = copyOfFixture();
    Path odd = tree.resolve("two").resolve("z-odd.png");
    ImageIO.write(new BufferedImage(30, 32, BufferedImage.TYPE_BYTE_GRAY), "png", odd.toFile());

    assertThatThrownBy(() -> PngFolderReader.readClassFolders(tree, null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(odd.toString())
        .hasMessageContaining("an image of 28×28 pixels (height×width) like the first image")
        .hasMessageContaining("found \"32×30\"");
  }

  @Test
  void readClassFolders_emptyFolder_rejected() throws Exception {
    Path empty = Files.createDirectories(tmp.resolve("empty"));

    assertThatThrownBy(() -> PngFolderReader.readClassFolders(empty, null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(empty.toString())
        .hasMessageContaining("found \"an empty folder\"");
  }

  @Test
  void readClassFolders_classFolderWithoutPng_namesIt() throws Exception {
    Path tree = copyOfFixture();
    Path three = Files.createDirectories(tree.resolve("three"));
    Files.writeString(three.resolve("notes.txt"), "nothing here");

    assertThatThrownBy(() -> PngFolderReader.readClassFolders(tree, null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(three.toString())
        .hasMessageContaining("at least one .png image in each class folder");
  }

  @Test
  void readClassFolders_loosePng_rejected() throws Exception {
    Path tree = copyOfFixture();
    Files.copy(tree.resolve("one").resolve("t10k-0002.png"), tree.resolve("loose.png"));

    assertThatThrownBy(() -> PngFolderReader.readClassFolders(tree, null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("loose.png")
        .hasMessageContaining("inside class folders");
  }

  @Test
  void readAll_notAPng_namesFile() throws Exception {
    Path tree = copyOfFixture();
    Path fake = tree.resolve("one").resolve("fake.png");
    Files.writeString(fake, "not an image");

    assertThatThrownBy(() -> PngFolderReader.readAll(tree, null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(fake.toString());
  }

  private Path copyOfFixture() throws IOException {
    Path dst = tmp.resolve("tree");
    Path src = ImageFixtures.pngTree();
    try (Stream<Path> s = Files.walk(src)) {
      for (Path p : s.toList()) {
        Path t = dst.resolve(src.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(t);
        else Files.copy(p, t);
      }
    }
    return dst;
  }
}
