package io.marketlens.core.validate;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A mistake in the user's input (a data file, the project file, a command-line argument) that the
 * user can fix. The command line maps it to exit code 2 and the server to HTTP 400/422; no stack
 * trace is ever shown for it.
 *
 * <p>The message is built in one place, from the parts a user needs to find and fix the problem:
 * the file, the row (1-based, the header being row 1) or the key path in a YAML file, the column,
 * what was expected, what was found and, where we know it, how to fix it.
 */
public final class InvalidInputException extends RuntimeException {

  private static final int MAX_FOUND_CHARS = 80;

  private final Path file;
  private final long row;
  private final long line;
  private final String column;
  private final String key;
  private final String expected;
  private final String found;
  private final String hint;

  private InvalidInputException(Builder b, Throwable cause) {
    super(format(b), cause);
    this.file = b.file;
    this.row = b.row;
    this.line = b.line;
    this.column = b.column;
    this.key = b.key;
    this.expected = b.expected;
    this.found = b.found;
    this.hint = b.hint;
  }

  /** Starts a message about {@code file} (may be null when the input is not a file). */
  public static Builder in(Path file) {
    return new Builder(file);
  }

  /** A usage mistake not tied to a file, e.g. a bad command-line option. */
  public static InvalidInputException usage(String expected, String found) {
    return in(null).expected(expected).found(found).build();
  }

  public Path file() {
    return file;
  }

  /** 1-based row (header = row 1), or 0 when not applicable. */
  public long row() {
    return row;
  }

  /** 1-based physical line where the row starts, or 0 when unknown. */
  public long line() {
    return line;
  }

  public String column() {
    return column;
  }

  public String key() {
    return key;
  }

  public String expected() {
    return expected;
  }

  public String found() {
    return found;
  }

  public String hint() {
    return hint;
  }

  /** The parts as a map, for problem+json {@code details} and for tests. */
  public Map<String, Object> details() {
    Map<String, Object> m = new LinkedHashMap<>();
    if (file != null) m.put("file", file.toString());
    if (row > 0) m.put("row", row);
    if (line > 0) m.put("line", line);
    if (column != null) m.put("column", column);
    if (key != null) m.put("key", key);
    if (expected != null) m.put("expected", expected);
    if (found != null) m.put("found", found);
    if (hint != null) m.put("hint", hint);
    return m;
  }

  private static String format(Builder b) {
    StringBuilder s = new StringBuilder();
    if (b.file != null) s.append(b.file);
    if (b.key != null) appendPart(s, "key '" + b.key + "'");
    if (b.row > 0) {
      String where = "row " + b.row;
      if (b.line > 0 && b.line != b.row) where += " (line " + b.line + ")";
      appendPart(s, where);
    }
    if (b.column != null) appendPart(s, "column '" + b.column + "'");
    if (s.length() > 0) s.append(": ");
    s.append(b.expected == null ? "invalid input" : "expected " + b.expected);
    if (b.found != null) s.append(", found ").append(quote(b.found));
    if (b.hint != null) s.append(" (").append(b.hint).append(')');
    return s.toString();
  }

  private static void appendPart(StringBuilder s, String part) {
    if (s.length() > 0) s.append(", ");
    s.append(part);
  }

  private static String quote(String found) {
    String f = found.length() > MAX_FOUND_CHARS ? found.substring(0, MAX_FOUND_CHARS) + "…" : found;
    StringBuilder q = new StringBuilder("\"");
    for (int i = 0; i < f.length(); i++) {
      char c = f.charAt(i);
      if (c == '\n') q.append("\\n");
      else if (c == '\r') q.append("\\r");
      else if (c == '\t') q.append("\\t");
      else if (c < 0x20 || c == 0x7f) q.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      else q.append(c);
    }
    return q.append('"').toString();
  }

  /** Collects the parts of the message; {@link #build()} makes the exception. */
  public static final class Builder {
    private final Path file;
    private long row;
    private long line;
    private String column;
    private String key;
    private String expected;
    private String found;
    private String hint;

    private Builder(Path file) {
      this.file = file;
    }

    public Builder row(long row) {
      this.row = row;
      return this;
    }

    public Builder line(long line) {
      this.line = line;
      return this;
    }

    public Builder column(String column) {
      this.column = column;
      return this;
    }

    public Builder key(String key) {
      this.key = key;
      return this;
    }

    public Builder expected(String expected) {
      this.expected = expected;
      return this;
    }

    /** The offending value as read; it is shortened and control characters are escaped. */
    public Builder found(String found) {
      this.found = found;
      return this;
    }

    public Builder hint(String hint) {
      this.hint = hint;
      return this;
    }

    public InvalidInputException build() {
      return new InvalidInputException(this, null);
    }

    public InvalidInputException build(Throwable cause) {
      return new InvalidInputException(this, cause);
    }
  }
}
