package io.marketlens.core.io;

import static io.marketlens.core.io.TestFiles.read;
import static io.marketlens.core.io.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.marketlens.core.progress.Progress;
import io.marketlens.core.table.Column;
import io.marketlens.core.table.ColumnType;
import io.marketlens.core.table.Table;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvReadingTest {

  @TempDir Path dir;

  @Test
  void read_quotedFields_keepsDelimitersNewlinesAndDoubledQuotes() {
    Path f =
        write(
            dir,
            "q.csv",
            "id,text\n1,\"a, b\"\n2,\"line one\nline two\"\n3,\"say \"\"hi\"\"\"\n4,\"\"\n");
    Table t = read(f).table();
    Column text = t.column("text");
    assertThat(t.rowCount()).isEqualTo(4);
    assertThat(text.getString(0)).isEqualTo("a, b");
    assertThat(text.getString(1)).isEqualTo("line one\nline two");
    assertThat(text.getString(2)).isEqualTo("say \"hi\"");
    assertThat(text.isMissing(3)).isTrue();
  }

  @Test
  void read_crlfAndNoFinalNewline_readsEveryRow() {
    Path f = write(dir, "crlf.csv", "a,b\r\n1,x\r\n2,y\r\n3,z");
    Table t = read(f).table();
    assertThat(t.rowCount()).isEqualTo(3);
    assertThat(t.column("b").getString(2)).isEqualTo("z");
    assertThat(t.column("a").type()).isEqualTo(ColumnType.INTEGER);
  }

  @Test
  void read_quoteInsideUnquotedField_keepsItAsText() {
    Path f = write(dir, "inch.csv", "name,size\nframe 7\" single,1\nbox,2\n");
    assertThat(read(f).table().column("name").getString(0)).isEqualTo("frame 7\" single");
  }

  @Test
  void read_blankLines_areSkippedWithAWarning() {
    Path f = write(dir, "blank.csv", "a,b\n1,2\n\n3,4\n\n");
    ReadResult r = read(f);
    assertThat(r.table().rowCount()).isEqualTo(2);
    assertThat(r.report().warnings()).contains("2 blank lines skipped");
  }

  @ParameterizedTest
  @ValueSource(strings = {";", "\t", "|", ","})
  void read_delimiterNotGiven_isSniffed(String d) {
    String csv = String.join(d, "name", "price", "note") + "\n";
    csv += String.join(d, "a", "1.5", "\"x" + (d.equals(",") ? ";" : ",") + " y\"") + "\n";
    csv += String.join(d, "b", "2.5", "z") + "\n";
    ReadResult r = read(write(dir, "d.txt", csv));
    assertThat(r.report().delimiter()).isEqualTo(d);
    assertThat(r.table().columnNames()).containsExactly("name", "price", "note");
    assertThat(r.table().column("price").type()).isEqualTo(ColumnType.DECIMAL);
  }

  @Test
  void read_semicolonFileWithDecimalCommas_sniffsSemicolon() {
    Path f = write(dir, "eu.csv", "name;price;qty\na;1,5;2\nb;2,25;3\nc;3;4\n");
    ReadResult r = read(f);
    assertThat(r.report().delimiter()).isEqualTo(";");
    assertThat(r.table().column("price").getString(0)).isEqualTo("1,5");
  }

  @Test
  void read_tsvExtension_usesTabAndReportsTsv() {
    Path f = write(dir, "x.tsv", "a\tb\n1\tx,y\n");
    ReadResult r = read(f);
    assertThat(r.report().format()).isEqualTo("tsv");
    assertThat(r.report().delimiter()).isEqualTo("\t");
    assertThat(r.table().column("b").getString(0)).isEqualTo("x,y");
  }

  @Test
  void read_givenDelimiter_isUsed() {
    Path f = write(dir, "pipe.csv", "a|b\n1,5|2\n");
    Table t = read(f, TestFiles.delimiter('|')).table();
    assertThat(t.column("a").getString(0)).isEqualTo("1,5");
  }

  @Test
  void read_headerWithSpacesAndStrayBom_trimsNamesWithWarning() {
    Path f = write(dir, "h.csv", "\ufeff\ufeffid , name\n1,x\n");
    ReadResult r = read(f);
    assertThat(r.table().columnNames()).containsExactly("id", "name");
    assertThat(r.report().warnings()).anyMatch(w -> w.contains("'id ' read as 'id'"));
  }

  @Test
  void read_anyFile_reportsSizeAndSha256OfBytesOnDisk() throws Exception {
    byte[] bytes = TestFiles.gzip("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
    Path f = write(dir, "x.csv.gz", bytes);
    ReadReport report = read(f).report();
    String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    assertThat(report.sha256()).isEqualTo(expected);
    assertThat(report.bytes()).isEqualTo(bytes.length);
    assertThat(report.compressed()).isEqualTo("gzip");
    assertThat(report.format()).isEqualTo("csv");
    assertThat(report.encoding()).isEqualTo("UTF-8");
  }

  @Test
  void read_gzipWithoutGzName_isDetectedByMagicBytes() {
    Path f = write(dir, "plain-name.csv", TestFiles.gzip("a,b\n1,2\n".getBytes()));
    ReadResult r = read(f);
    assertThat(r.report().compressed()).isEqualTo("gzip");
    assertThat(r.table().column("b").getLong(0)).isEqualTo(2);
  }

  @Test
  void read_uncompressed_reportsNoCompression() {
    assertThat(read(write(dir, "a.csv", "a\n1\n")).report().compressed()).isNull();
  }

  @Test
  void read_progress_countsTheBytesOnDisk() throws Exception {
    Path f = write(dir, "p.csv", "a,b\n1,2\n3,4\n");
    List<String> starts = new ArrayList<>();
    long[] advanced = new long[1];
    boolean[] closed = new boolean[1];
    Progress progress =
        (name, total, unit) -> {
          starts.add(name + " " + total + " " + unit);
          return new Progress.Step() {
            @Override
            public void advance(long units) {
              advanced[0] += units;
            }

            @Override
            public void close() {
              closed[0] = true;
            }
          };
        };
    TableReader.read("t", f, ReadOptions.defaults(), progress);
    assertThat(starts).containsExactly("read p.csv " + Files.size(f) + " B");
    assertThat(advanced[0]).isEqualTo(Files.size(f));
    assertThat(closed[0]).isTrue();
  }

  @Test
  void read_tableName_andSourceAreKept() {
    Path f = write(dir, "n.csv", "a\n1\n");
    Table t = TableReader.read("customers", f, ReadOptions.defaults(), Progress.NONE).table();
    assertThat(t.name()).isEqualTo("customers");
    assertThat(t.source()).isEqualTo(f);
  }
}
