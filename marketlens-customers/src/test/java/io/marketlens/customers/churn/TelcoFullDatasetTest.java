package io.marketlens.customers.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.marketlens.core.table.Column;
import io.marketlens.core.table.Table;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The acceptance figures on the full IBM Telco set (7,043 customers; 1,409 in the test split) with
 * seed 42. Runs where shared/datasets sits beside the repository (development machines and CI), and
 * is skipped elsewhere.
 */
class TelcoFullDatasetTest {

  @Test
  void run_fullTelco_seed42_meetsTheAcceptanceBar() {
    assumeTrue(Files.isRegularFile(DemoCustomers.FULL_TELCO), "shared Telco data set not present");
    Table t = DemoCustomers.read(DemoCustomers.FULL_TELCO);
    ChurnResult r = ChurnAnalysis.run(t, ChurnOptions.defaults("customerID", "Churn"));
    assertThat(r.testRows()).isEqualTo(1409);
    assertThat(r.test().rocAuc()).isGreaterThanOrEqualTo(0.85);
    assertThat(r.candidates()).allMatch(c -> !c.failed() && c.test().rocAuc() > 0.84);
    assertThat(r.calibration().eceAfter()).isBetween(0.0, 0.05);
    List<String> top = r.drivers().stream().limit(3).map(ChurnDriver::column).toList();
    assertThat(top).contains("Contract", "tenure");

    Column contract = t.column("Contract");
    int[] monthly =
        IntStream.range(0, t.rowCount())
            .filter(i -> "Month-to-month".equals(contract.getString(i)))
            .toArray();
    List<Reason> segment = r.driversFor(monthly);
    Reason first = segment.get(0);
    assertThat(first.column()).isEqualTo("Contract");
    assertThat(first.logOdds()).isPositive();
  }
}
