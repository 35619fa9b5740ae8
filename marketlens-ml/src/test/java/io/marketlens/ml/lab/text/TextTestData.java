package io.marketlens.ml.lab.text;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The committed test slices in {@code src/test/resources/lab/text} (see the README there). */
final class TextTestData {

  private TextTestData() {}

  /** 1,000 THUCNews titles, 100 per class, {@code title<TAB>label}, no header. */
  static Path thucnewsTrain() {
    return resource("thucnews_train_1000.txt");
  }

  /** 200 THUCNews test titles, 20 per class. */
  static Path thucnewsTest() {
    return resource("thucnews_test_200.txt");
  }

  /** 300 SST-2 sentences with a header {@code sentence<TAB>label}. */
  static Path sst2() {
    return resource("sst2_dev_300.tsv");
  }

  /** The columns of the THUCNews files. */
  static TextColumns thucnewsColumns() {
    return new TextColumns("1", "2", null, true);
  }

  static Path resource(String name) {
    try {
      return Path.of(TextTestData.class.getResource("/lab/text/" + name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("test resource missing: " + name, e);
    }
  }
}
