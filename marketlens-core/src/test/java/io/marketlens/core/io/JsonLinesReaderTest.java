package io.marketlens.core.io;

import static io.marketlens.core.io.TestFiles.failure;
import static io.marketlens.core.io.TestFiles.read;
import static io.marketlens.core.io.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.marketlens.core.table.ColumnType;
import io.marketlens.core.table.Table;
import io.marketlens.core.validate.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesReaderTest {

  @TempDir Path dir;

  @Test
  void read_jsonLines_unionsKeysInFirstSeenOrder() {
    Path f =
        write(
            dir,
            "r.jsonl",
            "{\"id\": 1, \"text\": \"great\", \"stars\": 5}\n"
                + "{\"id\": 2, \"stars\": 2.5, \"verified\": true}\n"
                + "\n"
                + "{\"text\": \"ok\", \"id\": 3, \"tags\": [\"a\", \"b\"], \"verified\": false,"
                + " \"meta\": null}\r\n");
    ReadResult r = read(f);
    Table t = r.table();
    assertThat(r.report().format()).isEqualTo("jsonl");
    assertThat(t.columnNames()).containsExactly("id", "text", "stars", "verified", "tags", "meta");
    assertThat(t.rowCount()).isEqualTo(3);
    assertThat(t.column("id").type()).isEqualTo(ColumnType.INTEGER);
    assertThat(t.column("stars").type()).isEqualTo(ColumnType.DECIMAL);
    assertThat(t.column("text").isMissing(1)).isTrue();
    assertThat(t.column("verified").type()).isEqualTo(ColumnType.BOOLEAN);
    assertThat(t.column("verified").isMissing(0)).isTrue();
    assertThat(t.column("tags").getString(2)).isEqualTo("[\"a\",\"b\"]");
    assertThat(t.column("meta").missingCount()).isEqualTo(3);
  }

  @Test
  void read_ndjsonGzipped_isRead() {
    byte[] gz = TestFiles.gzip("{\"a\": \"x\"}\n{\"a\": \"y\"}\n".getBytes(StandardCharsets.UTF_8));
    ReadResult r = read(write(dir, "r.ndjson.gz", gz));
    assertThat(r.report().compressed()).isEqualTo("gzip");
    assertThat(r.table().column("a").getString(1)).isEqualTo("y");
  }

  @Test
  void read_malformedLine_failsWithLineAndCharacter() {
    Path f = write(dir, "bad.jsonl", "{\"a\": 1}\n{\"a\": 2}\n{\"a\": 3,, }\n");
    InvalidInputException e = failure(f);
    assertThat(e.row()).isEqualTo(3);
    assertThat(e.expected()).isEqualTo("a valid JSON object");
    assertThat(e.hint()).isEqualTo("the problem is at character 9 of the line");
  }

  @Test
  void read_lineThatIsNotAnObject_fails() {
    InvalidInputException e = failure(write(dir, "arr.jsonl", "[{\"a\": 1}, {\"a\": 2}]\n"));
    assertThat(e.row()).isEqualTo(1);
    assertThat(e.expected()).isEqualTo("a JSON object, one per line");
    assertThat(e.hint()).contains("JSON array");
  }

  @Test
  void read_twoObjectsOnALine_fails() {
    InvalidInputException e = failure(write(dir, "two.jsonl", "{\"a\": 1} {\"a\": 2}\n"));
    assertThat(e.expected()).isEqualTo("one JSON object per line");
  }

  @Test
  void read_duplicateKey_fails() {
    InvalidInputException e = failure(write(dir, "dup.jsonl", "{\"a\": 1, \"a\": 2}\n"));
    assertThat(e.row()).isEqualTo(1);
    assertThat(e.found()).contains("Duplicate field 'a'");
  }

  @Test
  void read_emptyJsonLines_fails() {
    assertThat(failure(write(dir, "e.jsonl", "")).found()).isEqualTo("an empty file");
  }

  @Test
  void read_valueFailingItsType_namesRowAndColumn() {
    Path f = write(dir, "v.jsonl", "{\"x\": 1.5}\n{\"x\": \"Infinity\"}\n");
    InvalidInputException e = failure(f);
    assertThat(e.row()).isEqualTo(2);
    assertThat(e.column()).isEqualTo("x");
  }

  @Test
  void read_overlongLine_failsOnTheLimit() {
    Path f = write(dir, "long.jsonl", "{\"a\": \"" + "x".repeat(5000) + "\"}\n");
    InvalidInputException e = failure(f, TestFiles.maxRecordChars(1000));
    assertThat(e.row()).isEqualTo(1);
    assertThat(e.expected()).isEqualTo("a line of at most 1000 characters");
  }
}
