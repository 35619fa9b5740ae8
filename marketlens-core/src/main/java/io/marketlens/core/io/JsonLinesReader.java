package io.marketlens.core.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.marketlens.core.progress.Progress;
import io.marketlens.core.validate.InvalidInputException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON Lines: one JSON object per line (blank lines skipped). The columns are the union of
 * the keys in first-seen order; a key absent from a line is a missing value. Values become text
 * (numbers as written, booleans as true/false, nested arrays and objects as JSON, null as missing)
 * and are then typed like CSV cells. Rows are numbered from 1, the first line.
 */
final class JsonLinesReader {

  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private final Path file;
  private final ReadOptions options;
  private final RowNumbers rows;
  private final Map<String, CharColumn> columns = new LinkedHashMap<>();
  private int rowCount;
  private long lineNumber;

  private JsonLinesReader(Path file, ReadOptions options) {
    this.file = file;
    this.options = options;
    this.rows = new RowNumbers(file, 1);
  }

  static ReadResult read(String tableName, Path file, ReadOptions options, Progress.Step step)
      throws IOException {
    return new JsonLinesReader(file, options).read(tableName, step);
  }

  private ReadResult read(String tableName, Progress.Step step) throws IOException {
    Charset cs = options.encoding() != null ? options.encoding() : StandardCharsets.UTF_8;
    try (InputFile in = InputFile.open(file, step);
        Reader reader =
            new InputStreamReader(
                in.content(),
                cs.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT))) {
      LineReader lines = new LineReader(reader, options.maxRecordChars());
      try {
        for (String line; (line = lines.next()) != null; ) {
          lineNumber++;
          if (lineNumber == 1 && line.startsWith("\ufeff")) line = line.substring(1);
          if (!line.isBlank()) parseLine(line);
        }
      } catch (LineReader.TooLong e) {
        throw at(lineNumber + 1)
            .expected("a line of at most " + options.maxRecordChars() + " characters")
            .found("a longer line")
            .hint("raise maxRecordChars if such long lines are real")
            .build();
      } catch (CharacterCodingException e) {
        throw at(lineNumber + 1)
            .expected("text in " + cs.name())
            .found("invalid " + cs.name() + " bytes")
            .hint("JSON Lines files are UTF-8; re-save the file as UTF-8 or set encoding")
            .build();
      }
      String sha256 = in.sha256();
      if (rowCount == 0) {
        throw InvalidInputException.in(file)
            .expected("one JSON object per line")
            .found(lineNumber == 0 ? "an empty file" : "only blank lines")
            .build();
      }
      List<String> names = new ArrayList<>(columns.keySet());
      CharColumn[] raw = new CharColumn[names.size()];
      for (int k = 0; k < raw.length; k++) {
        raw[k] = columns.get(names.get(k));
        pad(raw[k], rowCount);
      }
      ColumnsBuilder builder = new ColumnsBuilder(file, options, rows);
      var table = builder.build(tableName, names, raw, rowCount);
      ReadReport report =
          new ReadReport(
              "jsonl",
              null,
              cs.name(),
              in.gzip() ? "gzip" : null,
              in.bytesRead(),
              sha256,
              builder.warnings());
      return new ReadResult(table, report);
    }
  }

  private void parseLine(String line) throws IOException {
    try (JsonParser p = JSON.createParser(line)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw at(lineNumber)
            .expected("a JSON object, one per line")
            .found(line)
            .hint(
                line.startsWith("[")
                    ? "this looks like a JSON array; write one object per line"
                    : null)
            .build();
      }
      for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
        String key = p.currentName();
        p.nextToken();
        CharColumn column = column(key);
        pad(column, rowCount);
        appendValue(p, column);
        column.endCell();
      }
      if (p.nextToken() != null) {
        throw at(lineNumber)
            .expected("one JSON object per line")
            .found("more after the object, at character " + p.currentLocation().getColumnNr())
            .build();
      }
    } catch (JsonProcessingException e) {
      throw at(lineNumber)
          .expected("a valid JSON object")
          .found(e.getOriginalMessage())
          .hint("the problem is at character " + e.getLocation().getColumnNr() + " of the line")
          .build(e);
    }
    rows.started(rowCount, lineNumber);
    rowCount++;
  }

  private static void appendValue(JsonParser p, CharColumn column) throws IOException {
    switch (p.currentToken()) {
      case VALUE_NULL:
        return;
      case START_OBJECT:
      case START_ARRAY:
        column.append(JSON.writeValueAsString(p.readValueAsTree()));
        return;
      default:
        column.append(p.getText());
    }
  }

  private CharColumn column(String key) {
    if (key.isBlank()) {
      throw at(lineNumber).expected("a non-blank key").found("\"" + key + "\"").build();
    }
    return columns.computeIfAbsent(key, k -> new CharColumn(1 << 10, 1 << 8));
  }

  private static void pad(CharColumn column, int size) {
    while (column.size() < size) column.endCell();
  }

  private InvalidInputException.Builder at(long line) {
    return InvalidInputException.in(file).row(line);
  }
}
