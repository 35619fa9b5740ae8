package io.marketlens.market.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * ETS at fixed parameters against statsmodels 0.13.5 ({@code
 * statsmodels.tsa.exponential_smoothing.ets.ETSModel}, Debian's python3-statsmodels), and against
 * Hyndman et al. (2008) where statsmodels departs from them.
 *
 * <p>The references were computed with this snippet (statsmodels orders the initial seasonal states
 * {@code s[-1], ..., s[-m]}, the reverse of ours, hence {@code [::-1]}):
 *
 * <pre>
 * import numpy as np, pandas as pd
 * from statsmodels.tsa.exponential_smoothing.ets import ETSModel
 * y = pd.read_csv("AirPassengers.csv")["passengers"].to_numpy(float)
 * def show(mod, params):
 *     r = mod.smooth(np.asarray(params, float))
 *     print(repr(r.llf), [repr(float(v)) for v in r.forecast(12)])
 *     # additive-error forms only: exact forecast sd with statsmodels' sigma^2 = sse / n
 *     print(np.sqrt(r.mse * r._relative_forecast_variance(np.arange(1, 13))))
 * show(ETSModel(y, error="add", trend="add", damped_trend=True), [0.8, 0.2, 0.95, 115.0, 2.0])
 * show(ETSModel(y, error="mul", trend="add", damped_trend=True), [0.7, 0.1, 0.9, 112.0, 1.5])
 * sa = np.array([-10.0, -12.0, 2.0, -2.0, -2.0, 12.0, 25.0, 24.0, 7.0, -9.0, -22.0, -13.0])
 * show(ETSModel(y, error="add", trend="add", seasonal="add", seasonal_periods=12),
 *      np.r_[[0.4, 0.02, 0.2, 118.0, 1.5], sa[::-1]])
 * sm = np.array([0.91, 0.89, 1.02, 0.98, 0.98, 1.11, 1.22, 1.21, 1.06, 0.92, 0.80, 0.90])
 * show(ETSModel(y, error="mul", trend="add", seasonal="mul", seasonal_periods=12),
 *      np.r_[[0.3, 0.01, 0.0, 110.0, 2.0], sm[::-1]])
 * show(ETSModel(y, error="mul", seasonal="mul", seasonal_periods=12), np.r_[[0.5, 0.0, 120.0], sm[::-1]])
 * </pre>
 *
 * Tolerances: 1e-9 relative on log-likelihoods, forecasts and standard deviations (the same
 * double-precision recursions; the differences seen are about 1e-13).
 */
class EtsReferenceTest {

  private static final double[] Y = Fixtures.airPassengers();
  private static final double[] S_ADD = {-10, -12, 2, -2, -2, 12, 25, 24, 7, -9, -22, -13};
  private static final double[] S_MUL = {
    0.91, 0.89, 1.02, 0.98, 0.98, 1.11, 1.22, 1.21, 1.06, 0.92, 0.80, 0.90
  };

  private static EtsSpec spec(EtsSpec.Error e, EtsSpec.Trend t, EtsSpec.Season s) {
    return new EtsSpec(e, t, s, 12);
  }

  private static void assertClose(double[] actual, double... expected) {
    assertThat(actual).hasSize(expected.length);
    for (int i = 0; i < expected.length; i++) {
      assertThat(actual[i]).isCloseTo(expected[i], within(1e-9 * Math.abs(expected[i])));
    }
  }

  @Test
  void logLikelihood_aadnAtFixedParameters_matchesStatsmodels() {
    EtsModel m =
        EtsEstimator.at(
            EtsSpec.of(EtsSpec.Error.ADDITIVE, EtsSpec.Trend.DAMPED),
            Y,
            144,
            0.8,
            0.2,
            0,
            0.95,
            115,
            2,
            null);

    assertThat(m.logLik).isCloseTo(-731.1050817259409, within(1e-9 * 731));
    assertClose(
        m.forecast(12).mean(),
        405.8445319375296,
        391.3807918906867,
        377.6402388461859,
        364.5867134539102,
        352.18586433124824,
        340.4050576647194,
        329.213291331517,
        318.5811133149747,
        308.4805441992595,
        298.88500353933006,
        289.7692399123971,
        281.1092644668108);
    assertClose(
        m.withSigma2(1504.7170905089179).forecast(12).sd(),
        38.79068303741128,
        54.584707665395214,
        71.00041148676137,
        88.03918886441699,
        105.63408606397105,
        123.7057902400552,
        142.17770506029817,
        160.9801264935518,
        180.05100888466845,
        199.3356079354792,
        218.78578336879409,
        238.35924415318928);
  }

  @Test
  void logLikelihood_madnAtFixedParameters_matchesStatsmodels() {
    EtsModel m =
        EtsEstimator.at(
            EtsSpec.of(EtsSpec.Error.MULTIPLICATIVE, EtsSpec.Trend.DAMPED),
            Y,
            144,
            0.7,
            0.1,
            0,
            0.9,
            112,
            1.5,
            null);

    assertThat(m.logLik).isCloseTo(-695.8657187781508, within(1e-9 * 696));
    assertClose(
        m.forecast(12).mean(),
        415.56986012470463,
        407.90161290333367,
        401.00019040409984,
        394.7889101547894,
        389.19875793040995,
        384.16762092846847,
        379.6395976267211,
        375.5643766551485,
        371.89667778073317,
        368.59574879375936,
        365.6249127054829,
        362.9511602260341);
  }

  @Test
  void logLikelihood_aaaAtFixedParameters_matchesStatsmodels() {
    EtsSpec spec = spec(EtsSpec.Error.ADDITIVE, EtsSpec.Trend.ADDITIVE, EtsSpec.Season.ADDITIVE);
    EtsModel m = EtsEstimator.at(spec, Y, 144, 0.4, 0.02, 0.2, 1, 118, 1.5, S_ADD);

    assertThat(m.logLik).isCloseTo(-653.4786096929499, within(1e-9 * 653));
    assertClose(
        m.forecast(12).mean(),
        470.21171356040617,
        461.60120737715533,
        509.42897660969425,
        514.9164816647439,
        522.5827813337067,
        568.8760613834289,
        612.0733333521064,
        593.011020828886,
        511.94195201673796,
        471.7938142597013,
        436.9674063324177,
        484.03707872464344);
    assertClose(
        m.withSigma2(511.9437393304677).forecast(12).sd(),
        22.626173766911357,
        24.540794912723634,
        26.48325740694941,
        28.455056108274814,
        30.45721680762718,
        32.490429213838105,
        34.55513822305422,
        36.65160804116441,
        38.7799681363611,
        40.940246733110335,
        43.132395582982866,
        45.35630851519501);
  }

  /**
   * With gamma = 0 the seasonal states stay fixed and statsmodels agrees with us; with gamma > 0
   * statsmodels 0.13.5 updates a multiplicative season as {@code gamma/(1-alpha) y_t/l_t + (1 -
   * gamma/(1-alpha)) s}, which is not the model of Hyndman et al. (2008, Table 2.3, {@code s_t =
   * s_{t-m}(1 + gamma e_t)}) nor what {@code forecast::ets} computes; see the next test.
   */
  @Test
  void logLikelihood_mamWithFixedSeason_matchesStatsmodels() {
    EtsSpec spec =
        spec(EtsSpec.Error.MULTIPLICATIVE, EtsSpec.Trend.ADDITIVE, EtsSpec.Season.MULTIPLICATIVE);
    EtsModel m = EtsEstimator.at(spec, Y, 144, 0.3, 0.01, 0.0, 1, 110, 2, S_MUL);

    assertThat(m.logLik).isCloseTo(-545.1698687110916, within(1e-9 * 545));
    assertClose(
        m.forecast(12).mean(),
        452.45766098453026,
        445.4564972621734,
        513.8960079957304,
        496.983786830231,
        500.22435029201506,
        570.2510757823644,
        630.796614492869,
        629.6272543057293,
        555.079388150511,
        484.8091777478173,
        424.2185559695673,
        480.2219031347487);
  }

  @Test
  void logLikelihood_mnmWithFixedSeason_matchesStatsmodels() {
    EtsSpec spec =
        spec(EtsSpec.Error.MULTIPLICATIVE, EtsSpec.Trend.NONE, EtsSpec.Season.MULTIPLICATIVE);
    EtsModel m = EtsEstimator.at(spec, Y, 144, 0.5, 0, 0.0, 1, 120, 0, S_MUL);

    assertThat(m.logLik).isCloseTo(-544.8466358746512, within(1e-9 * 545));
    assertClose(
        m.forecast(12).mean(),
        441.789932530244,
        432.08026368342547,
        495.193111187746,
        475.7737734941089,
        475.7737734941089,
        538.8866209984295,
        592.2897996559315,
        587.4349652325222,
        514.6124488813831,
        446.6447669536533,
        388.386753872742,
        436.93509810683474);
  }

  /**
   * ETS(M,Ad,M) with a smoothed season against the error-correction form of Hyndman et al. (2008),
   * Table 2.3, written independently of our component form:
   *
   * <pre>
   * alpha, beta, gamma, phi, l, b = 0.3, 0.01, 0.1, 0.95, 110.0, 2.0
   * s = [0.91, 0.89, 1.02, 0.98, 0.98, 1.11, 1.22, 1.21, 1.06, 0.92, 0.80, 0.90]
   * e2 = lg = 0.0
   * for t, yt in enumerate(y):
   *     j = t % 12; mu = (l + phi * b) * s[j]; e = (yt - mu) / mu; e2 += e * e; lg += np.log(mu)
   *     l, b, s[j] = (l + phi*b) * (1 + alpha*e), phi*b + beta * (l + phi*b) * e, s[j] * (1 + gamma*e)
   * n = len(y); print(-n / 2 * (np.log(2 * np.pi * e2 / n) + 1) - lg)
   * d = 0.0
   * for h in range(1, 13): d += phi ** h; print((l + d * b) * s[(n + h - 1) % 12])
   * </pre>
   */
  @Test
  void logLikelihood_madmWithSmoothedSeason_matchesHyndmanErrorCorrectionForm() {
    EtsSpec spec =
        spec(EtsSpec.Error.MULTIPLICATIVE, EtsSpec.Trend.DAMPED, EtsSpec.Season.MULTIPLICATIVE);
    EtsModel m = EtsEstimator.at(spec, Y, 144, 0.3, 0.01, 0.1, 0.95, 110, 2, S_MUL);

    assertThat(m.logLik).isCloseTo(-560.4732645342382, within(1e-9 * 560));
    assertClose(
        m.forecast(12).mean(),
        449.84624514531555,
        437.0373055857762,
        502.2499853369146,
        492.4133295651978,
        495.51494513732973,
        561.0289902961852,
        622.3118779022179,
        613.4539140386191,
        526.4307862432554,
        461.0843616098022,
        400.58693774123867,
        449.2802699917663);
  }

  /**
   * The class 2 variance (multiplicative errors, Hyndman et al. 2008, §6.4) against 400,000
   * simulated ETS(M,Ad,N) paths (numpy {@code default_rng(42)}; tolerance 1.5%, the Monte Carlo
   * error is about 0.2%):
   *
   * <pre>
   * alpha, beta, phi, sigma2, l0, b0, h, N = 0.7, 0.1, 0.9, 0.0143, 400.0, 3.0, 12, 400_000
   * l = np.full(N, l0); b = np.full(N, b0); out = np.empty((h, N))
   * for i in range(h):
   *     mu = l + phi * b; e = rng.normal(0.0, np.sqrt(sigma2), N); out[i] = mu * (1 + e)
   *     l, b = mu * (1 + alpha * e), phi * b + beta * mu * e
   * print(out.std(axis=1))
   * </pre>
   */
  @Test
  void forecastSd_madn_matchesSimulation() {
    EtsModel m =
        new EtsModel(
            EtsSpec.of(EtsSpec.Error.MULTIPLICATIVE, EtsSpec.Trend.DAMPED),
            new double[] {0.7, 0.1, 0, 0.9},
            new double[] {400, 3},
            new double[0],
            new double[] {400, 3},
            new double[0],
            0.0143,
            0,
            100);
    double[] simulated = {
      48.18573463479357, 61.897519083608636, 75.35122653008702, 88.72340232994603,
      102.09345367947228, 115.43902337813171, 128.46446061080772, 141.75609648088903,
      154.7240322424366, 167.65572103671627, 180.65455447969146, 193.36047077356895
    };

    double[] sd = m.forecast(12).sd();

    for (int i = 0; i < 12; i++) {
      assertThat(sd[i]).isCloseTo(simulated[i], within(0.015 * simulated[i]));
    }
  }
}
