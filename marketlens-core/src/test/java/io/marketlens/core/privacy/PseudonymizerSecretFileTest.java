package io.marketlens.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.marketlens.core.validate.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PseudonymizerSecretFileTest {

  @TempDir Path dir;

  @Test
  void fromSecretFile_absent_createsDirectoryAnd64HexDigits() throws Exception {
    Path file = dir.resolve(".marketlens/secret");

    Pseudonymizer.fromSecretFile(file);

    assertThat(file).exists();
    assertThat(Files.readString(file).strip()).matches("[0-9a-f]{64}");
    try (var listing = Files.list(file.getParent())) {
      assertThat(listing).containsExactly(file); // no temporary file left behind
    }
  }

  @Test
  void fromSecretFile_absentOnPosix_isReadableByOwnerOnly() throws Exception {
    assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
    Path file = dir.resolve(".marketlens/secret");

    Pseudonymizer.fromSecretFile(file);

    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
  }

  @Test
  void fromSecretFile_existing_isReusedAndGivesTheSameTokens() throws Exception {
    Path file = dir.resolve("secret");
    String first = Pseudonymizer.fromSecretFile(file).token(PiiKind.EMAIL, "bob@example.com");
    String content = Files.readString(file);

    String second = Pseudonymizer.fromSecretFile(file).token(PiiKind.EMAIL, "bob@example.com");

    assertThat(second).isEqualTo(first);
    assertThat(Files.readString(file)).isEqualTo(content);
  }

  @Test
  void fromSecretFile_writtenByHand_isUsedAsHex() throws Exception {
    Path file = dir.resolve("secret");
    Files.writeString(file, "30313233343536373839616263646566\n");

    assertThat(Pseudonymizer.fromSecretFile(file).token(PiiKind.PHONE, "13812345678"))
        .isEqualTo(
            new Pseudonymizer("0123456789abcdef".getBytes()).token(PiiKind.PHONE, "13812345678"));
  }

  @Test
  void fromSecretFile_twoProjects_getDifferentSecrets() {
    String a =
        Pseudonymizer.fromSecretFile(dir.resolve("a/secret")).token(PiiKind.EMAIL, "x@y.com");
    String b =
        Pseudonymizer.fromSecretFile(dir.resolve("b/secret")).token(PiiKind.EMAIL, "x@y.com");
    assertThat(a).isNotEqualTo(b);
  }

  @Test
  void fromSecretFile_racingCreators_allGetTheSameSecret() throws Exception {
    Path file = dir.resolve("race/secret");
    int threads = 8;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<String>> tokens = new ArrayList<>();
      Callable<String> create =
          () -> {
            start.await();
            return Pseudonymizer.fromSecretFile(file).token(PiiKind.EMAIL, "x@y.com");
          };
      for (int i = 0; i < threads; i++) tokens.add(pool.submit(create));
      start.countDown();
      Set<String> distinct = new HashSet<>();
      for (Future<String> f : tokens) distinct.add(f.get());
      assertThat(distinct).hasSize(1);
      assertThat(distinct.iterator().next())
          .isEqualTo(Pseudonymizer.fromSecretFile(file).token(PiiKind.EMAIL, "x@y.com"));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void fromSecretFile_notHex_failsWithoutEchoingTheContent() throws Exception {
    Path file = dir.resolve("secret");
    Files.writeString(file, "my-password-is-hunter2-hunter2-hunter2");

    assertThatThrownBy(() -> Pseudonymizer.fromSecretFile(file))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("expected a secret of at least 32 hex digits")
        .hasMessageContaining("not all hex digits")
        .hasMessageContaining("delete the file")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void fromSecretFile_tooShort_fails() throws Exception {
    Path file = dir.resolve("secret");
    Files.writeString(file, "abcd");

    assertThatThrownBy(() -> Pseudonymizer.fromSecretFile(file))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("found \"4 characters\"");
  }
}
