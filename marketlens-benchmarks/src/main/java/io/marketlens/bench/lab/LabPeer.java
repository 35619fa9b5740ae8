package io.marketlens.bench.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marketlens.bench.PythonRun;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs a PyTorch peer script with the run's data, seed and threads and reads its JSON line. */
final class LabPeer {

  /** The Debian packages the peers need, named when Python is missing. */
  static final String PACKAGES = "python3-torch python3-sklearn python3-pandas";

  private LabPeer() {}

  /**
   * Runs {@code script} from the peers folder with {@code --data --seed --threads} from {@code o}
   * followed by {@code args}, and returns the JSON object of its last standard-output line.
   *
   * @throws PythonRun.UnavailableException when the script is missing, fails, or prints no JSON
   */
  static JsonNode run(LabBenchOptions o, String script, List<String> args, PrintStream err)
      throws PythonRun.UnavailableException, InterruptedException {
    Path path = o.peerScript(script);
    if (!Files.isRegularFile(path)) {
      throw new PythonRun.UnavailableException("peer script not found: " + path);
    }
    List<String> all = new ArrayList<>();
    all.add(path.toString());
    all.addAll(
        List.of(
            "--data",
            o.data().toString(),
            "--seed",
            Long.toString(o.seed()),
            "--threads",
            Integer.toString(o.threads())));
    all.addAll(args);
    List<String> lines = PythonRun.run(o.python(), all, err, PACKAGES);
    if (lines.isEmpty()) throw new PythonRun.UnavailableException("the peer printed nothing");
    String last = lines.get(lines.size() - 1);
    try {
      return new ObjectMapper().readTree(last);
    } catch (IOException e) {
      throw new PythonRun.UnavailableException("the peer's last line is not JSON: " + last, e);
    }
  }
}
