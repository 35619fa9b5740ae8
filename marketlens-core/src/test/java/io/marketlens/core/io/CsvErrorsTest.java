package io.marketlens.core.io;

import static io.marketlens.core.io.TestFiles.failure;
import static io.marketlens.core.io.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.marketlens.core.table.ColumnType;
import io.marketlens.core.validate.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class CsvErrorsTest {

  @TempDir Path dir;

  @Test
  void read_emptyFile_fails() {
    InvalidInputException e = failure(write(dir, "e.csv", ""));
    assertThat(e.file()).isEqualTo(dir.resolve("e.csv"));
    assertThat(e.found()).isEqualTo("an empty file");
  }

  @Test
  void read_onlyBlankLines_fails() {
    assertThat(failure(write(dir, "b.csv", "\n\n  \n")).found()).isEqualTo("only blank lines");
  }

  @Test
  void read_headerOnly_failsAtRow2() {
    InvalidInputException e = failure(write(dir, "h.csv", "a,b,c\n"));
    assertThat(e.row()).isEqualTo(2);
    assertThat(e.expected()).contains("at least one data row");
    assertThat(e.found()).isEqualTo("only the header");
  }

  @Test
  void read_duplicateHeader_namesBothPositions() {
    InvalidInputException e = failure(write(dir, "d.csv", "id,name,id\n1,x,2\n"));
    assertThat(e.row()).isEqualTo(1);
    assertThat(e.column()).isEqualTo("id");
    assertThat(e.found()).isEqualTo("'id' at positions 1 and 3");
  }

  @Test
  void read_blankHeaderName_namesItsPosition() {
    InvalidInputException e = failure(write(dir, "b.csv", "id,,name\n1,2,3\n"));
    assertThat(e.row()).isEqualTo(1);
    assertThat(e.found()).isEqualTo("a blank name at position 2, after 'id'");
  }

  @Test
  void read_trailingDelimiterInHeader_hintsAtIt() {
    InvalidInputException e = failure(write(dir, "t.csv", "id,name,\n1,2,\n"));
    assertThat(e.hint()).contains("delimiter at the end of the header");
  }

  @Test
  void read_raggedRowAfterMultilineValue_namesRowAndLine() {
    Path f = write(dir, "r.csv", "a,b,c\n1,\"x\ny\",3\n4,5\n");
    InvalidInputException e = failure(f);
    assertThat(e.row()).isEqualTo(3);
    assertThat(e.line()).isEqualTo(4);
    assertThat(e.expected()).isEqualTo("3 fields, as in the header");
    assertThat(e.found()).startsWith("2 fields: 4,5");
    assertThat(e.hint()).contains("double quotes").contains("delimiter");
    assertThat(e.getMessage()).contains("row 3 (line 4)");
  }

  @Test
  void read_rowWithTooManyFields_countsThemAll() {
    InvalidInputException e = failure(write(dir, "r.csv", "a,b\n1,2\n3,4,5,6\n"));
    assertThat(e.row()).isEqualTo(3);
    assertThat(e.found()).startsWith("4 fields: 3,4");
  }

  @Test
  void read_unterminatedQuote_namesTheRowWhereItOpened() {
    Path f = write(dir, "u.csv", "a,b\n1,x\n2,\"never closed\n3,y\n4,z\n");
    InvalidInputException e = failure(f);
    assertThat(e.row()).isEqualTo(3);
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.column()).isEqualTo("b");
    assertThat(e.expected()).isEqualTo("a closing double quote");
    assertThat(e.found()).isEqualTo("the end of the file");
  }

  @Test
  @Timeout(20)
  void read_oneMegabyteLine_failsFastOnTheRecordLimit() {
    StringBuilder s = new StringBuilder("a,b\n1,");
    s.append("x".repeat(3_000_000)).append('\n');
    InvalidInputException e = failure(write(dir, "long.csv", s.toString()));
    assertThat(e.row()).isEqualTo(2);
    assertThat(e.expected()).isEqualTo("a record of at most 1000000 characters");
  }

  @Test
  void read_runawayQuote_hitsLimitAndHintsAtTheQuote() {
    StringBuilder s = new StringBuilder("a,b\n1,\"open\n");
    for (int i = 0; i < 200; i++) s.append(i).append(",value\n");
    InvalidInputException e =
        failure(write(dir, "q.csv", s.toString()), TestFiles.maxRecordChars(500));
    assertThat(e.row()).isEqualTo(2);
    assertThat(e.hint()).contains("opened on line 2");
  }

  @Test
  void read_givenDelimiterYieldingOneColumn_suggestsTheRealOne() {
    Path f = write(dir, "semi.csv", "name;price;qty\na;1;2\nb;2;3\n");
    InvalidInputException e = failure(f, TestFiles.delimiter(','));
    assertThat(e.row()).isEqualTo(1);
    assertThat(e.hint()).isEqualTo("the file looks ';'-delimited; set delimiter: ';'");
  }

  @Test
  void read_tsvThatIsReallyCsv_suggestsComma() {
    Path f = write(dir, "x.tsv", "name,price\na,1\nb,2\n");
    assertThat(failure(f).hint()).contains("','-delimited");
  }

  @Test
  void read_binaryFile_expectsText() {
    byte[] bytes = new byte[4096];
    for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) (i * 31);
    InvalidInputException e = failure(write(dir, "bin.csv", bytes));
    assertThat(e.expected()).isEqualTo("a text file (CSV/TSV)");
    assertThat(e.found()).startsWith("binary data");
  }

  @Test
  void read_excelFileNamedCsv_hintsToExport() {
    byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6};
    assertThat(failure(write(dir, "sheet.csv", zip)).hint()).contains("Excel");
  }

  @Test
  void read_missingFile_failsWithPath() {
    InvalidInputException e = failure(dir.resolve("nope.csv"));
    assertThat(e.found()).isEqualTo("no such file");
    assertThat(e.file()).isEqualTo(dir.resolve("nope.csv"));
  }

  @Test
  void read_directory_fails() throws Exception {
    Path sub = Files.createDirectory(dir.resolve("sub.csv"));
    assertThat(failure(sub).found()).isEqualTo("a directory");
  }

  @Test
  void read_unknownFormat_failsOnTheKey() {
    InvalidInputException e = failure(write(dir, "a.csv", "a\n1\n"), TestFiles.format("xlsx"));
    assertThat(e.key()).isEqualTo("format");
    assertThat(e.found()).isEqualTo("xlsx");
  }

  @Test
  void read_truncatedGzip_fails() {
    byte[] gz = TestFiles.gzip("a,b\n1,2\n3,4\n".repeat(1000).getBytes());
    byte[] cut = java.util.Arrays.copyOf(gz, gz.length / 2);
    InvalidInputException e = failure(write(dir, "cut.csv.gz", cut));
    assertThat(e.expected()).isEqualTo("a complete gzip file");
  }

  @Test
  void read_typeOverrideForUnknownColumn_suggestsTheClosest() {
    Path f = write(dir, "a.csv", "customerID,age\nx,1\n");
    InvalidInputException e = failure(f, TestFiles.types(Map.of("customerId", ColumnType.TEXT)));
    assertThat(e.key()).isEqualTo("types.customerId");
    assertThat(e.hint()).isEqualTo("did you mean 'customerID'?");
  }
}
