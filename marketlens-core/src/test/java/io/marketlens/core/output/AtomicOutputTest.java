package io.marketlens.core.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicOutputTest {

  @TempDir Path tmp;

  @Test
  void stagedDirectory_commit_replacesTargetWhole() throws Exception {
    Path out = Files.createDirectories(tmp.resolve("out"));
    Files.writeString(out.resolve("old.txt"), "old");

    try (AtomicOutput.Staged s = AtomicOutput.stageDirectory(out)) {
      Files.writeString(s.dir().resolve("new.txt"), "new");
      assertThat(out.resolve("new.txt")).doesNotExist();
      s.commit();
    }

    assertThat(out.resolve("new.txt")).hasContent("new");
    assertThat(out.resolve("old.txt")).doesNotExist();
    try (Stream<Path> left = Files.list(tmp)) {
      assertThat(left).containsExactly(out);
    }
  }

  @Test
  void stagedDirectory_closedWithoutCommit_leavesTargetAsItWas() throws Exception {
    Path out = Files.createDirectories(tmp.resolve("out"));
    Files.writeString(out.resolve("old.txt"), "old");

    try (AtomicOutput.Staged s = AtomicOutput.stageDirectory(out)) {
      Files.writeString(s.dir().resolve("half.txt"), "half");
    }

    assertThat(out.resolve("old.txt")).hasContent("old");
    try (Stream<Path> left = Files.list(tmp)) {
      assertThat(left).containsExactly(out);
    }
  }

  @Test
  void write_replacesFileAndLeavesNoTemporaryFile() throws Exception {
    Path f = tmp.resolve("a/b/results.json");
    AtomicOutput.writeString(f, "one");
    AtomicOutput.writeString(f, "two");

    assertThat(f).hasContent("two");
    try (Stream<Path> left = Files.list(f.getParent())) {
      assertThat(left).containsExactly(f);
    }
  }
}
