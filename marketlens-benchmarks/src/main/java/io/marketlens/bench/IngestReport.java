package io.marketlens.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of one {@code marketlens bench ingest} run: for each file, our reader's timings
 * beside {@code pandas.read_csv}'s, measured in the same run on the same machine.
 *
 * @param files one entry per file, Online Retail first, then the generated CSV
 * @param cores {@link Runtime#availableProcessors()} of this machine
 * @param javaVersion {@code java.version}
 * @param javaVm {@code java.vm.name} and {@code java.vm.version}
 * @param maxHeapBytes {@link Runtime#maxMemory()}
 * @param reference the Python side's versions, or null when it could not run
 * @param referenceError why the Python side could not run (with how to fix it), or null
 * @param repeat timed runs per file and side
 * @param seed the generated CSV's seed
 */
public record IngestReport(
    List<FileFigures> files,
    int cores,
    String javaVersion,
    String javaVm,
    long maxHeapBytes,
    ReferenceVersions reference,
    String referenceError,
    int repeat,
    long seed) {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  public IngestReport {
    files = List.copyOf(files);
  }

  /**
   * The Python side's versions.
   *
   * @param pandas {@code pandas.__version__}
   * @param numpy {@code numpy.__version__}
   * @param python {@code platform.python_version()}
   * @param executable {@code sys.executable}
   * @param ompWaitPolicy the {@code OMP_WAIT_POLICY} the script ran with
   */
  public record ReferenceVersions(
      String pandas, String numpy, String python, String executable, String ompWaitPolicy) {}

  /**
   * Timed runs of one reader on one file, in the order they ran.
   *
   * @param runsSeconds wall-clock seconds of each run, at least one
   * @param cpuSeconds CPU seconds of the whole process (all threads, GC included) during each run,
   *     or empty when the platform does not report them
   */
  public record Timing(List<Double> runsSeconds, List<Double> cpuSeconds) {

    public Timing {
      runsSeconds = List.copyOf(runsSeconds);
      cpuSeconds = List.copyOf(cpuSeconds);
      if (runsSeconds.isEmpty()) throw new IllegalArgumentException("no runs");
      if (!cpuSeconds.isEmpty() && cpuSeconds.size() != runsSeconds.size()) {
        throw new IllegalArgumentException(
            cpuSeconds.size() + " CPU times for " + runsSeconds.size() + " runs");
      }
    }

    public double bestSeconds() {
      double best = Double.POSITIVE_INFINITY;
      for (double s : runsSeconds) best = Math.min(best, s);
      return best;
    }

    /** The middle run, or the mean of the two middle runs for an even count. */
    public double medianSeconds() {
      double[] s = runsSeconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      int n = s.length;
      return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    /**
     * CPU seconds per wall-clock second over all runs: about 1 for one busy thread, more when
     * several threads (or the garbage collector) work at once; NaN when not measured.
     */
    public double cpuPerWall() {
      if (cpuSeconds.isEmpty()) return Double.NaN;
      double cpu = 0;
      double wall = 0;
      for (int i = 0; i < runsSeconds.size(); i++) {
        cpu += cpuSeconds.get(i);
        wall += runsSeconds.get(i);
      }
      return cpu / wall;
    }
  }

  /**
   * One reader's measurement of one file.
   *
   * @param timing the timed runs
   * @param rows the rows it read (the header not counted)
   * @param columnTypes each column's type as that reader names it (our {@code ColumnType} id, or
   *     the pandas dtype)
   * @param dateColumns the columns it parsed into dates or date-times
   */
  public record Measurement(
      Timing timing, long rows, Map<String, String> columnTypes, List<String> dateColumns) {

    public Measurement {
      columnTypes = Collections.unmodifiableMap(new LinkedHashMap<>(columnTypes));
      dateColumns = List.copyOf(dateColumns);
    }

    public double rowsPerSecondBest() {
      return rows / timing.bestSeconds();
    }

    public double rowsPerSecondMedian() {
      return rows / timing.medianSeconds();
    }
  }

  /**
   * The figures for one file.
   *
   * @param name a short name ("online_retail", "synthetic")
   * @param path the file read
   * @param bytes its size on disk
   * @param gzip whether it is gzip-compressed
   * @param ours our reader ({@code TableReader.read} with {@code ReadOptions.defaults()})
   * @param pandas {@code pandas.read_csv(path)}, or null when the reference could not run
   * @param pandasParseDates {@code pandas.read_csv(path, parse_dates=[our date columns])}, or null
   *     when not measured
   */
  public record FileFigures(
      String name,
      Path path,
      long bytes,
      boolean gzip,
      Measurement ours,
      Measurement pandas,
      Measurement pandasParseDates) {

    /** Our rows/s over pandas' rows/s, best run against best run; NaN without pandas. */
    public double ratioBest() {
      return pandas == null ? Double.NaN : ours.rowsPerSecondBest() / pandas.rowsPerSecondBest();
    }

    /** Our rows/s over pandas' rows/s, median against median; NaN without pandas. */
    public double ratioMedian() {
      return pandas == null
          ? Double.NaN
          : ours.rowsPerSecondMedian() / pandas.rowsPerSecondMedian();
    }
  }

  /** Whether our rows/s (median) are at least pandas' on every file; false without pandas. */
  public boolean oursAtLeastPandas() {
    if (reference == null) return false;
    for (FileFigures f : files) if (!(f.ratioMedian() >= 1.0)) return false;
    return true;
  }

  /** All figures as one line of JSON (no line break), the last line the benchmark prints. */
  public String toJson() {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("benchmark", "ingest");
    root.put("java_version", javaVersion);
    root.put("java_vm", javaVm);
    root.put("max_heap_bytes", maxHeapBytes);
    root.put("cores", cores);
    root.put("repeat", repeat);
    root.put("seed", seed);
    root.put("java_omp_wait_policy", System.getenv("OMP_WAIT_POLICY"));
    if (reference != null) {
      root.put("pandas_version", reference.pandas());
      root.put("numpy_version", reference.numpy());
      root.put("python_version", reference.python());
      root.put("python", reference.executable());
      root.put("python_omp_wait_policy", reference.ompWaitPolicy());
    } else {
      root.putNull("pandas_version");
    }
    root.put("reference_error", referenceError);
    root.put("ours_at_least_pandas", oursAtLeastPandas());
    ArrayNode array = root.putArray("files");
    for (FileFigures f : files) {
      ObjectNode o = array.addObject();
      o.put("name", f.name());
      o.put("path", f.path().toString());
      o.put("bytes", f.bytes());
      o.put("gzip", f.gzip());
      o.put("rows", f.ours().rows());
      o.set("marketlens", measurement(f.ours()));
      o.set("pandas", f.pandas() == null ? null : measurement(f.pandas()));
      o.set(
          "pandas_parse_dates",
          f.pandasParseDates() == null ? null : measurement(f.pandasParseDates()));
      putNumber(o, "ratio_best", f.ratioBest());
      putNumber(o, "ratio_median", f.ratioMedian());
    }
    try {
      return MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("figures are not serialisable", e);
    }
  }

  private static ObjectNode measurement(Measurement m) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("rows", m.rows());
    ArrayNode runs = o.putArray("runs_s");
    for (double s : m.timing().runsSeconds()) runs.add(round(s, 4));
    o.put("best_s", round(m.timing().bestSeconds(), 4));
    o.put("median_s", round(m.timing().medianSeconds(), 4));
    ArrayNode cpu = o.putArray("cpu_s");
    for (double s : m.timing().cpuSeconds()) cpu.add(round(s, 4));
    putNumber(o, "cpu_per_wall", m.timing().cpuPerWall());
    o.put("rows_per_s_best", Math.round(m.rowsPerSecondBest()));
    o.put("rows_per_s_median", Math.round(m.rowsPerSecondMedian()));
    ObjectNode types = o.putObject("column_types");
    m.columnTypes().forEach(types::put);
    ArrayNode dates = o.putArray("date_columns");
    m.dateColumns().forEach(dates::add);
    return o;
  }

  private static void putNumber(ObjectNode o, String key, double value) {
    if (Double.isNaN(value)) o.putNull(key);
    else o.put(key, round(value, 4));
  }

  private static double round(double v, int places) {
    double f = Math.pow(10, places);
    return Math.round(v * f) / f;
  }
}
