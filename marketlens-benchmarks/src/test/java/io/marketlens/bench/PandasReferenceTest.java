package io.marketlens.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.marketlens.bench.IngestReport.Measurement;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PandasReferenceTest {

  // What ingest_pandas.py prints (progress lines go to stderr; stdout may carry stray lines).
  private static final String OUTPUT =
      "some warning printed by a library\n"
          + "{\"python\": \"3.11.2\", \"executable\": \"/usr/bin/python3\","
          + " \"omp_wait_policy\": \"PASSIVE\", \"pandas\": \"1.5.3\", \"numpy\": \"1.24.2\","
          + " \"repeat\": 3, \"files\": [{\"path\": \"/data/online_retail.csv.gz\","
          + " \"rows\": 541909, \"columns\": 8, \"default\": {\"runs_s\": [1.2, 1.0, 1.1],"
          + " \"cpu_s\": [1.1, 1.0, 1.0], \"dtypes\": {\"InvoiceNo\": \"object\","
          + " \"Quantity\": \"int64\", \"InvoiceDate\": \"object\"}, \"datetime_columns\": []},"
          + " \"parse_dates\": {\"columns\": [\"InvoiceDate\"], \"runs_s\": [1.5, 1.4, 1.6],"
          + " \"cpu_s\": [1.5, 1.4, 1.6], \"dtypes\": {\"InvoiceNo\": \"object\","
          + " \"Quantity\": \"int64\", \"InvoiceDate\": \"datetime64[ns]\"},"
          + " \"datetime_columns\": [\"InvoiceDate\"]}}]}\n";

  @Test
  void parse_scriptOutput_readsVersionsTimingsAndTypes() throws Exception {
    PandasReference.Run run = PandasReference.parse(OUTPUT);
    assertThat(run.versions().pandas()).isEqualTo("1.5.3");
    assertThat(run.versions().numpy()).isEqualTo("1.24.2");
    assertThat(run.versions().python()).isEqualTo("3.11.2");
    assertThat(run.versions().ompWaitPolicy()).isEqualTo("PASSIVE");
    assertThat(run.files()).hasSize(1);
    Measurement d = run.files().get(0).defaults();
    assertThat(d.rows()).isEqualTo(541_909);
    assertThat(d.timing().runsSeconds()).containsExactly(1.2, 1.0, 1.1);
    assertThat(d.timing().bestSeconds()).isEqualTo(1.0);
    assertThat(d.timing().medianSeconds()).isEqualTo(1.1);
    assertThat(d.timing().cpuPerWall()).isCloseTo(3.1 / 3.3, within(1e-9));
    assertThat(d.rowsPerSecondMedian()).isCloseTo(541_909 / 1.1, within(1e-6));
    assertThat(d.columnTypes()).containsEntry("InvoiceDate", "object").hasSize(3);
    assertThat(d.dateColumns()).isEmpty();
    Measurement p = run.files().get(0).parseDates();
    assertThat(p.dateColumns()).containsExactly("InvoiceDate");
    assertThat(p.timing().medianSeconds()).isEqualTo(1.5);
  }

  @Test
  void parse_noParseDatesRun_givesNull() throws Exception {
    String out =
        "{\"pandas\": \"2.2.0\", \"files\": [{\"path\": \"x.csv\", \"rows\": 10, \"default\":"
            + " {\"runs_s\": [0.5, 0.25], \"dtypes\": {}, \"datetime_columns\": []},"
            + " \"parse_dates\": null}]}";
    PandasReference.Run run = PandasReference.parse(out);
    assertThat(run.files().get(0).parseDates()).isNull();
    assertThat(run.files().get(0).defaults().timing().medianSeconds()).isEqualTo(0.375);
    assertThat(run.files().get(0).defaults().timing().cpuPerWall()).isNaN();
  }

  @Test
  void parse_errorLine_throwsWithTheReasonAndTheInstallHint() {
    String out =
        "{\"python\": \"3.11.2\", \"executable\": \"/usr/bin/python3\", \"error\": \"cannot import"
            + " pandas: ModuleNotFoundError: No module named 'pandas'\"}\n";
    assertThatThrownBy(() -> PandasReference.parse(out))
        .isInstanceOf(PandasReference.UnavailableException.class)
        .hasMessageContaining("No module named 'pandas'")
        .hasMessageContaining("apt-get install -y python3-pandas");
  }

  @Test
  void parse_noJson_throws() {
    assertThatThrownBy(() -> PandasReference.parse("Traceback (most recent call last):\n  ...\n"))
        .isInstanceOf(PandasReference.UnavailableException.class)
        .hasMessageContaining("no JSON line");
    assertThatThrownBy(() -> PandasReference.parse(""))
        .isInstanceOf(PandasReference.UnavailableException.class);
  }

  @Test
  void spec_namesEveryFileAndItsDateColumns() throws Exception {
    String spec =
        PandasReference.spec(
            List.of(
                new PandasReference.FileSpec(Path.of("/d/a.csv"), List.of("created_at")),
                new PandasReference.FileSpec(Path.of("/d/b.csv.gz"), List.of())),
            3);
    assertThat(spec)
        .isEqualTo(
            "{\"repeat\":3,\"files\":[{\"path\":\"/d/a.csv\",\"parse_dates\":[\"created_at\"]},"
                + "{\"path\":\"/d/b.csv.gz\",\"parse_dates\":[]}]}");
  }

  @Test
  void run_missingInterpreter_throwsWithTheInstallHint(@TempDir Path dir) throws IOException {
    Path script = PandasReference.extractScript(dir);
    assertThat(Files.readString(script)).contains("pandas.read_csv");
    PrintStream err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    assertThatThrownBy(
            () ->
                PandasReference.run(
                    dir.resolve("no-such-python"),
                    script,
                    List.of(new PandasReference.FileSpec(dir.resolve("x.csv"), List.of())),
                    1,
                    err))
        .isInstanceOf(PandasReference.UnavailableException.class)
        .hasMessageContaining("cannot start")
        .hasMessageContaining("apt-get install -y python3-pandas");
  }
}
