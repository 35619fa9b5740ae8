package io.marketlens.bench.forecast;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
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

  /** The peer could not run or did not answer; the message says why. */
  static final class UnavailableException extends Exception {
    UnavailableException(String message) {
      super(message);
    }

    UnavailableException(String message, Throwable cause) {
      super(message, cause);
    }
  }

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
      throws IOException, InterruptedException, UnavailableException {
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("OMP_WAIT_POLICY", "PASSIVE");
    long t0 = System.nanoTime();
    Process p = pb.start();
    Deque<String> lastErr = new ArrayDeque<>();
    Thread pump =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String l = r.readLine(); l != null; l = r.readLine()) {
                  err.println("[peer] " + l);
                  synchronized (lastErr) {
                    lastErr.addLast(l);
                    if (lastErr.size() > 5) lastErr.removeFirst();
                  }
                }
              } catch (IOException e) {
                err.println("[peer] stderr closed: " + e.getMessage());
              }
            },
            "peer-stderr");
    pump.setDaemon(true);
    pump.start();
    List<String> out = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String l = r.readLine(); l != null; l = r.readLine()) {
        if (!l.isBlank()) out.add(l);
      }
    }
    int rc = p.waitFor();
    double wall = (System.nanoTime() - t0) / 1e9;
    pump.join(5_000);
    if (rc != 0 || out.isEmpty()) {
      String tail;
      synchronized (lastErr) {
        tail = String.join(" | ", lastErr);
      }
      throw new UnavailableException("peer exited with code " + rc + ": " + tail);
    }
    try {
      return new Result(new ObjectMapper().readTree(out.get(out.size() - 1)), wall, cmd);
    } catch (IOException e) {
      throw new UnavailableException("peer's last line is not JSON: " + out.get(out.size() - 1), e);
    }
  }
}
