package io.marketlens.core.io;

import io.marketlens.core.progress.Progress;
import io.marketlens.core.validate.InvalidInputException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.zip.ZipException;

/**
 * The entry point for reading a data file into a typed {@link io.marketlens.core.table.Table}: CSV,
 * TSV, JSON Lines (each optionally gzip-compressed) and Parquet.
 *
 * <p><b>Format.</b> {@link ReadOptions#format()} when given; otherwise Parquet when the file starts
 * with {@code PAR1} or is named {@code .parquet}; JSON Lines for {@code .jsonl}, {@code .ndjson} or
 * {@code .json}; TSV for {@code .tsv} or {@code .tab}; CSV for anything else. A trailing {@code
 * .gz} is ignored for naming: gzip is recognised by its magic bytes (1f 8b) and decompressed on the
 * fly. The report carries the SHA-256 and size of the bytes on disk; progress is reported in bytes.
 *
 * <p><b>CSV and TSV.</b> RFC 4180 quoting (delimiters, doubled quotes and line breaks inside double
 * quotes), LF, CRLF or CR line ends, blank lines skipped. The delimiter is sniffed among {@code , ;
 * \t |} from the first 50 records unless given. The encoding, unless given, is detected from the
 * first megabyte: a byte-order mark decides; valid UTF-8 is UTF-8; clean GB18030 of mostly CJK
 * characters is GB18030; anything else is Latin-1 (windows-1252). A stray U+FEFF before the first
 * header name is dropped. The header is row 1; the first data row is row 2.
 *
 * <p><b>Missing values.</b> A value is missing when it is blank (only whitespace, a lone space
 * included) or, trimmed, equals one of {@link ReadOptions#missingTokens()}.
 *
 * <p><b>Types.</b> A type in {@link ReadOptions#types()} wins, and every non-missing value must fit
 * it (a declared integer accepts {@code 17850.0}; a declared boolean accepts yes/no, y/n,
 * true/false, t/f and 1/0 in any case). Otherwise the non-missing values, trimmed, decide:
 *
 * <ol>
 *   <li>INTEGER when all are whole numbers that fit a {@code long}; BOOLEAN instead when they are
 *       only 0 and 1, both present. A number has an optional sign and no thousands separators; a
 *       leading zero followed by digits ({@code 007}, a code) is not a number.
 *   <li>DECIMAL when all are numbers and some are not whole. {@code inf}, {@code Infinity} or
 *       {@code nan} (any case and sign) among numbers is an error: a finite number is expected.
 *   <li>BOOLEAN when all belong to one of the pairs Yes/No, yes/no, Y/N, true/false, True/False,
 *       TRUE/FALSE (one value of the pair may be absent).
 *   <li>DATE or DATETIME when all are dates in one of yyyy-MM-dd, yyyy/MM/dd, dd/MM/yyyy or
 *       MM/dd/yyyy, dd.MM.yyyy, dd-MM-yyyy or yyyy-MM (a month, read as its first day), optionally
 *       followed by a space or {@code T} and H:mm, H:mm:ss or H:mm:ss.fff, and an optional {@code
 *       Z}. DATETIME when any value has a time. Slash dates are day-first when a first number
 *       exceeds 12, month-first when a second one does, month-first with a warning when none does.
 *       Dates in two different formats are an error naming the row where the format changes; set
 *       {@code types} and {@code dateFormats} for the column. A pattern in {@link
 *       ReadOptions#dateFormats()} replaces detection for its column.
 *   <li>CATEGORICAL when the values average under 40 characters and have at most max(20, 5% of
 *       rows) distinct values; otherwise TEXT. String values keep their spaces.
 * </ol>
 *
 * A column whose values are all missing is TEXT. A column of numbers that holds a non-number from
 * row 10 on becomes a string column, with a warning naming that row (set {@code types} to make it
 * an error instead).
 *
 * <p><b>Errors.</b> Every problem in the data is an {@link InvalidInputException} naming the file,
 * the row (and the physical line where it differs), the column where known, what was expected and
 * what was found, with a hint: an empty file, a header without data rows, a blank or duplicate
 * column name, a row with the wrong number of fields, an unterminated quote, a record longer than
 * {@link ReadOptions#maxRecordChars()}, bytes invalid in the encoding, a binary file, a given
 * delimiter that yields one column where another splits the file evenly, and values that do not fit
 * a type.
 *
 * <p>Thread-safe: calls share no state. A CSV read uses the common fork-join pool to convert
 * columns in parallel.
 */
public final class TableReader {

  private TableReader() {}

  /**
   * Reads {@code file} as the table {@code tableName}.
   *
   * @param tableName the table's role in the project ("customers", "reviews", ...)
   * @param file the file to read
   * @param options formats, overrides and limits; {@link ReadOptions#defaults()} detects all
   * @param progress receives one step counting the bytes read from disk
   * @return the table and a report of how it was read
   * @throws InvalidInputException when the file is missing, unreadable or its content is invalid
   * @throws UncheckedIOException on an I/O failure that is not the user's to fix
   */
  public static ReadResult read(
      String tableName, Path file, ReadOptions options, Progress progress) {
    Objects.requireNonNull(tableName, "tableName");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(progress, "progress");
    try {
      if (Files.isDirectory(file)) throw notAFile(file, "a directory");
      long size = Files.size(file);
      String format = format(file, options.format());
      String label = "read " + (file.getFileName() == null ? file : file.getFileName());
      try (Progress.Step step = progress.start(label, size, "B")) {
        switch (format) {
          case "parquet":
            return ParquetReader.read(tableName, file, options, step);
          case "jsonl":
            return JsonLinesReader.read(tableName, file, options, step);
          default:
            return CsvReader.read(tableName, file, options, format.equals("tsv"), step);
        }
      }
    } catch (NoSuchFileException e) {
      throw notAFile(file, "no such file");
    } catch (AccessDeniedException e) {
      throw notAFile(file, "permission denied");
    } catch (ZipException | EOFException e) {
      throw InvalidInputException.in(file)
          .expected("a complete gzip file")
          .found(String.valueOf(e.getMessage()))
          .hint("the file may be truncated or damaged; try decompressing it with gunzip")
          .build(e);
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + file + ": " + e.getMessage(), e);
    }
  }

  /** The format to read {@code file} as: "csv", "tsv", "parquet" or "jsonl". */
  static String format(Path file, String given) throws IOException {
    if (given != null) return normalise(file, given);
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(4);
    }
    if (head.length == 4 && head[0] == 'P' && head[1] == 'A' && head[2] == 'R' && head[3] == '1') {
      return "parquet";
    }
    String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
    if (name.endsWith(".gz")) name = name.substring(0, name.length() - 3);
    if (name.endsWith(".parquet") || name.endsWith(".pq")) return "parquet";
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
      return "jsonl";
    }
    if (name.endsWith(".tsv") || name.endsWith(".tab")) return "tsv";
    return "csv";
  }

  private static String normalise(Path file, String given) {
    String f = given.trim().toLowerCase(Locale.ROOT);
    switch (f) {
      case "csv":
      case "tsv":
      case "parquet":
      case "jsonl":
        return f;
      case "ndjson":
      case "json":
        return "jsonl";
      default:
        throw InvalidInputException.in(file)
            .key("format")
            .expected("one of csv, tsv, parquet, jsonl")
            .found(given)
            .build();
    }
  }

  private static InvalidInputException notAFile(Path file, String found) {
    return InvalidInputException.in(file)
        .expected("a readable data file")
        .found(found)
        .hint("check the path")
        .build();
  }
}
