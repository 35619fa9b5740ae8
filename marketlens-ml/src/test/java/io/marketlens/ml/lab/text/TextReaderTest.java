package io.marketlens.ml.lab.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketlens.core.progress.Progress;
import io.marketlens.core.validate.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextReaderTest {

  @TempDir Path dir;

  @Test
  void headerFile_readsTextAndLabelAsWritten() {
    TextRows rows =
        TextReader.read(
            TextTestData.sst2(),
            new TextColumns("sentence", "label", null, false),
            false,
            Progress.NONE);
    assertThat(rows.size()).isEqualTo(300);
    assertThat(rows.texts().get(0)).startsWith("it 's a charming");
    assertThat(rows.labels()).containsOnly("0", "1");
    assertThat(rows.rowNumbers()[0]).isEqualTo(2);
    assertThat(rows.ids()).isNull();
  }

  @Test
  void headerFile_missingColumn_namesTheClosest() {
    assertThatThrownBy(
            () ->
                TextReader.read(
                    TextTestData.sst2(),
                    new TextColumns("sentense", "label", null, false),
                    false,
                    Progress.NONE))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("column 'sentense'")
        .hasMessageContaining("did you mean 'sentence'");
  }

  @Test
  void headerFile_optionalIdMayBeAbsent() {
    TextRows rows =
        TextReader.read(
            TextTestData.sst2(),
            new TextColumns("sentence", null, "id", false),
            true,
            Progress.NONE);
    assertThat(rows.ids()).isNull();
    assertThat(rows.labels()).isNull();
  }

  @Test
  void noHeader_columnsByPosition() {
    TextRows rows =
        TextReader.read(
            TextTestData.thucnewsTrain(), TextTestData.thucnewsColumns(), false, Progress.NONE);
    assertThat(rows.size()).isEqualTo(1000);
    assertThat(rows.labels().stream().filter("0"::equals).count()).isEqualTo(100);
    assertThat(rows.rowNumbers()[0]).isEqualTo(1);
  }

  @Test
  void noHeader_badPosition_isAnInputError() {
    assertThatThrownBy(
            () ->
                TextReader.read(
                    TextTestData.thucnewsTrain(),
                    new TextColumns("title", "2", null, true),
                    false,
                    Progress.NONE))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("a column position from 1 to 2");
  }

  @Test
  void noHeader_csvWithQuotes_blankLinesSkipped() throws IOException {
    Path f = dir.resolve("t.csv");
    Files.writeString(f, "\"good, very\",pos\n\nbad,neg\n");
    TextRows rows = TextReader.read(f, new TextColumns("1", "2", null, true), false, Progress.NONE);
    assertThat(rows.texts()).containsExactly("good, very", "bad");
    assertThat(rows.labels()).containsExactly("pos", "neg");
    assertThat(rows.rowNumbers()).containsExactly(1, 3);
  }

  @Test
  void blankLabel_namesTheRow() throws IOException {
    Path f = dir.resolve("t.tsv");
    Files.writeString(f, "a\tx\nb\t \n");
    assertThatThrownBy(
            () -> TextReader.read(f, new TextColumns("1", "2", null, true), false, Progress.NONE))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("row 2")
        .hasMessageContaining("expected a label");
  }

  @Test
  void emptyFile_isAnInputError() throws IOException {
    Path f = dir.resolve("empty.txt");
    Files.writeString(f, "\n");
    assertThatThrownBy(
            () -> TextReader.read(f, new TextColumns("1", "2", null, true), false, Progress.NONE))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("empty file");
    Path g = dir.resolve("empty.csv");
    Files.writeString(g, "");
    assertThatThrownBy(
            () ->
                TextReader.read(
                    g, new TextColumns("text", "label", null, false), false, Progress.NONE))
        .isInstanceOf(InvalidInputException.class);
  }
}
