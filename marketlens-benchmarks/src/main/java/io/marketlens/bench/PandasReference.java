package io.marketlens.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.marketlens.bench.IngestReport.Measurement;
import io.marketlens.bench.IngestReport.ReferenceVersions;
import io.marketlens.bench.IngestReport.Timing;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the reference side of the ingest benchmark: {@code ingest_pandas.py} (a resource of this
 * package) in a Python subprocess, which times {@code pandas.read_csv} and prints one JSON line.
 */
final class PandasReference {

  static final String SCRIPT = "ingest_pandas.py";

  static final String INSTALL_HINT =
      "install it with `apt-get install -y python3-pandas` (Debian 12) and pass --python"
          + " /usr/bin/python3";

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final long TIMEOUT_MINUTES = 60;

  private PandasReference() {}

  /** Why the reference could not run; the message says what happened and how to fix it. */
  static final class UnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    UnavailableException(String message) {
      super(message);
    }
  }

  /** A file to time, with the columns to pass as {@code parse_dates} (empty: none). */
  record FileSpec(Path path, List<String> parseDates) {
    FileSpec {
      parseDates = List.copyOf(parseDates);
    }
  }

  /**
   * The reference's figures for one file.
   *
   * @param parseDates null when not measured
   */
  record FileRun(String path, Measurement defaults, Measurement parseDates) {}

  /** Everything one run of the script printed. */
  record Run(ReferenceVersions versions, List<FileRun> files) {
    Run {
      files = List.copyOf(files);
    }
  }

  /** Copies the script out of the jar into {@code dir}. */
  static Path extractScript(Path dir) throws IOException {
    Path target = dir.resolve(SCRIPT);
    try (InputStream in = PandasReference.class.getResourceAsStream(SCRIPT)) {
      if (in == null) throw new IOException("resource " + SCRIPT + " is missing from the jar");
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
    return target;
  }

  /** The script's single argument: {@code {"repeat": K, "files": [{"path", "parse_dates"}]}}. */
  static String spec(List<FileSpec> files, int repeat) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("repeat", repeat);
    ArrayNode array = root.putArray("files");
    for (FileSpec f : files) {
      ObjectNode o = array.addObject();
      o.put("path", f.path().toAbsolutePath().toString());
      ArrayNode dates = o.putArray("parse_dates");
      f.parseDates().forEach(dates::add);
    }
    try {
      return MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Runs {@code script} with {@code python}, forwarding its stderr (progress) to {@code err} as it
   * comes, with {@code OMP_WAIT_POLICY=PASSIVE} unless our environment sets it.
   *
   * @throws UnavailableException when Python cannot start, pandas cannot be imported, or the script
   *     fails
   */
  static Run run(Path python, Path script, List<FileSpec> files, int repeat, PrintStream err)
      throws UnavailableException, InterruptedException {
    ProcessBuilder pb =
        new ProcessBuilder(python.toString(), script.toString(), spec(files, repeat))
            .directory(script.getParent().toFile());
    pb.environment().putIfAbsent("OMP_WAIT_POLICY", "PASSIVE");
    Process process;
    try {
      process = pb.start();
    } catch (IOException e) {
      throw new UnavailableException(
          "cannot start " + python + " (" + e.getMessage() + "); " + INSTALL_HINT);
    }
    Thread pump = new Thread(() -> copyLines(process.getErrorStream(), err), "pandas-stderr");
    pump.setDaemon(true);
    pump.start();
    String stdout;
    try {
      stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new UnavailableException(
            python + " " + SCRIPT + " did not finish in " + TIMEOUT_MINUTES + " minutes");
      }
      pump.join(TimeUnit.SECONDS.toMillis(5));
    } catch (IOException e) {
      process.destroyForcibly();
      throw new UnavailableException("cannot read the output of " + python + ": " + e);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      throw e;
    }
    int status = process.exitValue();
    try {
      return parse(stdout);
    } catch (UnavailableException e) {
      if (status == 0) throw e;
      throw new UnavailableException(
          e.getMessage()
              + " (exit status "
              + status
              + " of "
              + python
              + " "
              + SCRIPT
              + "; its stderr is above)");
    }
  }

  /**
   * Reads the script's last line of output.
   *
   * @throws UnavailableException when there is no JSON line, or it reports an error
   */
  static Run parse(String stdout) throws UnavailableException {
    String line = lastLine(stdout);
    if (line == null || !line.startsWith("{")) {
      throw new UnavailableException("the pandas script printed no JSON line");
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(line);
    } catch (JsonProcessingException e) {
      throw new UnavailableException("the pandas script printed invalid JSON: " + e.getMessage());
    }
    if (root.hasNonNull("error")) {
      throw new UnavailableException(
          root.get("error").asText()
              + " (python "
              + root.path("python").asText("?")
              + " at "
              + root.path("executable").asText("?")
              + "); "
              + INSTALL_HINT);
    }
    ReferenceVersions versions =
        new ReferenceVersions(
            text(root, "pandas"),
            text(root, "numpy"),
            text(root, "python"),
            text(root, "executable"),
            text(root, "omp_wait_policy"));
    List<FileRun> files = new ArrayList<>();
    for (JsonNode f : root.path("files")) {
      long rows = f.path("rows").asLong();
      files.add(
          new FileRun(
              f.path("path").asText(),
              measurement(f.get("default"), rows),
              measurement(f.get("parse_dates"), rows)));
    }
    return new Run(versions, files);
  }

  private static Measurement measurement(JsonNode node, long rows) throws UnavailableException {
    if (node == null || node.isNull()) return null;
    List<Double> runs = new ArrayList<>();
    for (JsonNode s : node.path("runs_s")) runs.add(s.asDouble());
    if (runs.isEmpty()) throw new UnavailableException("the pandas script reported no runs");
    List<Double> cpu = new ArrayList<>();
    for (JsonNode s : node.path("cpu_s")) cpu.add(s.asDouble());
    Map<String, String> types = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.path("dtypes").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      types.put(e.getKey(), e.getValue().asText());
    }
    List<String> dates = new ArrayList<>();
    for (JsonNode d : node.path("datetime_columns")) dates.add(d.asText());
    return new Measurement(new Timing(runs, cpu), rows, types, dates);
  }

  private static String text(JsonNode root, String key) {
    JsonNode n = root.get(key);
    return n == null || n.isNull() ? null : n.asText();
  }

  private static String lastLine(String s) {
    String[] lines = s.split("\\R");
    for (int i = lines.length - 1; i >= 0; i--) {
      String t = lines[i].strip();
      if (!t.isEmpty()) return t;
    }
    return null;
  }

  private static void copyLines(InputStream in, PrintStream err) {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) err.println(line);
    } catch (IOException e) {
      err.println("[ingest] lost the pandas script's stderr: " + e.getMessage());
    }
  }
}
