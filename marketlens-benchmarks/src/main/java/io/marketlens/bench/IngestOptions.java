package io.marketlens.bench;

import io.marketlens.core.validate.InvalidInputException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@link IngestBenchmark#run} measures and with what.
 *
 * @param data the shared datasets folder; the benchmark reads {@code
 *     online_retail/online_retail.csv.gz} in it
 * @param rows the number of rows of the generated CSV (default {@value #DEFAULT_ROWS})
 * @param python the Python interpreter that runs {@code pandas.read_csv}; null means {@value
 *     #DEFAULT_PYTHON} (Debian's, with {@code python3-pandas})
 * @param repeat timed runs per file and side, at least 1 (default {@value #DEFAULT_REPEAT}); the
 *     best and the median are reported
 * @param work where the generated CSV and the Python script go; null means a new folder under the
 *     system temp folder, deleted at the end. A given folder is kept, and a CSV already in it is
 *     reused when its size and SHA-256 match.
 * @param seed the seed of the generated CSV (default {@value #DEFAULT_SEED})
 * @param pandasParseDates also time {@code pandas.read_csv(path, parse_dates=...)} on the columns
 *     our reader typed as dates, as a second reference figure (default true); the ratio is always
 *     against the default {@code read_csv}
 */
public record IngestOptions(
    Path data, long rows, Path python, int repeat, Path work, long seed, boolean pandasParseDates) {

  public static final long DEFAULT_ROWS = 5_000_000L;
  public static final String DEFAULT_PYTHON = "/usr/bin/python3";
  public static final int DEFAULT_REPEAT = 3;
  public static final long DEFAULT_SEED = 42L;

  /** The largest generated file accepted: a table holds at most {@code Integer.MAX_VALUE} rows. */
  public static final long MAX_ROWS = Integer.MAX_VALUE - 1L;

  public IngestOptions {
    Objects.requireNonNull(data, "data");
    if (rows < 1 || rows > MAX_ROWS) {
      throw InvalidInputException.usage("--rows between 1 and " + MAX_ROWS, Long.toString(rows));
    }
    if (repeat < 1)
      throw InvalidInputException.usage("--repeat of at least 1", Integer.toString(repeat));
    if (python == null) python = Path.of(DEFAULT_PYTHON);
  }

  /** The defaults for {@code data}: 5,000,000 rows, /usr/bin/python3, 3 runs, a temp folder. */
  public static IngestOptions defaults(Path data) {
    return new IngestOptions(data, DEFAULT_ROWS, null, DEFAULT_REPEAT, null, DEFAULT_SEED, true);
  }

  public IngestOptions withRows(long newRows) {
    return new IngestOptions(data, newRows, python, repeat, work, seed, pandasParseDates);
  }

  public IngestOptions withPython(Path newPython) {
    return new IngestOptions(data, rows, newPython, repeat, work, seed, pandasParseDates);
  }

  public IngestOptions withRepeat(int newRepeat) {
    return new IngestOptions(data, rows, python, newRepeat, work, seed, pandasParseDates);
  }

  public IngestOptions withWork(Path newWork) {
    return new IngestOptions(data, rows, python, repeat, newWork, seed, pandasParseDates);
  }

  public IngestOptions withPandasParseDates(boolean on) {
    return new IngestOptions(data, rows, python, repeat, work, seed, on);
  }
}
