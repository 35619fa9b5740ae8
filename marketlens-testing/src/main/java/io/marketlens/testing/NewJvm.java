package io.marketlens.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Runs a main class of the test class path in a fresh JVM, as a model is used after training. */
public final class NewJvm {

  private NewJvm() {}

  /**
   * Runs {@code main} with {@code args} in a new JVM (offline DJL, one PyTorch thread, passive
   * OpenMP, its own temporary folder: lightgbm4j unpacks its natives there under fixed names) and
   * returns its standard output; fails the test, showing the child's standard error, when it does
   * not exit 0 within two minutes.
   */
  public static String run(Class<?> main, String... args) throws IOException, InterruptedException {
    Path tmp = Files.createTempDirectory("new-jvm-");
    Path err = tmp.resolve("stderr.txt");
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Dai.djl.offline=true");
    cmd.add("-Dai.djl.pytorch.num_threads=1");
    cmd.add("-Djava.io.tmpdir=" + tmp);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(main.getName());
    cmd.addAll(List.of(args));
    try {
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(err.toFile());
      pb.environment().put("OMP_WAIT_POLICY", "PASSIVE");
      pb.environment().put("MKL_CBWR", "AUTO");
      pb.environment().put("MKL_DYNAMIC", "FALSE");
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(Files.readString(err)).isZero();
      return out;
    } finally {
      try (Stream<Path> files = Files.walk(tmp)) {
        for (Path f : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
      }
    }
  }
}
