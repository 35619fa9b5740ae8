package io.marketlens.core.io;

import static io.marketlens.core.io.TestFiles.concat;
import static io.marketlens.core.io.TestFiles.failure;
import static io.marketlens.core.io.TestFiles.read;
import static io.marketlens.core.io.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.marketlens.core.table.Table;
import io.marketlens.core.validate.InvalidInputException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncodingTest {

  private static final Charset GB18030 = Charset.forName("GB18030");
  private static final String CHINESE = "review,label\n房间很大，床很舒服,1\n服务态度差，不推荐,0\n早餐种类丰富，交通方便,1\n";

  @TempDir Path dir;

  @Test
  void read_utf8_isDetected() {
    ReadResult r = read(write(dir, "zh.csv", CHINESE));
    assertThat(r.report().encoding()).isEqualTo("UTF-8");
    assertThat(r.table().column("review").getString(0)).isEqualTo("房间很大，床很舒服");
  }

  @Test
  void read_utf8WithBom_stripsTheBom() {
    byte[] bom = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};
    Path f = write(dir, "bom.csv", concat(bom, "id,name\n1,é\n".getBytes(StandardCharsets.UTF_8)));
    ReadResult r = read(f);
    assertThat(r.table().columnNames()).containsExactly("id", "name");
    assertThat(r.report().encoding()).isEqualTo("UTF-8");
  }

  @Test
  void read_gb18030_isDetectedAndDecoded() {
    ReadResult r = read(write(dir, "zh-gb.csv", CHINESE, GB18030));
    assertThat(r.report().encoding()).isEqualTo("GB18030");
    assertThat(r.table().column("review").getString(1)).isEqualTo("服务态度差，不推荐");
  }

  @Test
  void read_latin1_isDetected() {
    Path f =
        write(
            dir, "fr.csv", "city,price\nZürich,€5\nSão Paulo,3\n", Charset.forName("windows-1252"));
    ReadResult r = read(f);
    assertThat(r.report().encoding()).isEqualTo("windows-1252");
    assertThat(r.table().column("city").getString(0)).isEqualTo("Zürich");
    assertThat(r.table().column("price").getString(0)).isEqualTo("€5");
  }

  @Test
  void read_utf16WithBom_isDecoded() {
    Path f = write(dir, "u16.csv", "\ufeffa,b\n1,ü\n", StandardCharsets.UTF_16LE);
    Table t = read(f).table();
    assertThat(t.columnNames()).containsExactly("a", "b");
    assertThat(t.column("b").getString(0)).isEqualTo("ü");
  }

  @Test
  void read_mostlyUtf8WithABadByte_failsNamingRowAndColumn() {
    StringBuilder s = new StringBuilder("name,city\n");
    for (int i = 0; i < 20; i++) s.append("Renée,Zürich\n");
    byte[] good = s.toString().getBytes(StandardCharsets.UTF_8);
    byte[] bad = "Bob,M".getBytes(StandardCharsets.UTF_8);
    byte[] tail = {(byte) 0xfc, 'n', 'c', 'h', 'e', 'n', '\n'};
    InvalidInputException e = failure(write(dir, "bad.csv", concat(good, bad, tail)));
    assertThat(e.row()).isEqualTo(22);
    assertThat(e.column()).isEqualTo("city");
    assertThat(e.found()).isEqualTo("invalid UTF-8: bytes 0xFC");
  }

  @Test
  void read_utf8GivenButFileIsGb18030_failsWithHint() {
    Path f = write(dir, "zh-gb.csv", CHINESE, GB18030);
    InvalidInputException e = failure(f, TestFiles.encoding(StandardCharsets.UTF_8));
    assertThat(e.row()).isEqualTo(2);
    assertThat(e.column()).isEqualTo("review");
    assertThat(e.found()).startsWith("invalid UTF-8");
    assertThat(e.hint()).isEqualTo("the file looks like GB18030; set encoding: gb18030");
  }

  @Test
  void read_givenEncoding_isUsed() {
    Path f = write(dir, "zh-gb.csv", CHINESE, GB18030);
    ReadResult r = read(f, TestFiles.encoding(GB18030));
    assertThat(r.table().column("review").getString(2)).isEqualTo("早餐种类丰富，交通方便");
  }

  @Test
  void read_asciiHeadThenLatin1Byte_rereadsAsLatin1WithWarning() {
    StringBuilder s = new StringBuilder("id,city\n");
    int i = 0;
    while (s.length() < CsvReader.HEAD_BYTES + 1000) s.append(i++).append(",Paris\n");
    byte[] head = s.toString().getBytes(StandardCharsets.US_ASCII);
    byte[] tail = (i + ",Zürich\n").getBytes(Charset.forName("windows-1252"));
    ReadResult r = read(write(dir, "late.csv", concat(head, tail)));
    assertThat(r.report().encoding()).isEqualTo("windows-1252");
    assertThat(r.report().warnings()).anyMatch(w -> w.contains("read as Latin-1"));
    Table t = r.table();
    assertThat(t.column("city").getString(t.rowCount() - 1)).isEqualTo("Zürich");
  }

  @Test
  void read_chineseReviewsSliceReencodedAsGb18030_equalsTheUtf8Read() throws Exception {
    Path utf8 = TestFiles.resource("chn_senti_slice.csv");
    String text = Files.readString(utf8, StandardCharsets.UTF_8);
    Path gb = write(dir, "chn_gb18030.csv", text, GB18030);
    Table a = read(utf8).table();
    ReadResult b = read(gb);
    assertThat(b.report().encoding()).isEqualTo("GB18030");
    assertThat(b.table().rowCount()).isEqualTo(a.rowCount()).isEqualTo(200);
    for (int row = 0; row < a.rowCount(); row++) {
      assertThat(b.table().column("review").getString(row))
          .isEqualTo(a.column("review").getString(row));
    }
  }
}
