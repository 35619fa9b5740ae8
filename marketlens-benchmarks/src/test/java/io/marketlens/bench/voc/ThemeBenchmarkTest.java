package io.marketlens.bench.voc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThemeBenchmarkTest {

  @Test
  void chineseWordsAreHanOnlyAndShort() {
    assertThat(ThemeBenchmark.isChineseWord("洗发水")).isTrue();
    assertThat(ThemeBenchmark.isChineseWord("贵")).isTrue();
    assertThat(ThemeBenchmark.isChineseWord("http")).isFalse();
    assertThat(ThemeBenchmark.isChineseWord("京东jd")).isFalse();
    assertThat(ThemeBenchmark.isChineseWord("房间很干净服务也非常好")).isFalse();
    assertThat(ThemeBenchmark.isChineseWord("")).isFalse();
  }

  @Test
  void readsReviewsWithTheirCategoryFromTheZip(@TempDir Path dir) throws IOException {
    // the layout of online_shopping_10_cats.zip: one CSV, cat,label,review, a BOM before the first
    // review, an empty review, commas inside quoted reviews
    String csv =
        "cat,label,review\n"
            + "书籍,1,\ufeff做父母一定要有刘墉这样的心态\n"
            + "热水器,1,\n"
            + "酒店,0,\"房间小，隔音差, 早餐一般\"\n";
    Path zip = dir.resolve("shop.zip");
    try (OutputStream out = Files.newOutputStream(zip);
        ZipOutputStream z = new ZipOutputStream(out)) {
      z.putNextEntry(new ZipEntry("online_shopping_10_cats.csv"));
      z.write(csv.getBytes(StandardCharsets.UTF_8));
      z.closeEntry();
    }
    List<String[]> rows = VocBenchmark.reviewRows(VocBenchmark.readZippedTable(zip), "cat");
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0)).containsExactly("做父母一定要有刘墉这样的心态", "书籍");
    assertThat(rows.get(1)).containsExactly("房间小，隔音差, 早餐一般", "酒店");
  }
}
