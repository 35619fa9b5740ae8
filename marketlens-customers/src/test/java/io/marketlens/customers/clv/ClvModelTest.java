package io.marketlens.customers.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.marketlens.core.validate.InvalidInputException;
import io.marketlens.customers.features.CleanTransactions;
import io.marketlens.customers.features.CustomerSlices;
import io.marketlens.customers.features.Feature;
import io.marketlens.customers.features.FeatureRole;
import io.marketlens.customers.features.TransactionColumns;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The BG/NBD and Gamma-Gamma formulas against values computed by hand (Python's math.lgamma and
 * scipy.special.hyp2f1 on the untransformed equations of the papers), then parameter recovery on
 * data simulated from the published CDNOW estimates (Fader, Hardie and Lee 2005: r = 0.243, α =
 * 4.414, a = 0.793, b = 2.426, in weeks; Fader and Hardie 2013: p = 6.25, q = 3.74, γ = 15.44).
 */
class ClvModelTest {

  private static final BgNbdParameters CDNOW = new BgNbdParameters(0.243, 4.414, 0.793, 2.426, 0);
  private static final GammaGammaParameters CDNOW_SPEND =
      new GammaGammaParameters(6.25, 3.74, 15.44, 0);

  /** Four customers in weeks, CDNOW-like: (x, tx, T). */
  private static final List<RepeatSummary> TINY =
      List.of(
          new RepeatSummary(0, 0, 38.86, 0),
          new RepeatSummary(2, 30.43, 38.86, 20),
          new RepeatSummary(1, 1.71, 38.86, 35.5),
          new RepeatSummary(5, 29.43, 32.71, 12.25));

  @Test
  void lnGamma_matchesReferenceValues() {
    assertThat(SpecialFunctions.lnGamma(0.5)).isCloseTo(0.5723649429247004, within(1e-14));
    assertThat(SpecialFunctions.lnGamma(10)).isCloseTo(12.801827480081467, within(1e-13));
    assertThat(SpecialFunctions.lnGamma(0.01)).isCloseTo(4.599479878042022, within(1e-13));
    assertThat(SpecialFunctions.lnGamma(123.4)).isCloseTo(469.3360974421906, within(1e-10));
  }

  @Test
  void bgNbdLogLikelihood_tinyData_matchesHandComputation() {
    double[] expected = {
      -0.5547132764381585, -9.458606307066272, -4.46909327503259, -17.082298477922453
    };
    for (int i = 0; i < TINY.size(); i++) {
      assertThat(BgNbd.logLikelihood(0.243, 4.414, 0.793, 2.426, TINY.get(i)))
          .isCloseTo(expected[i], within(1e-12));
    }
    assertThat(BgNbd.logLikelihood(0.243, 4.414, 0.793, 2.426, new BgNbd.Data(TINY)))
        .isCloseTo(-31.564711336459474, within(1e-12));
  }

  @Test
  void bgNbdPredictions_tinyData_matchHandComputation() {
    ClvModel m = new ClvModel(CDNOW, CDNOW_SPEND);
    double[] expected39 = {
      0.19509805201125396, 1.226028174767135, 0.2031869870797511, 3.59384242721367
    };
    double[] alive = {1.0, 0.726578570080673, 0.2121009853773791, 0.8330357305288347};
    for (int i = 0; i < TINY.size(); i++) {
      assertThat(m.expectedPurchases(TINY.get(i), 39)).isCloseTo(expected39[i], within(1e-10));
      assertThat(m.probabilityAlive(TINY.get(i))).isCloseTo(alive[i], within(1e-12));
    }
    assertThat(m.expectedPurchases(TINY.get(1), 0)).isZero();
  }

  @Test
  void gammaGamma_tinyData_matchesHandComputation() {
    assertThat(GammaGamma.logLikelihood(6.25, 3.74, 15.44, 1, 20.0))
        .isCloseTo(-3.5941964929491945, within(1e-12));
    assertThat(GammaGamma.logLikelihood(6.25, 3.74, 15.44, 3, 35.5))
        .isCloseTo(-4.090552209678847, within(1e-12));
    assertThat(GammaGamma.logLikelihood(6.25, 3.74, 15.44, 10, 12.25))
        .isCloseTo(-4.043711820973499, within(1e-12));
    ClvModel m = new ClvModel(CDNOW, CDNOW_SPEND);
    assertThat(m.expectedSpend(new RepeatSummary(1, 5, 30, 20.0)))
        .isCloseTo(24.638487208008897, within(1e-12));
    assertThat(m.expectedSpend(new RepeatSummary(10, 5, 30, 12.25)))
        .isCloseTo(13.214668914776212, within(1e-12));
    assertThat(m.expectedSpend(new RepeatSummary(0, 0, 30, 0)))
        .isCloseTo(CDNOW_SPEND.populationMean(), within(1e-12));
  }

  @Test
  void fitBgNbd_simulatedFromCdnowEstimates_recoversThem() {
    List<RepeatSummary> data = Simulation.bgNbd(CDNOW, 20_000, 42);
    BgNbdParameters fit = ClvModel.fitBgNbd(data);
    assertThat(fit.r()).isCloseTo(0.243, within(0.243 * 0.15));
    assertThat(fit.alpha()).isCloseTo(4.414, within(4.414 * 0.2));
    assertThat(fit.a()).isCloseTo(0.793, within(0.793 * 0.3));
    assertThat(fit.b()).isCloseTo(2.426, within(2.426 * 0.35));
    // The maximum is at least as likely as the true parameters.
    assertThat(fit.logLikelihood())
        .isGreaterThanOrEqualTo(
            BgNbd.logLikelihood(0.243, 4.414, 0.793, 2.426, new BgNbd.Data(data)));
  }

  @Test
  void fitGammaGamma_simulatedFromCdnowEstimates_recoversThem() {
    List<RepeatSummary> data = Simulation.gammaGamma(CDNOW_SPEND, 5_000, 7);
    GammaGammaParameters fit = ClvModel.fitGammaGamma(data);
    assertThat(fit.p()).isCloseTo(6.25, within(6.25 * 0.15));
    assertThat(fit.q()).isCloseTo(3.74, within(3.74 * 0.2));
    assertThat(fit.gamma()).isCloseTo(15.44, within(15.44 * 0.3));
    assertThat(fit.populationMean()).isCloseTo(CDNOW_SPEND.populationMean(), within(2.0));
  }

  @Test
  void lifetimeValue_isDiscountedSpendOfExpectedPurchases() {
    ClvModel m = new ClvModel(CDNOW, CDNOW_SPEND);
    RepeatSummary c = TINY.get(3);
    double undiscounted = m.lifetimeValue(c, 12, 0);
    double days = 12 * 365.25 / 12;
    assertThat(undiscounted)
        .isCloseTo(m.expectedPurchases(c, days) * m.expectedSpend(c), within(1e-9));
    assertThat(m.lifetimeValue(c, 12, 0.01)).isLessThan(undiscounted).isPositive();
  }

  @Test
  void run_onlineRetailSlice_checksTheHoldoutAndPredictsEveryCustomer() {
    CleanTransactions tx =
        CleanTransactions.of(CustomerSlices.onlineRetail(), TransactionColumns.onlineRetail(), "C");
    ClvResult r = ClvModel.run(tx, ClvOptions.defaults());
    HoldoutCheck h = r.holdout();
    assertThat(h.holdoutEnd()).isEqualTo(java.time.LocalDate.of(2011, 12, 10));
    assertThat(h.holdoutDays()).isEqualTo(125);
    assertThat(h.customers()).isBetween(80, 148);
    assertThat(h.correlation()).isBetween(0.3, 1.0);
    assertThat(h.meanAbsoluteError()).isPositive();
    assertThat(h.actualPurchases()).isPositive();
    assertThat(r.ids()).hasSize(148);
    for (double v : r.lifetimeValue()) assertThat(v).isFinite().isNotNegative();
    for (double v : r.probabilityAlive()) assertThat(v).isBetween(0.0, 1.0);
    Feature f = r.toFeature(r.ids());
    assertThat(f.role()).isEqualTo(FeatureRole.LIFETIME_VALUE);
    assertThat(f.name()).isEqualTo("clv12m");
    assertThat(ClvModel.run(tx, ClvOptions.defaults())).usingRecursiveComparison().isEqualTo(r);
  }

  @Test
  void fit_tooFewCustomers_isAnInputError() {
    assertThatThrownBy(() -> ClvModel.fit(TINY.subList(0, 1)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("at least 2 customers");
    List<RepeatSummary> oneRepeat = new ArrayList<>(TINY.subList(0, 2));
    assertThatThrownBy(() -> ClvModel.fit(oneRepeat))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("at least 2 customers with a repeat purchase");
  }

  @Test
  void options_outOfRange_areInputErrors() {
    assertThatThrownBy(() -> ClvOptions.defaults().withHorizonMonths(0))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> ClvOptions.defaults().withMonthlyDiscountRate(-0.1))
        .isInstanceOf(InvalidInputException.class);
  }
}
