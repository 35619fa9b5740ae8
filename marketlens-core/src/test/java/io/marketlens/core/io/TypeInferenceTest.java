package io.marketlens.core.io;

import static io.marketlens.core.io.TestFiles.failure;
import static io.marketlens.core.io.TestFiles.read;
import static io.marketlens.core.io.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.marketlens.core.table.Column;
import io.marketlens.core.table.ColumnType;
import io.marketlens.core.table.Table;
import io.marketlens.core.validate.InvalidInputException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TypeInferenceTest {

  @TempDir Path dir;

  /** Reads a one-column CSV with header {@code v} and the given values, one per line. */
  private Column column(String... values) {
    return read(write(dir, "c.csv", "v\n" + String.join("\n", values) + "\n")).table().column("v");
  }

  private ReadResult readColumn(String... values) {
    return read(write(dir, "c.csv", "v\n" + String.join("\n", values) + "\n"));
  }

  @Test
  void infer_wholeNumbers_isInteger() {
    Column c = column("12", "-3", "+7", " 40 ", "9223372036854775807");
    assertThat(c.type()).isEqualTo(ColumnType.INTEGER);
    assertThat(c.getLong(3)).isEqualTo(40);
    assertThat(c.getLong(4)).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void infer_integerTooLargeForLong_isDecimal() {
    Column c = column("1", "92233720368547758070");
    assertThat(c.type()).isEqualTo(ColumnType.DECIMAL);
    assertThat(c.getDouble(1)).isEqualTo(9.223372036854775807e19);
  }

  @Test
  void infer_zerosAndOnes_isBoolean() {
    Column c = column("0", "1", "1", "NA");
    assertThat(c.type()).isEqualTo(ColumnType.BOOLEAN);
    assertThat(c.getBoolean(1)).isTrue();
    assertThat(c.isMissing(3)).isTrue();
  }

  @Test
  void infer_onlyZeros_isInteger() {
    assertThat(column("0", "0").type()).isEqualTo(ColumnType.INTEGER);
  }

  @Test
  void infer_decimals_parseExactly() {
    Column c = column("2.55", "0.1", "1e3", "-.5", "3.", "123456789.123456789");
    assertThat(c.type()).isEqualTo(ColumnType.DECIMAL);
    assertThat(c.getDouble(0)).isEqualTo(2.55);
    assertThat(c.getDouble(1)).isEqualTo(0.1);
    assertThat(c.getDouble(2)).isEqualTo(1000.0);
    assertThat(c.getDouble(3)).isEqualTo(-0.5);
    assertThat(c.getDouble(4)).isEqualTo(3.0);
    assertThat(c.getDouble(5)).isEqualTo(123456789.123456789);
  }

  @ParameterizedTest
  @CsvSource({"Infinity", "-inf", "inf", "+INF"})
  void infer_infinityAmongNumbers_failsExpectingAFiniteNumber(String token) {
    InvalidInputException e = failure(write(dir, "i.csv", "x,v\na,1.5\nb," + token + "\nc,2\n"));
    assertThat(e.row()).isEqualTo(3);
    assertThat(e.column()).isEqualTo("v");
    assertThat(e.expected()).isEqualTo("a finite number");
    assertThat(e.found()).isEqualTo(token);
  }

  @Test
  void infer_missingTokensAndBlanks_areMissing() {
    Column c = column("1.5", "NA", "N/A", "NULL", "NaN", " ", "null", "2");
    assertThat(c.type()).isEqualTo(ColumnType.DECIMAL);
    assertThat(c.missingCount()).isEqualTo(6);
  }

  @Test
  void infer_customMissingTokens_replaceTheDefaults() {
    ReadOptions o =
        new ReadOptions(null, null, null, Map.of(), Map.of(), java.util.Set.of("-", "?"), 0);
    Table t = read(write(dir, "m.csv", "v\n1\n-\n?\n"), o).table();
    assertThat(t.column("v").type()).isEqualTo(ColumnType.INTEGER);
    assertThat(t.column("v").missingCount()).isEqualTo(2);
  }

  @Test
  void infer_leadingZeroCodes_stayStrings() {
    Column c = column("02134", "10001", "00501");
    assertThat(c.type()).isEqualTo(ColumnType.CATEGORICAL);
    assertThat(c.getString(0)).isEqualTo("02134");
  }

  @ParameterizedTest
  @CsvSource({"Yes,No", "yes,no", "Y,N", "true,false", "True,False", "TRUE,FALSE"})
  void infer_yesNoPair_isBoolean(String yes, String no) {
    Column c = column(yes, no, no, " ");
    assertThat(c.type()).isEqualTo(ColumnType.BOOLEAN);
    assertThat(c.getBoolean(0)).isTrue();
    assertThat(c.getBoolean(1)).isFalse();
  }

  @Test
  void infer_mixedBooleanSpellings_isCategorical() {
    assertThat(column("Yes", "no", "Yes").type()).isEqualTo(ColumnType.CATEGORICAL);
  }

  @Test
  void infer_oneValueOfAPair_isBoolean() {
    assertThat(column("No", "No").type()).isEqualTo(ColumnType.BOOLEAN);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2024-01-31|2024-02-01|2024-01-31",
        "2024/01/31|2024/2/1|2024-01-31",
        "31/01/2024|01/02/2024|2024-01-31",
        "01/31/2024|02/01/2024|2024-01-31",
        "31.01.2024|1.2.2024|2024-01-31",
        "31-01-2024|01-02-2024|2024-01-31"
      })
  void infer_dateFormats_areRecognised(String first, String second, String expected) {
    Column c = column(first, second);
    assertThat(c.type()).isEqualTo(ColumnType.DATE);
    assertThat(c.getDate(0)).isEqualTo(LocalDate.parse(expected));
  }

  @Test
  void infer_monthStrings_areDatesOnTheFirst() {
    Column c = column("2024-01", "2024-12");
    assertThat(c.type()).isEqualTo(ColumnType.DATE);
    assertThat(c.getDate(1)).isEqualTo(LocalDate.of(2024, 12, 1));
  }

  @Test
  void infer_dateTimes_inSeveralSpellings() {
    Column c =
        column(
            "2010-12-01 08:26",
            "2010-12-01 8:26:30",
            "2010-12-01T08:26:30Z",
            "2010-12-01",
            "2010-12-01T23:59:59.250");
    assertThat(c.type()).isEqualTo(ColumnType.DATETIME);
    assertThat(c.getDateTime(0)).isEqualTo(LocalDateTime.of(2010, 12, 1, 8, 26));
    assertThat(c.getDateTime(1)).isEqualTo(LocalDateTime.of(2010, 12, 1, 8, 26, 30));
    assertThat(c.getDateTime(2)).isEqualTo(LocalDateTime.of(2010, 12, 1, 8, 26, 30));
    assertThat(c.getDateTime(3)).isEqualTo(LocalDateTime.of(2010, 12, 1, 0, 0));
    assertThat(c.getDateTime(4)).isEqualTo(LocalDateTime.of(2010, 12, 1, 23, 59, 59));
  }

  @Test
  void infer_ambiguousSlashDates_areMonthFirstWithAWarning() {
    ReadResult r = readColumn("01/02/2024", "03/04/2024");
    assertThat(r.table().column("v").getDate(0)).isEqualTo(LocalDate.of(2024, 1, 2));
    assertThat(r.report().warnings()).anyMatch(w -> w.contains("read as MM/dd/yyyy"));
  }

  @Test
  void infer_datesInTwoFormats_failsAtTheRowThatSwitches() {
    InvalidInputException e =
        failure(write(dir, "d.csv", "v\n2024-01-31\n2024-02-01\n01/03/2024\n"));
    assertThat(e.row()).isEqualTo(4);
    assertThat(e.column()).isEqualTo("v");
    assertThat(e.expected()).isEqualTo("dates in one format (yyyy-MM-dd, as in row 2)");
    assertThat(e.found()).isEqualTo("01/03/2024");
    assertThat(e.hint()).contains("dd/MM/yyyy or MM/dd/yyyy").contains("dateFormats");
  }

  @Test
  void infer_dayFirstAndMonthFirstSlashDates_failsAsTwoFormats() {
    InvalidInputException e =
        failure(write(dir, "d.csv", "v\n13/01/2024\n01/02/2024\n01/13/2024\n"));
    assertThat(e.row()).isEqualTo(4);
    assertThat(e.expected()).contains("dd/MM/yyyy");
    assertThat(e.hint()).contains("MM/dd/yyyy");
  }

  @Test
  void infer_datesThenText_isAStringColumnNotAnError() {
    assertThat(column("2024-01-31", "01/03/2024", "soon").type()).isEqualTo(ColumnType.CATEGORICAL);
  }

  @Test
  void infer_impossibleDate_isTextWithAWarning() {
    ReadResult r = readColumn("2024-01-31", "2024-02-30");
    assertThat(r.table().column("v").type()).isEqualTo(ColumnType.CATEGORICAL);
    assertThat(r.report().warnings()).anyMatch(w -> w.contains("'2024-02-30'"));
  }

  @Test
  void infer_fewDistinctShortValues_isCategorical_manyIsText() {
    StringBuilder s = new StringBuilder("few,many,long\n");
    for (int i = 0; i < 100; i++) {
      s.append("c").append(i % 5).append(",id-").append(i).append(',');
      s.append("a fairly long sentence that goes on and on for a while ")
          .append(i % 3)
          .append('\n');
    }
    Table t = read(write(dir, "s.csv", s.toString())).table();
    assertThat(t.column("few").type()).isEqualTo(ColumnType.CATEGORICAL);
    assertThat(t.column("many").type()).isEqualTo(ColumnType.TEXT);
    assertThat(t.column("long").type()).isEqualTo(ColumnType.TEXT);
    assertThat(t.column("few").getString(7)).isSameAs(t.column("few").getString(2));
  }

  @Test
  void infer_numbersThenText_isStringWithAWarningNamingTheRow() {
    String[] values = new String[13];
    for (int i = 0; i < 12; i++) values[i] = Integer.toString(536365 + i);
    values[12] = "C536379";
    ReadResult r = readColumn(values);
    assertThat(r.table().column("v").type()).isEqualTo(ColumnType.CATEGORICAL);
    assertThat(r.report().warnings())
        .containsExactly(
            "column 'v': numbers until row 14, which holds 'C536379'; read as categorical");
  }

  @Test
  void infer_codesAfterOneNumber_areStringsWithoutWarning() {
    ReadResult r = readColumn("1", "A2", "B3");
    assertThat(r.table().column("v").type()).isEqualTo(ColumnType.CATEGORICAL);
    assertThat(r.report().warnings()).isEmpty();
  }

  @Test
  void infer_allMissing_isText() {
    Column c = column("NA", " ", "NULL");
    assertThat(c.type()).isEqualTo(ColumnType.TEXT);
    assertThat(c.missingCount()).isEqualTo(3);
  }

  @Test
  void infer_stringValues_keepTheirSpaces() {
    assertThat(column(" a", "b ").getString(0)).isEqualTo(" a");
  }

  @Test
  void override_integerWithBadValue_failsNamingRowAndColumn() {
    Path f = write(dir, "o.csv", "id,age\n1,30\n2,31.0\n3,old\n");
    InvalidInputException e = failure(f, TestFiles.types(Map.of("age", ColumnType.INTEGER)));
    assertThat(e.row()).isEqualTo(4);
    assertThat(e.column()).isEqualTo("age");
    assertThat(e.expected()).startsWith("an integer");
    assertThat(e.found()).isEqualTo("old");
  }

  @Test
  void override_types_winOverInference() {
    Path f =
        write(
            dir,
            "o.csv",
            "zip,flag,score,code,when,note\n02134,yes,1,7,2024-01-31 10:00,x\n"
                + "10001,F,2,8,2024-02-01,y\n");
    Map<String, ColumnType> types =
        Map.of(
            "zip", ColumnType.CATEGORICAL,
            "flag", ColumnType.BOOLEAN,
            "score", ColumnType.DECIMAL,
            "code", ColumnType.TEXT,
            "when", ColumnType.DATE,
            "note", ColumnType.TEXT);
    Table t = read(f, TestFiles.types(types)).table();
    assertThat(t.column("zip").getString(0)).isEqualTo("02134");
    assertThat(t.column("flag").type()).isEqualTo(ColumnType.BOOLEAN);
    assertThat(t.column("flag").getBoolean(1)).isFalse();
    assertThat(t.column("score").type()).isEqualTo(ColumnType.DECIMAL);
    assertThat(t.column("code").type()).isEqualTo(ColumnType.TEXT);
    assertThat(t.column("when").type()).isEqualTo(ColumnType.DATE);
    assertThat(t.column("when").getDate(0)).isEqualTo(LocalDate.of(2024, 1, 31));
  }

  @Test
  void override_booleanWithOtherWord_fails() {
    Path f = write(dir, "b.csv", "v\nyes\nmaybe\n");
    InvalidInputException e = failure(f, TestFiles.types(Map.of("v", ColumnType.BOOLEAN)));
    assertThat(e.row()).isEqualTo(3);
    assertThat(e.found()).isEqualTo("maybe");
  }

  @Test
  void override_dateWithNonDate_fails() {
    Path f = write(dir, "b.csv", "v\n2024-01-31\nlater\n");
    InvalidInputException e = failure(f, TestFiles.types(Map.of("v", ColumnType.DATE)));
    assertThat(e.row()).isEqualTo(3);
    assertThat(e.expected()).startsWith("a date");
  }

  @Test
  void dateFormats_pattern_isUsed() {
    Path f = write(dir, "p.csv", "v\n01/02/2024\n03/04/2024\n");
    Table t = read(f, TestFiles.dateFormats(Map.of("v", "dd/MM/yyyy"))).table();
    assertThat(t.column("v").type()).isEqualTo(ColumnType.DATE);
    assertThat(t.column("v").getDate(0)).isEqualTo(LocalDate.of(2024, 2, 1));
  }

  @Test
  void dateFormats_patternWithTime_givesDateTime() {
    Path f = write(dir, "p.csv", "v\n31.01.2024 10h05\n");
    Table t = read(f, TestFiles.dateFormats(Map.of("v", "dd.MM.yyyy HH'h'mm"))).table();
    assertThat(t.column("v").getDateTime(0)).isEqualTo(LocalDateTime.of(2024, 1, 31, 10, 5));
  }

  @Test
  void dateFormats_valueNotMatching_failsNamingThePattern() {
    Path f = write(dir, "p.csv", "v\n01/02/2024\n2024-03-04\n");
    InvalidInputException e = failure(f, TestFiles.dateFormats(Map.of("v", "dd/MM/yyyy")));
    assertThat(e.row()).isEqualTo(3);
    assertThat(e.expected()).contains("'dd/MM/yyyy'");
  }

  @Test
  void dateFormats_invalidPattern_fails() {
    Path f = write(dir, "p.csv", "v\n01/02/2024\n");
    InvalidInputException e = failure(f, TestFiles.dateFormats(Map.of("v", "dd/MM/yyyy{")));
    assertThat(e.column()).isEqualTo("v");
    assertThat(e.found()).isEqualTo("dd/MM/yyyy{");
  }

  @Test
  void convert_errorsInTwoColumns_reportTheEarliestRow() {
    Path f = write(dir, "two.csv", "a,b\n1,1\n2,inf\ninf,3\n");
    assertThat(failure(f).row()).isEqualTo(3);
  }
}
