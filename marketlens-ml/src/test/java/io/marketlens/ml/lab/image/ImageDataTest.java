package io.marketlens.ml.lab.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketlens.core.validate.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageDataTest {

  @TempDir Path tmp;

  @Test
  void forTraining_idxFolderWithT10k_holdsOutT10k() {
    ImageData.Split s = ImageData.forTraining(ImageFixtures.mnist500(), 0.2, 42);

    assertThat(s.train().size()).isEqualTo(400);
    assertThat(s.test().size()).isEqualTo(100);
    assertThat(s.heldOut()).isEqualTo("the t10k files");
    assertThat(s.format()).isEqualTo("idx");
    assertThat(s.files()).hasSize(4);
    assertThat(s.sha256()).hasSize(64);
    assertThat(s.train().classNames()).hasSize(10).isEqualTo(s.test().classNames());
  }

  @Test
  void forTraining_onePairOnly_stratifiedSeededSplit() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("only"));
    for (String f : new String[] {"train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"}) {
      Files.copy(ImageFixtures.mnist500().resolve(f), dir.resolve(f));
    }

    ImageData.Split a = ImageData.forTraining(dir, 0.25, 7);
    ImageData.Split b = ImageData.forTraining(dir, 0.25, 7);
    ImageData.Split c = ImageData.forTraining(dir, 0.25, 8);

    assertThat(a.train().size() + a.test().size()).isEqualTo(400);
    assertThat(a.test().size()).isBetween(95, 105);
    int[] all =
        IdxReader.read(
                dir.resolve("train-images-idx3-ubyte.gz"),
                dir.resolve("train-labels-idx1-ubyte.gz"))
            .classCounts();
    int[] held = a.test().classCounts();
    for (int k = 0; k < all.length; k++)
      assertThat(held[k]).isBetween(all[k] / 4 - 1, all[k] / 4 + 1);
    assertThat(a.test().sameContent(b.test())).isTrue();
    assertThat(a.test().sameContent(c.test())).isFalse();
    assertThat(a.heldOut()).contains("stratified").contains("seed 7");
  }

  @Test
  void forTraining_idxImageFile_findsSiblingLabels() {
    ImageData.Split s =
        ImageData.forTraining(
            ImageFixtures.mnist500().resolve("t10k-images-idx3-ubyte.gz"), 0.2, 42);

    assertThat(s.train().size() + s.test().size()).isEqualTo(100);
  }

  @Test
  void forTraining_pngTree_splitsByClass() {
    ImageData.Split s = ImageData.forTraining(ImageFixtures.pngTree(), 0.25, 42);

    assertThat(s.format()).isEqualTo("png");
    assertThat(s.test().classCounts()).containsExactly(2, 2, 2);
    assertThat(s.train().classNames()).containsExactly("one", "two", "zero");
  }

  @Test
  void forTraining_imagesWithoutLabels_namesMissingFile() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("nolabels"));
    Files.copy(
        ImageFixtures.mnist500().resolve("train-images-idx3-ubyte.gz"),
        dir.resolve("train-images-idx3-ubyte.gz"));

    assertThatThrownBy(() -> ImageData.forTraining(dir, 0.2, 42))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("train-labels-idx1-ubyte(.gz) beside it");
  }

  @Test
  void forTraining_emptyFolder_saysWhatLayoutsAreExpected() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("empty"));

    assertThatThrownBy(() -> ImageData.forTraining(dir, 0.2, 42))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("train-images-idx3-ubyte(.gz)")
        .hasMessageContaining("DIR/<class name>/*.png")
        .hasMessageContaining("an empty folder");
  }

  @Test
  void forPrediction_idxFolder_readsT10kImages() {
    ImageSet set = ImageData.forPrediction(ImageFixtures.mnist500(), null);

    assertThat(set.size()).isEqualTo(100);
    assertThat(set.labelled()).isFalse();
  }

  @Test
  void forEvaluation_pngTree_everyImage() {
    assertThat(ImageData.forEvaluation(ImageFixtures.pngTree()).size()).isEqualTo(24);
  }
}
