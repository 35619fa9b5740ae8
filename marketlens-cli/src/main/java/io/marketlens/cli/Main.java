package io.marketlens.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Entry point of the {@code marketlens} command: runs it and exits with its exit code. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    privateTempDir();
    System.exit(MarketlensCommand.newCommandLine().execute(args));
  }

  /**
   * Points {@code java.io.tmpdir} at a folder of this process, removed at exit. lightgbm4j unpacks
   * its natives to fixed file names in the temporary folder, and a second run overwriting them
   * under a running one crashes it.
   */
  private static void privateTempDir() {
    try {
      Path dir =
          Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "marketlens-");
      System.setProperty("java.io.tmpdir", dir.toString());
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      io.marketlens.core.output.AtomicOutput.deleteTree(dir);
                    } catch (IOException e) {
                      // Best effort: the folder is in the system's temporary folder.
                    }
                  },
                  "marketlens-tmp-cleanup"));
    } catch (IOException | RuntimeException e) {
      // Keep the shared temporary folder; only concurrent runs are at risk.
    }
  }
}
