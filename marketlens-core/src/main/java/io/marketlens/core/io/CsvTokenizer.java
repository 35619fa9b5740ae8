package io.marketlens.core.io;

import io.marketlens.core.validate.InvalidInputException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Splits delimited text (RFC 4180) into the cells of per-column {@link CharColumn}s, block by
 * block. A field that starts with a double quote is quoted: it may hold delimiters and line breaks,
 * and a doubled quote stands for one quote. A quote inside an unquoted field is kept as text, and
 * text after a closing quote is appended to the value. Records end at LF, CRLF or a lone CR; blank
 * lines are skipped. The first record is the header.
 *
 * <p>Errors name the row (header = row 1) and, when it differs, the physical line: a record with
 * the wrong number of fields, a record longer than the limit (checked as it grows, so a runaway
 * quote fails fast) and a quote still open at the end of the input.
 *
 * <p>Not thread-safe.
 */
final class CsvTokenizer {

  private static final int FIELD_START = 0;
  private static final int UNQUOTED = 1;
  private static final int QUOTED = 2;
  private static final int QUOTE_IN_QUOTED = 3;
  private static final int AFTER_CR = 4;

  private final Path file;
  private final char delim;
  private final int maxRecordChars;
  private final RowNumbers rows;
  private final CharColumn scratch = new CharColumn(64, 4);
  private CharColumn[] cols = new CharColumn[0];
  private String[] header;
  private CharColumn cur;
  private int state = FIELD_START;
  private int field;
  private long recordChars;
  private boolean recordStarted;
  private long line = 1;
  private long recordLine = 1;
  private long quoteLine;
  private int dataRows;
  private long blankLines;
  private long charsFed;
  private long expectedChars;

  CsvTokenizer(Path file, char delim, int maxRecordChars, RowNumbers rows) {
    this.file = file;
    this.delim = delim;
    this.maxRecordChars = maxRecordChars;
    this.rows = rows;
    this.cur = column(0);
  }

  /**
   * Sizes the column buffers for about {@code chars} characters of input once the first block shows
   * how they split, which saves growing (and copying) large arrays many times.
   */
  void expect(long chars) {
    expectedChars = chars;
  }

  /** Tokenizes {@code b[from..to)}; state carries over to the next block. */
  void feed(char[] b, int from, int to) {
    if (expectedChars > 0 && dataRows >= 100) reserve();
    charsFed += to - from;
    int i = from;
    while (i < to) {
      switch (state) {
        case QUOTED:
          i = scanQuoted(b, i, to);
          break;
        case QUOTE_IN_QUOTED:
          i = afterQuote(b, i);
          break;
        case AFTER_CR:
          state = FIELD_START;
          if (b[i] == '\n') i++;
          break;
        case FIELD_START:
          if (b[i] == '"') {
            state = QUOTED;
            quoteLine = line;
            recordStarted = true;
            addChars(1);
            i++;
            break;
          }
          state = UNQUOTED;
          i = scanUnquoted(b, i, to);
          break;
        default:
          i = scanUnquoted(b, i, to);
      }
    }
  }

  /** Ends the input: closes the last record, or fails on a quote that never closed. */
  void finish() {
    if (state == QUOTED) {
      throw InvalidInputException.in(file)
          .row(currentRow())
          .line(quoteLine)
          .column(columnName(field))
          .expected("a closing double quote")
          .found("the end of the file")
          .hint(
              "a quoted value opened on line "
                  + quoteLine
                  + " never closes; double any quote inside a quoted value (\"\")")
          .build();
    }
    if (state != AFTER_CR && (state != FIELD_START || field > 0 || recordStarted)) endRecord();
  }

  /** The header names as read (not yet checked), or null before the header ends. */
  String[] header() {
    return header;
  }

  CharColumn[] columns() {
    return cols;
  }

  int dataRows() {
    return dataRows;
  }

  long blankLines() {
    return blankLines;
  }

  /** 1-based row of the record being read (header = row 1). */
  long currentRow() {
    return header == null ? 1 : dataRows + 2L;
  }

  long currentRecordLine() {
    return recordLine;
  }

  /** The name of the column being read, or null in the header or past the last column. */
  String currentColumn() {
    return columnName(field);
  }

  /**
   * Scales the buffers by how much input is still expected. Rows are capped at one per {@code
   * columns} characters (each row holds its delimiters and a line break), so unusually short first
   * rows cannot make the estimate run away.
   */
  private void reserve() {
    double scale = 1.05 * expectedChars / charsFed;
    long maxRows = expectedChars / cols.length + 64;
    expectedChars = 0;
    if (scale < 2) return;
    long rowsHint = Math.min(maxRows, (long) (dataRows * scale) + 64);
    for (CharColumn c : cols) c.reserve((long) (c.totalChars() * scale) + 64, rowsHint);
  }

  private int scanUnquoted(char[] b, int i, int to) {
    int s = i;
    char d = delim;
    while (i < to) {
      char c = b[i];
      if (c == d || c == '\n' || c == '\r') break;
      i++;
    }
    int n = i - s;
    if (n > 0) {
      addChars(n);
      cur.append(b, s, n);
      recordStarted = true;
    }
    if (i == to) return i;
    endOfField(b[i]);
    return i + 1;
  }

  private int scanQuoted(char[] b, int i, int to) {
    int s = i;
    while (i < to) {
      char c = b[i];
      if (c == '"') break;
      if (c == '\n') line++;
      i++;
    }
    int n = i - s;
    if (n > 0) {
      addChars(n);
      cur.append(b, s, n);
    }
    if (i == to) return i;
    state = QUOTE_IN_QUOTED;
    return i + 1;
  }

  private int afterQuote(char[] b, int i) {
    char c = b[i];
    if (c == '"') {
      addChars(1);
      cur.append('"');
      state = QUOTED;
      return i + 1;
    }
    if (c == delim || c == '\n' || c == '\r') {
      endOfField(c);
      return i + 1;
    }
    state = UNQUOTED;
    return i;
  }

  /** Handles the delimiter or line break {@code c} that ends a field. */
  private void endOfField(char c) {
    if (c == delim) {
      addChars(1);
      recordStarted = true;
      cur.endCell();
      field++;
      cur = column(field);
      state = FIELD_START;
      return;
    }
    endRecord();
    line++;
    recordLine = line;
    state = c == '\r' ? AFTER_CR : FIELD_START;
  }

  private void endRecord() {
    if (field == 0 && !recordStarted) {
      blankLines++;
      return;
    }
    cur.endCell();
    int found = field + 1;
    if (header == null) {
      endHeader(found);
    } else {
      if (found != cols.length) throw ragged(found);
      rows.started(dataRows, recordLine);
      dataRows++;
    }
    field = 0;
    cur = column(0);
    recordChars = 0;
    recordStarted = false;
  }

  private void endHeader(int found) {
    header = new String[found];
    for (int k = 0; k < found; k++) {
      header[k] = cols[k].cell(0);
      cols[k].clear();
    }
  }

  private CharColumn column(int k) {
    if (k < cols.length) return cols[k];
    if (header != null) {
      scratch.clear();
      return scratch;
    }
    cols = Arrays.copyOf(cols, k + 1);
    cols[k] = new CharColumn(1 << 12, 1 << 10);
    return cols[k];
  }

  private void addChars(int n) {
    recordChars += n;
    if (recordChars > maxRecordChars) throw tooLong();
  }

  private String columnName(int k) {
    return header != null && k < header.length ? header[k] : null;
  }

  private InvalidInputException ragged(int found) {
    StringBuilder text = new StringBuilder();
    text.append(found).append(" fields: ");
    for (int k = 0; k < Math.min(found, cols.length) && text.length() < 80; k++) {
      if (k > 0) text.append(delim);
      text.append(cols[k].cell(cols[k].size() - 1));
    }
    return InvalidInputException.in(file)
        .row(currentRow())
        .line(recordLine)
        .expected(cols.length + (cols.length == 1 ? " field" : " fields") + ", as in the header")
        .found(text.toString())
        .hint(
            String.format(
                Locale.ROOT,
                "values that contain the delimiter %s or a line break must be in double quotes;"
                    + " if the delimiter is wrong, set delimiter",
                quoteChar(delim)))
        .build();
  }

  private InvalidInputException tooLong() {
    String hint =
        state == QUOTED || state == QUOTE_IN_QUOTED
            ? "a quoted value opened on line " + quoteLine + " may never close; check its quotes"
            : "is this a delimited text file? raise maxRecordChars if such long records are real";
    return InvalidInputException.in(file)
        .row(currentRow())
        .line(recordLine)
        .column(columnName(field))
        .expected("a record of at most " + maxRecordChars + " characters")
        .found("a longer record")
        .hint(hint)
        .build();
  }

  static String quoteChar(char d) {
    return d == '\t' ? "'\\t'" : "'" + d + "'";
  }
}
