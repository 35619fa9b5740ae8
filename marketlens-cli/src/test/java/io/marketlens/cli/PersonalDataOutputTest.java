package io.marketlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No raw personal data from the input reaches any file under the output directory. */
class PersonalDataOutputTest {

  @TempDir Path tmp;

  private static final List<String> RAW =
      List.of(
          "mary.smith@example.com",
          "li.wei@example.cn",
          "james.o'brien@example.org",
          "+44 20 7946 0958",
          "13812345678",
          "+86 139 1234 5678",
          "(415) 555-0132",
          "Mary Smith",
          "James O'Brien",
          "Wei Li",
          "Sofia Rossi",
          "Ahmed Khan",
          "11010519491231002X",
          "110105198001011238",
          "440301199003074415");

  @Test
  void analyze_tableWithEmailsPhonesAndNames_noRawValueUnderOut() throws Exception {
    Path project = Files.createDirectories(tmp.resolve("p"));
    String csv =
        """
        customer_id,full_name,email,phone,national_id,plan,note,Churn
        C001,Mary Smith,mary.smith@example.com,+44 20 7946 0958,11010519491231002X,basic,call me on 13812345678 after 6pm,No
        C002,James O'Brien,james.o'brien@example.org,(415) 555-0132,110105198001011238,pro,prefers e-mail li.wei@example.cn,Yes
        C003,Wei Li,li.wei@example.cn,13812345678,440301199003074415,basic,no notes,No
        C004,Sofia Rossi,sofia.rossi@example.it,+86 139 1234 5678,11010519491231002X,pro,asked about pricing,No
        C005,Ahmed Khan,ahmed.khan@example.com,+44 20 7946 0959,440301199003074415,basic,wrote from mary.smith@example.com,Yes
        """;
    Files.writeString(project.resolve("customers.csv"), csv);
    Files.writeString(
        project.resolve("marketlens.yaml"),
        "data:\n  customers:\n    path: customers.csv\n    id: customer_id\n    churn: Churn\n");
    Path out = tmp.resolve("out");

    CliRun run =
        CliRun.of(
            "analyze",
            "--config",
            project.resolve("marketlens.yaml").toString(),
            "--out",
            out.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    try (Stream<Path> files = Files.walk(out)) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        String text = Files.readString(f, StandardCharsets.UTF_8);
        for (String raw : RAW) {
          assertThat(text).as("%s must not contain %s", f, raw).doesNotContain(raw);
          assertThat(text)
              .as("%s must not contain %s (HTML-escaped)", f, raw)
              .doesNotContain(raw.replace("'", "&#39;"));
        }
      }
    }
    for (String raw : RAW) assertThat(run.out() + run.err()).doesNotContain(raw);
  }
}
