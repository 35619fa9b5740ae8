package io.marketlens.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticCsvTest {

  private static final Pattern ROW =
      Pattern.compile(
          "\\d{8},\\d+\\.\\d\\d,2023-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,"
              + "(web|store|app|phone|partner),(Yes|No),"
              + "([a-z]+ [a-z]+|\"[a-z]+ [a-z]+, [a-z0-9 ]+\"),-?\\d{1,2},(0\\.\\d\\d)?");

  private static byte[] bytes(long rows, long seed) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SyntheticCsv.Written w = SyntheticCsv.write(out, rows, seed);
    assertThat(w.bytes()).isEqualTo(out.size());
    assertThat(w.rows()).isEqualTo(rows);
    return out.toByteArray();
  }

  @Test
  void write_sameSeed_sameBytes() throws IOException {
    assertThat(bytes(5_000, 42)).isEqualTo(bytes(5_000, 42));
  }

  @Test
  void write_otherSeed_otherBytes() throws IOException {
    assertThat(bytes(1_000, 42)).isNotEqualTo(bytes(1_000, 43));
  }

  @Test
  void write_smallSize_headerAndOneLinePerRowOfTheExpectedShape() throws IOException {
    String text = new String(bytes(2_000, 7), StandardCharsets.US_ASCII);
    List<String> lines = text.lines().toList();
    assertThat(text).endsWith("\n");
    assertThat(lines).hasSize(2_001);
    assertThat(lines.get(0) + "\n").isEqualTo(SyntheticCsv.HEADER);
    assertThat(lines.get(0).split(",")).hasSize(SyntheticCsv.COLUMNS);
    assertThat(lines.get(1)).startsWith("10000001,");
    assertThat(lines.get(2_000)).startsWith("10002000,");
    for (String line : lines.subList(1, lines.size())) assertThat(line).matches(ROW);
    // The mix the Javadoc promises shows up even in 2,000 rows.
    assertThat(lines).anyMatch(l -> l.endsWith(","));
    assertThat(lines).anyMatch(l -> l.contains("\""));
    assertThat(lines).anyMatch(l -> l.contains(",-"));
  }

  @Test
  void write_categoricalColumn_fewDistinctValues() throws IOException {
    String text = new String(bytes(3_000, 1), StandardCharsets.US_ASCII);
    Set<String> channels = Set.copyOf(text.lines().skip(1).map(l -> l.split(",")[3]).toList());
    assertThat(channels).containsExactlyInAnyOrder("web", "store", "app", "phone", "partner");
  }

  @Test
  void ensure_existingFileWithMatchingChecksum_isReused(@TempDir Path dir) throws IOException {
    PrintStream log = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    SyntheticCsv.Written first = SyntheticCsv.ensure(dir, 500, 42, log);
    assertThat(first.file()).hasFileName(SyntheticCsv.fileName(500, 42));
    assertThat(Files.size(first.file())).isEqualTo(first.bytes());
    assertThat(SyntheticCsv.sha256(first.file())).isEqualTo(first.sha256());
    long modified = Files.getLastModifiedTime(first.file()).toMillis();

    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    SyntheticCsv.Written again =
        SyntheticCsv.ensure(dir, 500, 42, new PrintStream(captured, true, StandardCharsets.UTF_8));
    assertThat(again).isEqualTo(first);
    assertThat(captured.toString(StandardCharsets.UTF_8)).contains("reusing");
    assertThat(Files.getLastModifiedTime(first.file()).toMillis()).isEqualTo(modified);
  }

  @Test
  void ensure_corruptedFile_isWrittenAgain(@TempDir Path dir) throws IOException {
    PrintStream log = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    SyntheticCsv.Written first = SyntheticCsv.ensure(dir, 500, 42, log);
    byte[] b = Files.readAllBytes(first.file());
    b[100] = (byte) (b[100] == '1' ? '2' : '1');
    Files.write(first.file(), b);
    SyntheticCsv.Written again = SyntheticCsv.ensure(dir, 500, 42, log);
    assertThat(again.sha256()).isEqualTo(first.sha256());
    assertThat(SyntheticCsv.sha256(first.file())).isEqualTo(first.sha256());
  }
}
