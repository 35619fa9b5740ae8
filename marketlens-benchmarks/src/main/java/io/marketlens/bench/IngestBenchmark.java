package io.marketlens.bench;

import io.marketlens.bench.IngestReport.FileFigures;
import io.marketlens.bench.IngestReport.Measurement;
import io.marketlens.bench.IngestReport.ReferenceVersions;
import io.marketlens.bench.IngestReport.Timing;
import io.marketlens.core.io.ReadOptions;
import io.marketlens.core.io.ReadResult;
import io.marketlens.core.io.TableReader;
import io.marketlens.core.progress.Progress;
import io.marketlens.core.table.Column;
import io.marketlens.core.table.ColumnType;
import io.marketlens.core.table.Table;
import io.marketlens.core.validate.InvalidInputException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * {@code marketlens bench ingest}: how fast our reader turns a CSV file into a typed table, beside
 * {@code pandas.read_csv} on the same files in the same run.
 *
 * <p>Workload: each file is read fully into a typed table, which is what {@code pandas.read_csv}
 * does. Ours is {@code TableReader.read(name, file, ReadOptions.defaults(), Progress.NONE)}; the
 * reference is {@code pandas.read_csv(path)} with its default options (both sides infer column
 * types; pandas leaves date columns as text, ours parses them, which the output shows). Files:
 *
 * <ol>
 *   <li>the UCI Online Retail file, {@code DATA/online_retail/online_retail.csv.gz} (541,909 rows,
 *       8 columns, gzip, 7.4 MB; 45.5 MB as CSV);
 *   <li>a generated CSV of {@code --rows} rows (default 5,000,000; about 400 MB) of 8 mixed
 *       columns: integer id, decimal amount, date-time, 5-value category, Yes/No, two-word text (2
 *       % quoted with a comma), integer count, decimal with 12 % blanks. It is seeded, so every
 *       machine reads the same bytes.
 * </ol>
 *
 * <p>Method: the generated file is written (or reused from {@code --work}); our reader reads the
 * Online Retail file once, untimed, to compile the hot code; then for each file our reader runs
 * {@code --repeat} timed times, and right after it the Python script ({@code ingest_pandas.py}, run
 * with {@code --python}, {@code OMP_WAIT_POLICY=PASSIVE}) does one 10,000-row warm-up and {@code
 * --repeat} timed runs. A full garbage collection runs before each of our runs, and {@code
 * gc.collect()} before each of pandas', both outside the timing. Reported: best and median seconds,
 * rows/s, the CPU seconds per wall second, and our rows/s over pandas' (the ratio). When Python or
 * pandas is missing, our figures are still printed, with a line saying how to install pandas.
 *
 * <p>Run it as {@code marketlens bench ingest --data ../shared/datasets} (JVM {@code -Xmx4g}); see
 * {@link IngestOptions} for the other options. Stdout gets a table per file and, last, one JSON
 * line with every figure and the versions; progress goes to stderr.
 *
 * <p>Not thread-safe to run twice at once in one JVM: the timings would disturb each other.
 */
public final class IngestBenchmark {

  static final String RETAIL = "online_retail/online_retail.csv.gz";
  static final long RETAIL_ROWS = 541_909L;

  private IngestBenchmark() {}

  /**
   * Runs the benchmark and prints its tables and JSON line to {@code out}, progress to {@code err}.
   *
   * @return every figure printed
   * @throws InvalidInputException when the Online Retail file is not under {@code options.data()}
   * @throws UncheckedIOException when the work folder or the generated file cannot be written
   */
  public static IngestReport run(IngestOptions options, PrintStream out, PrintStream err) {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
    Path retail = options.data().resolve(RETAIL);
    if (!Files.isRegularFile(retail)) {
      throw InvalidInputException.in(retail)
          .expected("the Online Retail file")
          .found("no such file")
          .hint("--data is the shared datasets folder, which holds " + RETAIL)
          .build();
    }
    boolean temporary = options.work() == null;
    Path work;
    try {
      work =
          temporary
              ? Files.createTempDirectory("marketlens-bench-ingest-")
              : Files.createDirectories(options.work());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the work folder " + options.work(), e);
    }
    try {
      return measure(options, retail, work, out, err);
    } catch (IOException e) {
      throw new UncheckedIOException("ingest benchmark: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("ingest benchmark interrupted", e);
    } finally {
      if (temporary) deleteTree(work, err);
    }
  }

  private static IngestReport measure(
      IngestOptions options, Path retail, Path work, PrintStream out, PrintStream err)
      throws IOException, InterruptedException {
    int cores = Runtime.getRuntime().availableProcessors();
    err.printf(
        Locale.ROOT,
        "[ingest] Java %s, %d cores, max heap %,d MB, work folder %s%n",
        System.getProperty("java.version"),
        cores,
        Runtime.getRuntime().maxMemory() >> 20,
        work);
    SyntheticCsv.Written synthetic = SyntheticCsv.ensure(work, options.rows(), options.seed(), err);
    Path script = PandasReference.extractScript(work);

    err.println("[ingest] warm-up: marketlens reads " + retail.getFileName() + " once, untimed");
    LongSupplier cpu = cpuClock();
    long t0 = System.nanoTime();
    int warmRows =
        TableReader.read("online_retail", retail, ReadOptions.defaults(), Progress.NONE)
            .table()
            .rowCount();
    err.printf(
        Locale.ROOT,
        "[ingest] warm-up: %,d rows in %.3f s%n",
        warmRows,
        (System.nanoTime() - t0) / 1e9);

    record Target(String name, Path path, long expectedRows, boolean gzip) {}
    List<Target> targets =
        List.of(
            new Target("online_retail", retail, RETAIL_ROWS, true),
            new Target("synthetic", synthetic.file(), options.rows(), false));

    List<FileFigures> figures = new ArrayList<>();
    ReferenceVersions versions = null;
    String referenceError = null;
    for (Target t : targets) {
      Measurement ours = timeOurs(t.name(), t.path(), options.repeat(), cpu, err);
      if (ours.rows() != t.expectedRows()) {
        out.printf(
            Locale.ROOT,
            "warning: marketlens read %,d rows from %s, expected %,d%n",
            ours.rows(),
            t.path().getFileName(),
            t.expectedRows());
      }
      Measurement pandas = null;
      Measurement pandasDates = null;
      if (referenceError == null) {
        List<String> parseDates = options.pandasParseDates() ? ours.dateColumns() : List.of();
        try {
          PandasReference.Run r =
              PandasReference.run(
                  options.python(),
                  script,
                  List.of(new PandasReference.FileSpec(t.path(), parseDates)),
                  options.repeat(),
                  err);
          versions = r.versions();
          if (r.files().size() != 1) {
            throw new PandasReference.UnavailableException(
                "the pandas script reported " + r.files().size() + " files, expected 1");
          }
          pandas = r.files().get(0).defaults();
          pandasDates = r.files().get(0).parseDates();
          if (pandas.rows() != ours.rows()) {
            out.printf(
                Locale.ROOT,
                "warning: pandas read %,d rows from %s, marketlens %,d%n",
                pandas.rows(),
                t.path().getFileName(),
                ours.rows());
          }
        } catch (PandasReference.UnavailableException e) {
          referenceError = "pandas reference could not run: " + e.getMessage();
          versions = null;
          out.println(referenceError);
          err.println("[ingest] " + referenceError);
        }
      }
      FileFigures f =
          new FileFigures(
              t.name(), t.path(), Files.size(t.path()), t.gzip(), ours, pandas, pandasDates);
      figures.add(f);
      printTable(out, f, versions);
    }
    IngestReport report =
        new IngestReport(
            figures,
            cores,
            System.getProperty("java.version"),
            System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"),
            Runtime.getRuntime().maxMemory(),
            referenceError == null ? versions : null,
            referenceError,
            options.repeat(),
            options.seed());
    printSummary(out, report);
    out.println(report.toJson());
    out.flush();
    return report;
  }

  private static Measurement timeOurs(
      String name, Path file, int repeat, LongSupplier cpu, PrintStream err) {
    List<Double> runs = new ArrayList<>();
    List<Double> cpus = new ArrayList<>();
    Map<String, String> types = Map.of();
    List<String> dates = List.of();
    long rows = 0;
    for (int i = 0; i < repeat; i++) {
      System.gc();
      long c0 = cpu.getAsLong();
      long t0 = System.nanoTime();
      ReadResult result = TableReader.read(name, file, ReadOptions.defaults(), Progress.NONE);
      long t1 = System.nanoTime();
      long c1 = cpu.getAsLong();
      double seconds = (t1 - t0) / 1e9;
      runs.add(seconds);
      if (c0 >= 0 && c1 >= 0) cpus.add((c1 - c0) / 1e9);
      Table table = result.table();
      rows = table.rowCount();
      types = new LinkedHashMap<>();
      List<String> dateColumns = new ArrayList<>();
      for (Column c : table.columns()) {
        types.put(c.name(), c.type().id());
        if (c.type() == ColumnType.DATE || c.type() == ColumnType.DATETIME) {
          dateColumns.add(c.name());
        }
      }
      dates = dateColumns;
      err.printf(
          Locale.ROOT,
          "[ingest] marketlens %s run %d/%d: %.3f s (%,.0f rows/s)%n",
          file.getFileName(),
          i + 1,
          repeat,
          seconds,
          rows / seconds);
    }
    return new Measurement(
        new Timing(runs, cpus.size() == runs.size() ? cpus : List.of()), rows, types, dates);
  }

  /** The process's CPU time in nanoseconds, or a supplier of -1 where the JVM does not say. */
  private static LongSupplier cpuClock() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os::getProcessCpuTime;
    }
    return () -> -1L;
  }

  static void printTable(PrintStream out, FileFigures f, ReferenceVersions versions) {
    Measurement ours = f.ours();
    out.println();
    out.printf(
        Locale.ROOT,
        "%s: %,d rows x %d columns, %,d bytes%s%n",
        f.path().getFileName(),
        ours.rows(),
        ours.columnTypes().size(),
        f.bytes(),
        f.gzip() ? " (gzip)" : "");
    String row = "  %-32s %8s %9s %13s %15s %8s  %s%n";
    out.printf(
        Locale.ROOT,
        row,
        "reader",
        "best s",
        "median s",
        "rows/s best",
        "rows/s median",
        "cpu/wall",
        "dates parsed");
    printMeasurement(out, row, "marketlens TableReader", ours, ours);
    if (f.pandas() != null) {
      String pandas = "pandas " + (versions == null ? "" : versions.pandas() + " ") + "read_csv";
      printMeasurement(out, row, pandas, f.pandas(), ours);
      if (f.pandasParseDates() != null) {
        printMeasurement(out, row, "pandas read_csv, parse_dates", f.pandasParseDates(), ours);
      }
      out.printf(
          Locale.ROOT,
          row,
          "ratio ours/pandas (rows/s)",
          "",
          "",
          String.format(Locale.ROOT, "%.2fx", f.ratioBest()),
          String.format(Locale.ROOT, "%.2fx", f.ratioMedian()),
          "",
          "");
    } else {
      out.printf(Locale.ROOT, row, "pandas read_csv", "-", "-", "-", "-", "-", "not run");
    }
  }

  private static void printMeasurement(
      PrintStream out, String row, String label, Measurement m, Measurement ours) {
    double cpuPerWall = m.timing().cpuPerWall();
    out.printf(
        Locale.ROOT,
        row,
        label,
        String.format(Locale.ROOT, "%.3f", m.timing().bestSeconds()),
        String.format(Locale.ROOT, "%.3f", m.timing().medianSeconds()),
        String.format(Locale.ROOT, "%,.0f", m.rowsPerSecondBest()),
        String.format(Locale.ROOT, "%,.0f", m.rowsPerSecondMedian()),
        Double.isNaN(cpuPerWall) ? "-" : String.format(Locale.ROOT, "%.2f", cpuPerWall),
        datesParsed(m, ours));
  }

  /** "yes: a, b", or "no (a, b left as text)" naming the columns our reader parsed. */
  static String datesParsed(Measurement m, Measurement ours) {
    if (!m.dateColumns().isEmpty()) return "yes: " + String.join(", ", m.dateColumns());
    if (ours.dateColumns().isEmpty()) return "no";
    List<String> asText = new ArrayList<>();
    for (String c : ours.dateColumns()) {
      asText.add(c + " " + m.columnTypes().getOrDefault(c, "?"));
    }
    return "no (" + String.join(", ", asText) + ")";
  }

  private static void printSummary(PrintStream out, IngestReport report) {
    out.println();
    if (report.reference() == null) {
      out.println(
          "ingest: marketlens figures only; "
              + (report.referenceError() == null ? "pandas not run" : report.referenceError()));
    } else {
      StringBuilder s = new StringBuilder("ingest: marketlens rows/s over pandas' (median):");
      for (FileFigures f : report.files()) {
        s.append(String.format(Locale.ROOT, " %s %.2fx;", f.name(), f.ratioMedian()));
      }
      s.append(report.oursAtLeastPandas() ? " at least pandas on every file" : " BELOW pandas");
      s.append(
          String.format(
              Locale.ROOT,
              " (%d cores, Java %s, pandas %s)",
              report.cores(),
              report.javaVersion(),
              report.reference().pandas()));
      out.println(s);
    }
  }

  private static void deleteTree(Path dir, PrintStream err) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    } catch (IOException e) {
      err.println("[ingest] could not delete the work folder " + dir + ": " + e.getMessage());
    }
  }
}
