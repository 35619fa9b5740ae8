package io.marketlens.customers.churn;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketlens.core.table.Column;
import io.marketlens.core.table.Table;
import io.marketlens.ml.tabular.BinaryClassifier;
import io.marketlens.ml.tabular.GradientBoostedTrees;
import io.marketlens.ml.tabular.LogisticRegression;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The whole analysis on the bundled 1,000-customer Telco slice (200 test customers). */
class ChurnAnalysisTest {

  private static Table customers;
  private static ChurnResult result;

  @BeforeAll
  static void run() {
    customers = DemoCustomers.table();
    result = ChurnAnalysis.run(customers, ChurnOptions.defaults("customerID", "Churn"));
  }

  @Test
  void run_telcoSlice_rankWellAboveChanceOnHeldOutCustomers() {
    assertThat(result.testRows()).isEqualTo(200);
    assertThat(result.trainRows()).isEqualTo(600);
    assertThat(result.validationRows()).isEqualTo(200);
    assertThat(result.test().rocAuc()).isGreaterThan(0.78);
    assertThat(result.test().prAuc()).isGreaterThan(0.5); // churn rate is 0.26
    assertThat(result.churnRate()).isBetween(0.2, 0.3);
  }

  @Test
  void run_reportsEveryCandidate_andKeepsTheBestOnValidation() {
    assertThat(result.candidates())
        .extracting(CandidateResult::name)
        .containsExactly(LogisticRegression.NAME, GradientBoostedTrees.NAME, "mlp");
    assertThat(result.candidates()).noneMatch(CandidateResult::failed);
    assertThat(result.candidates()).allMatch(c -> c.test().rocAuc() > 0.75);
    double bestValidation =
        result.candidates().stream()
            .mapToDouble(CandidateResult::validationAuc)
            .max()
            .orElseThrow();
    assertThat(result.chosenCandidate().validationAuc()).isEqualTo(bestValidation);
    assertThat(result.model().classifier()).isEqualTo(result.chosen());
  }

  @Test
  void run_calibration_keepsOrLowersTheCalibrationError() {
    assertThat(result.calibration().method()).isIn("platt", "isotonic");
    assertThat(result.calibration().eceAfter())
        .isLessThanOrEqualTo(result.calibration().eceBefore());
    assertThat(result.test().ece()).isEqualTo(result.calibration().eceAfter());
  }

  @Test
  void run_drivers_includeContractAndTenure_inPlainWords() {
    List<String> top = result.drivers().stream().limit(3).map(ChurnDriver::column).toList();
    assertThat(top).contains("Contract", "tenure");
    ChurnDriver contract =
        result.drivers().stream()
            .filter(d -> d.column().equals("Contract"))
            .findFirst()
            .orElseThrow();
    assertThat(contract.direction())
        .startsWith("Contract = Month-to-month: churn ")
        .contains("otherwise");
    assertThat(result.features()).doesNotContain("customerID", "Churn");
    assertThat(result.dropped()).extracting(DroppedColumn::column).contains("customerID", "Churn");
  }

  @Test
  void run_highestRisk_areCurrentCustomersWithUpToThreeReasons() {
    List<CustomerRisk> risky = result.highestRisk();
    assertThat(risky).hasSize(20);
    Column churn = customers.column("Churn");
    for (int k = 0; k < risky.size(); k++) {
      CustomerRisk r = risky.get(k);
      assertThat(churn.getBoolean(r.row())).isFalse();
      assertThat(customers.column("customerID").getString(r.row())).isEqualTo(r.id());
      assertThat(r.reasons()).hasSizeBetween(1, 3).allMatch(reason -> reason.logOdds() > 0);
      if (k > 0) assertThat(r.probability()).isLessThanOrEqualTo(risky.get(k - 1).probability());
    }
  }

  @Test
  void score_givesCalibratedProbabilitiesForEveryCustomer() {
    double[] p = result.score(customers);
    assertThat(p).hasSize(customers.rowCount());
    assertThat(Arrays.stream(p).allMatch(v -> v > 0 && v < 1)).isTrue();
    Column churn = customers.column("Churn");
    double churned =
        IntStream.range(0, p.length)
            .filter(churn::getBoolean)
            .mapToDouble(i -> p[i])
            .average()
            .orElseThrow();
    double stayed =
        IntStream.range(0, p.length)
            .filter(i -> !churn.getBoolean(i))
            .mapToDouble(i -> p[i])
            .average()
            .orElseThrow();
    assertThat(churned).isGreaterThan(stayed + 0.2);
  }

  @Test
  void driversFor_aSegment_pointsAtWhatSetsItApart() {
    Column contract = customers.column("Contract");
    int[] monthly = rowsWhere(contract, "Month-to-month");
    int[] twoYear = rowsWhere(contract, "Two year");
    Reason m = find(result.driversFor(monthly), "Contract");
    Reason t = find(result.driversFor(twoYear), "Contract");
    assertThat(m.value()).isEqualTo("Month-to-month");
    assertThat(m.logOdds()).isPositive();
    assertThat(t.value()).isEqualTo("Two year");
    assertThat(t.logOdds()).isNegative();
    assertThat(result.driversFor(monthly)).hasSize(result.features().size());
  }

  @Test
  void run_sameSeedSameData_identicalResult() {
    ChurnResult again = ChurnAnalysis.run(customers, ChurnOptions.defaults("customerID", "Churn"));
    assertThat(again.candidates()).isEqualTo(result.candidates());
    assertThat(again.test()).isEqualTo(result.test());
    assertThat(again.calibration()).isEqualTo(result.calibration());
    assertThat(again.drivers()).isEqualTo(result.drivers());
    assertThat(again.highestRisk()).isEqualTo(result.highestRisk());
    assertThat(again.score(customers)).containsExactly(result.score(customers));
  }

  @Test
  void run_otherSeed_otherSplit() {
    ChurnResult other =
        ChurnAnalysis.run(customers, ChurnOptions.defaults("customerID", "Churn").withSeed(7));
    assertThat(other.test().rocAuc()).isNotEqualTo(result.test().rocAuc());
    assertThat(other.test().rocAuc()).isGreaterThan(0.75);
  }

  @Test
  void run_detectsTheIdColumn_whenNotNamed() {
    ChurnResult r =
        ChurnAnalysis.run(
            customers,
            ChurnOptions.defaults(null, "Churn")
                .withCandidates(List.<BinaryClassifier>of(LogisticRegression.withLambda(10))));
    assertThat(r.idColumn()).isEqualTo("customerID");
  }

  @Test
  void run_aCandidateThatCannotRun_isReported_andTheOthersCarryOn() {
    BinaryClassifier broken =
        new BinaryClassifier() {
          @Override
          public String name() {
            return "mlp";
          }

          @Override
          public io.marketlens.ml.tabular.BinaryModel fit(
              io.marketlens.ml.tabular.TabularData train,
              io.marketlens.ml.tabular.TabularData validation,
              long seed) {
            throw new IllegalStateException("engine not available here");
          }
        };
    ChurnResult r =
        ChurnAnalysis.run(
            customers,
            ChurnOptions.defaults("customerID", "Churn")
                .withCandidates(List.of(broken, LogisticRegression.withLambda(10))));
    assertThat(r.candidates().get(0).failed()).isTrue();
    assertThat(r.candidates().get(0).failure()).contains("engine not available");
    assertThat(r.chosen()).isEqualTo(LogisticRegression.NAME);
  }

  private static int[] rowsWhere(Column c, String value) {
    return IntStream.range(0, c.size()).filter(r -> value.equals(c.getString(r))).toArray();
  }

  private static Reason find(List<Reason> reasons, String column) {
    return reasons.stream().filter(r -> r.column().equals(column)).findFirst().orElseThrow();
  }
}
