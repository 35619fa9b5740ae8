package io.marketlens.market.forecast;

import java.util.ArrayList;
import java.util.List;

/**
 * The forecast of one series, step by step: profile, fit the candidates on all values, combine,
 * backtest, choose, and turn the chosen prediction into intervals.
 *
 * <p>Not thread-safe; one instance per series and call.
 */
final class SeriesForecast {

  private final String id;
  private final double[] y;
  private final ForecastOptions o;
  private final MethodRunner runner;

  SeriesForecast(String id, double[] y, ForecastOptions o, MethodRunner runner) {
    this.id = id;
    this.y = y;
    this.o = o;
    this.runner = runner;
  }

  ForecastResult run() {
    SeriesProfile p = SeriesProfile.of(id, y, o);
    int n = p.n;
    int h = o.horizon();
    List<String> notes = new ArrayList<>(p.notes);
    SeasonalAdjustment sa = SeasonalAdjustment.of(y, n, p);
    List<ForecastMethod> methods = o.methods();
    List<Fitted> fits = new ArrayList<>();
    EtsModel ets = null;
    for (ForecastMethod m : methods) {
      Fitted f = runner.fit(m, y, n, h, p, sa, null);
      if (f.fallback() != null) notes.add(m.id() + ": " + f.fallback());
      if (f.ets() != null) ets = f.ets();
      fits.add(f);
    }
    if (methods.size() > 1) fits.add(combination(fits));
    List<MethodScore> scores = Backtest.run(y, p, o, methods, runner, ets);
    if (scores.isEmpty() && o.backtestOrigins() > 0) {
      notes.add("too few values for a backtest: no scores, no skill");
    }
    Fitted chosen = choose(fits, scores);
    MethodScore baseline = find(scores, ForecastMethod.SEASONAL_NAIVE);
    MethodScore chosenScore = find(scores, chosen.method());
    List<CandidateForecast> candidates = new ArrayList<>();
    for (Fitted f : fits) {
      candidates.add(new CandidateForecast(f.method(), f.model(), f.prediction().mean()));
    }
    Prediction pr = chosen.prediction();
    double[] mu = pr.mean();
    double[][] bands = new double[4][h];
    for (int i = 0; i < h; i++) {
      double s = pr.sd()[i];
      bands[0][i] = mu[i] - Prediction.Z80 * s;
      bands[1][i] = mu[i] + Prediction.Z80 * s;
      bands[2][i] = mu[i] - Prediction.Z95 * s;
      bands[3][i] = mu[i] + Prediction.Z95 * s;
      if (p.nonNegative) {
        bands[0][i] = Math.max(0, bands[0][i]);
        bands[2][i] = Math.max(0, bands[2][i]);
      }
    }
    return new ForecastResult(
        id,
        chosen.method(),
        chosen.model(),
        p.period,
        p.seasonal,
        mu,
        bands[0],
        bands[1],
        bands[2],
        bands[3],
        scores,
        baseline,
        chosenScore == null ? 0.0 : chosenScore.skill(),
        candidates,
        notes);
  }

  private Fitted combination(List<Fitted> fits) {
    List<Prediction> members = new ArrayList<>();
    StringBuilder model =
        new StringBuilder(
            o.combination() == ForecastOptions.Combination.MEDIAN ? "median" : "mean");
    model.append(" of [");
    for (int i = 0; i < fits.size(); i++) {
      members.add(fits.get(i).prediction());
      if (i > 0) model.append("; ");
      model.append(fits.get(i).model());
    }
    model.append(']');
    Prediction c = Combiner.combine(members, o.combination());
    return new Fitted(ForecastMethod.COMBINATION, model.toString(), c, null, null);
  }

  /** The combination (or the only method), or the lowest backtest MASE under BACKTEST. */
  private Fitted choose(List<Fitted> fits, List<MethodScore> scores) {
    Fitted auto = fits.get(fits.size() - 1);
    if (o.selection() == ForecastOptions.Selection.COMBINE || scores.isEmpty()) return auto;
    Fitted best = auto;
    double bestMase = Double.POSITIVE_INFINITY;
    for (Fitted f : fits) {
      MethodScore s = find(scores, f.method());
      if (s != null && s.mase() < bestMase) {
        bestMase = s.mase();
        best = f;
      }
    }
    return best;
  }

  private static MethodScore find(List<MethodScore> scores, ForecastMethod m) {
    for (MethodScore s : scores) if (s.method() == m) return s;
    return null;
  }
}
