package io.marketlens.bench.forecast;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marketlens.bench.PythonRun;
import io.marketlens.bench.PythonRun.UnavailableException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The statsmodels peer, {@code shared/peers/forecast_m3.py}, run as a subprocess: {@code PYTHON
 * forecast_m3.py --data DATASETS --subset S --threads T} with {@code OMP_WAIT_POLICY=PASSIVE}. Its
 * standard error is passed on line by line (prefixed {@code [peer]}); the last line of its standard
 * output is the JSON object with its figures.
 *
 * <p>Not thread-safe to run twice at once: both would compete for the same cores.
 */
final class StatsmodelsPeer {

  /** The peer's JSON line and the wall time of the whole subprocess as we measured it. */
  record Result(JsonNode json, double wallSeconds, List<String> command) {}

  private StatsmodelsPeer() {}

  /**
   * Runs the peer on {@code subset} of the M3 data in {@code m3Folder}.
   *
   * @throws UnavailableException when Python or the script is missing, or the run fails
   */
  static Result run(
      Path python, Path script, Path m3Folder, String subset, int threads, PrintStream err)
      throws UnavailableException, InterruptedException {
    if (!Files.isRegularFile(script)) {
      throw new UnavailableException("peer script not found: " + script);
    }
    if (!Files.isExecutable(python)) {
      throw new UnavailableException(
          python + " not found (install: apt-get install -y python3-statsmodels python3-pandas)");
    }
    Path link = null;
    try {
      Path datasets;
      if (m3Folder.getFileName() != null && m3Folder.getFileName().toString().equals("m3")) {
        datasets = m3Folder.toAbsolutePath().getParent();
      } else {
        // The peer wants the folder that holds m3/: make one that links to ours.
        link = Files.createTempDirectory("marketlens-bench-m3-");
        Files.createSymbolicLink(link.resolve("m3"), m3Folder.toAbsolutePath());
        datasets = link;
      }
      List<String> cmd =
          List.of(
              python.toString(),
              script.toString(),
              "--data",
              datasets.toString(),
              "--subset",
              subset,
              "--threads",
              Integer.toString(threads));
      return exec(cmd, err);
    } catch (IOException e) {
      throw new UnavailableException("peer could not start: " + e.getMessage(), e);
    } finally {
      if (link != null) {
        try {
          Files.deleteIfExists(link.resolve("m3"));
          Files.deleteIfExists(link);
        } catch (IOException e) {
          err.println("[forecast] could not delete " + link + ": " + e.getMessage());
        }
      }
    }
  }

  private static Result exec(List<String> cmd, PrintStream err)
      throws InterruptedException, UnavailableException {
    long t0 = System.nanoTime();
    List<String> out =
        PythonRun.run(
            Path.of(cmd.get(0)),
            cmd.subList(1, cmd.size()),
            err,
            "python3-statsmodels python3-pandas");
    double wall = (System.nanoTime() - t0) / 1e9;
    if (out.isEmpty()) throw new UnavailableException("the peer printed nothing");
    try {
      return new Result(new ObjectMapper().readTree(out.get(out.size() - 1)), wall, cmd);
    } catch (IOException e) {
      throw new UnavailableException("peer's last line is not JSON: " + out.get(out.size() - 1), e);
    }
  }
}
