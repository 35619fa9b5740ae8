package io.marketlens.bench;

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
 * Runs a peer's Python command with {@code OMP_WAIT_POLICY=PASSIVE} (as the peers themselves do),
 * passing its standard error on line by line (prefixed {@code [peer]}) and returning its non-blank
 * standard output lines. Shared by the benchmarks that run a peer script in the same invocation.
 * Not to be run twice at once: both would compete for the same cores.
 */
public final class PythonRun {

  /** The command could not run or failed; the message says why. */
  public static final class UnavailableException extends Exception {
    public UnavailableException(String message) {
      super(message);
    }

    public UnavailableException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private PythonRun() {}

  /**
   * Runs {@code python args...} and returns its standard output lines.
   *
   * @param packages the Debian packages the script needs, named in the message when Python is
   *     missing
   * @throws UnavailableException when Python is missing, cannot start, or exits with an error
   */
  public static List<String> run(Path python, List<String> args, PrintStream err, String packages)
      throws UnavailableException, InterruptedException {
    if (!Files.isExecutable(python)) {
      throw new UnavailableException(
          python + " not found (install: apt-get install -y " + packages + ")");
    }
    List<String> cmd = new ArrayList<>();
    cmd.add(python.toString());
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("OMP_WAIT_POLICY", "PASSIVE");
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new UnavailableException("cannot start " + python + ": " + e.getMessage(), e);
    }
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
    } catch (IOException e) {
      p.destroy();
      throw new UnavailableException("cannot read the output of " + python + ": " + e, e);
    }
    int rc = p.waitFor();
    pump.join(5_000);
    if (rc != 0) {
      String tail;
      synchronized (lastErr) {
        tail = String.join(" | ", lastErr);
      }
      throw new UnavailableException(
          String.join(" ", cmd) + " exited with code " + rc + ": " + tail);
    }
    return out;
  }
}
