package io.marketlens.ml.embed;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketlens.core.progress.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbedderCacheTest {

  private static final List<String> TEXTS =
      List.of("Fast delivery in 24 hours", "Lifetime warranty", "次日达，全国包邮", "终身保修");

  @TempDir Path dir;

  @Test
  void embedAll_rerunWithCacheDirectory_doesNotCallTheModels() {
    List<float[]> first;
    try (Embedder e = Embedder.open(EmbedderOptions.defaults().withCacheDirectory(dir))) {
      first = e.embedAll(TEXTS, Progress.NONE);
      assertThat(e.modelCalls()).isEqualTo(4);
      e.embedAll(TEXTS, Progress.NONE);
      assertThat(e.modelCalls()).as("in-memory hit").isEqualTo(4);
    }
    assertThat(dir.resolve("embeddings-bge-small-en-v1.5-q.bin")).isRegularFile();
    assertThat(dir.resolve("embeddings-bge-small-zh-v1.5-q.bin")).isRegularFile();

    try (Embedder rerun = Embedder.open(EmbedderOptions.defaults().withCacheDirectory(dir))) {
      List<float[]> second = rerun.embedAll(TEXTS, Progress.NONE);

      assertThat(rerun.modelCalls()).as("on-disk hit").isZero();
      for (int i = 0; i < TEXTS.size(); i++)
        assertThat(second.get(i)).containsExactly(first.get(i));
    }
  }

  @Test
  void embed_corruptCacheFile_ignoredAndRewritten() throws IOException {
    Path file = dir.resolve("embeddings-bge-small-en-v1.5-q.bin");
    Files.write(file, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});

    try (Embedder e = Embedder.open(EmbedderOptions.defaults().withCacheDirectory(dir))) {
      assertThat(e.embed("Lifetime warranty")).hasSize(384);
      assertThat(e.modelCalls()).isEqualTo(1);
    }
    try (Embedder rerun = Embedder.open(EmbedderOptions.defaults().withCacheDirectory(dir))) {
      rerun.embed("Lifetime warranty");
      assertThat(rerun.modelCalls()).isZero();
    }
  }
}
