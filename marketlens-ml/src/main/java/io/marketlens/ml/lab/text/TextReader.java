package io.marketlens.ml.lab.text;

import io.marketlens.core.io.ReadOptions;
import io.marketlens.core.io.ReadResult;
import io.marketlens.core.io.TableReader;
import io.marketlens.core.progress.Progress;
import io.marketlens.core.table.Column;
import io.marketlens.core.table.ColumnType;
import io.marketlens.core.table.Table;
import io.marketlens.core.validate.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the text, label and id columns of a data file. Files with a header go through {@link
 * TableReader} (CSV, TSV, JSON Lines, Parquet; encoding and delimiter detected), with the three
 * columns read as plain text: no value but a blank one is missing, and labels such as {@code 0} and
 * {@code 1} stay as written. Files without a header ({@link TextColumns#noHeader()}, e.g. THUCNews'
 * {@code title<TAB>label} lines) are read here: UTF-8, one record per line, fields separated by
 * tabs when the first line has one, else by commas (double quotes group a field within a line);
 * blank lines are skipped and columns are named by position from 1.
 */
public final class TextReader {

  private TextReader() {}

  /**
   * Reads {@code file}.
   *
   * @param idOptional when true, a missing id column means rows are numbered instead of an error
   * @throws InvalidInputException for a missing column, a blank label, or an unreadable file
   */
  public static TextRows read(
      Path file, TextColumns columns, boolean idOptional, Progress progress) {
    return columns.noHeader()
        ? readWithoutHeader(file, columns, idOptional)
        : readTable(file, columns, idOptional, progress);
  }

  private static TextRows readTable(
      Path file, TextColumns columns, boolean idOptional, Progress progress) {
    Map<String, ColumnType> types = new LinkedHashMap<>();
    types.put(columns.text(), ColumnType.TEXT);
    if (columns.label() != null) types.put(columns.label(), ColumnType.TEXT);
    if (columns.id() != null) types.put(columns.id(), ColumnType.TEXT);
    Table table;
    boolean withId = columns.id() != null;
    while (true) {
      try {
        ReadOptions options = new ReadOptions(null, null, null, types, Map.of(), Set.of(), 0);
        ReadResult r = TableReader.read("text", file, options, progress);
        table = r.table();
        break;
      } catch (InvalidInputException e) {
        String missing =
            e.key() != null && e.key().startsWith("types.") ? e.key().substring(6) : null;
        if (missing == null || !types.containsKey(missing)) throw e;
        if (idOptional && missing.equals(columns.id())) {
          types.remove(missing);
          withId = false;
          continue;
        }
        throw InvalidInputException.in(file)
            .column(missing)
            .expected("a column named '" + missing + "'")
            .found("no such column")
            .hint(e.hint())
            .build();
      }
    }
    int n = table.rowCount();
    List<String> texts = new ArrayList<>(n);
    Column text = table.column(columns.text());
    for (int i = 0; i < n; i++) {
      String t = text.getString(i);
      texts.add(t == null ? "" : t);
    }
    List<String> labels = null;
    if (columns.label() != null) {
      Column label = table.column(columns.label());
      labels = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        String l = label.getString(i);
        if (l == null) throw blankLabel(file, i + 2, columns.label());
        labels.add(l.strip());
      }
    }
    List<String> ids = null;
    if (withId) {
      Column id = table.column(columns.id());
      ids = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        String v = id.getString(i);
        ids.add(v == null ? "" : v);
      }
    }
    int[] rows = new int[n];
    for (int i = 0; i < n; i++) rows[i] = i + 2;
    return new TextRows(file, texts, labels, ids, rows);
  }

  private static TextRows readWithoutHeader(Path file, TextColumns columns, boolean idOptional) {
    String content = decode(file);
    if (!content.isEmpty() && content.charAt(0) == '\uFEFF') content = content.substring(1);
    String[] lines = content.split("\r\n|\n|\r", -1);
    char delimiter = 0;
    int fields = -1;
    List<String> texts = new ArrayList<>();
    List<String> labels = columns.label() == null ? null : new ArrayList<>();
    List<String> ids = new ArrayList<>();
    List<Integer> rowNumbers = new ArrayList<>();
    int textAt = -1;
    int labelAt = -1;
    int idAt = -1;
    for (int li = 0; li < lines.length; li++) {
      String line = lines[li];
      if (line.isBlank()) continue;
      if (delimiter == 0) delimiter = line.indexOf('\t') >= 0 ? '\t' : ',';
      List<String> f = split(line, delimiter);
      int row = li + 1;
      if (fields < 0) {
        fields = f.size();
        textAt = position(file, "--text", columns.text(), fields, false);
        labelAt =
            columns.label() == null
                ? -1
                : position(file, "--label", columns.label(), fields, false);
        idAt = columns.id() == null ? -1 : position(file, "--id", columns.id(), fields, idOptional);
      } else if (f.size() != fields) {
        throw InvalidInputException.in(file)
            .row(row)
            .expected(fields + " fields separated by " + name(delimiter) + " as on the first line")
            .found(f.size() + " fields")
            .hint("a text containing the separator must be quoted")
            .build();
      }
      texts.add(f.get(textAt).isBlank() ? "" : f.get(textAt));
      if (labels != null) {
        String l = f.get(labelAt).strip();
        if (l.isEmpty()) throw blankLabel(file, row, columns.label());
        labels.add(l);
      }
      if (idAt >= 0) ids.add(f.get(idAt));
      rowNumbers.add(row);
    }
    if (fields < 0) {
      throw InvalidInputException.in(file)
          .expected("lines of text and label")
          .found("an empty file")
          .build();
    }
    int[] rows = rowNumbers.stream().mapToInt(Integer::intValue).toArray();
    return new TextRows(file, texts, labels, idAt >= 0 ? ids : null, rows);
  }

  private static String decode(Path file) {
    byte[] bytes;
    try {
      if (Files.isDirectory(file)) {
        throw InvalidInputException.in(file)
            .expected("a readable data file")
            .found("a directory")
            .build();
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw InvalidInputException.in(file)
          .expected("a readable data file")
          .found("no such file")
          .hint("check the path")
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + file + ": " + e.getMessage(), e);
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw InvalidInputException.in(file)
          .expected("UTF-8 text (files without a header are read as UTF-8)")
          .found("bytes that are not UTF-8")
          .hint("convert the file to UTF-8, or give it a header line so the encoding is detected")
          .build();
    }
  }

  /** The 0-based index of a positional column name such as {@code 2}. */
  private static int position(Path file, String option, String name, int fields, boolean optional) {
    int p;
    try {
      p = Integer.parseInt(name.strip());
    } catch (NumberFormatException e) {
      p = -1;
    }
    if (p >= 1 && p <= fields) return p - 1;
    if (optional) return -1;
    throw InvalidInputException.in(file)
        .column(name)
        .key(option)
        .expected("a column position from 1 to " + fields + " (the file has no header)")
        .found(name)
        .hint(
            String.format(
                Locale.ROOT, "with --no-header name columns by position, e.g. %s 1", option))
        .build();
  }

  /** Fields of one line; double quotes group a field ({@code ""} inside is one quote). */
  static List<String> split(String line, char delimiter) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    boolean fieldStart = true;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
            cur.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          cur.append(c);
        }
      } else if (c == delimiter) {
        out.add(cur.toString());
        cur.setLength(0);
        fieldStart = true;
        continue;
      } else if (c == '"' && fieldStart && delimiter != '\t') {
        quoted = true;
      } else {
        cur.append(c);
      }
      fieldStart = false;
    }
    out.add(cur.toString());
    return out;
  }

  private static String name(char delimiter) {
    return delimiter == '\t' ? "tabs" : "commas";
  }

  private static InvalidInputException blankLabel(Path file, int row, String column) {
    return InvalidInputException.in(file)
        .row(row)
        .column(column)
        .expected("a label")
        .found("a blank value")
        .hint("remove unlabelled rows before training or evaluating")
        .build();
  }
}
