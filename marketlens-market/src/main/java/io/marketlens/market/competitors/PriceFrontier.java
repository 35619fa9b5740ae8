package io.marketlens.market.competitors;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Hedonic value and the price–value frontier.
 *
 * <p>Value is the fit of a ridge regression of price on every non-price dimension of the feature
 * space (the hedonic price function of Rosen 1974, linear): value(x) = ȳ + (x − x̄)ᵀβ with β = (XᵀX
 * + λI)⁻¹Xᵀ(y − ȳ) over the priced products. λ is chosen from a grid of 13 values between 10⁻⁴ and
 * 10² times trace(XᵀX)/p by the exact leave-one-out error of ridge regression, e₍ᵢ₎ = eᵢ / (1 −
 * hᵢᵢ), computed for every λ at once from the eigen-decomposition of XᵀX.
 */
final class PriceFrontier {

  private PriceFrontier() {}

  /** The value of every product and the frontier, or null when price is the only feature. */
  static PriceValue compute(FeatureSpace fs, List<String> notes) {
    List<Integer> priceDims = fs.dimsOf(fs.priceSource);
    List<Integer> xDims = new ArrayList<>();
    for (int j = 0; j < fs.width(); j++) if (!priceDims.contains(j)) xDims.add(j);
    if (xDims.isEmpty()) {
      notes.add("no price-value frontier: price is the only feature");
      return null;
    }
    List<Integer> priced = new ArrayList<>();
    for (int i = 0; i < fs.rows(); i++) if (!Double.isNaN(fs.observedPrice[i])) priced.add(i);
    int m = priced.size();
    int p = xDims.size();

    double[] xMean = new double[p];
    double yMean = 0;
    for (int i : priced) {
      for (int j = 0; j < p; j++) xMean[j] += fs.z[i][xDims.get(j)];
      yMean += fs.observedPrice[i];
    }
    for (int j = 0; j < p; j++) xMean[j] /= m;
    yMean /= m;
    double[][] x = new double[m][p];
    double[] y = new double[m];
    double sst = 0;
    for (int r = 0; r < m; r++) {
      int i = priced.get(r);
      for (int j = 0; j < p; j++) x[r][j] = fs.z[i][xDims.get(j)] - xMean[j];
      y[r] = fs.observedPrice[i] - yMean;
      sst += y[r] * y[r];
    }

    SymmetricEigen.Result eig = SymmetricEigen.of(SymmetricEigen.transposeTimes(x, x));
    double[][] proj = SymmetricEigen.multiply(x, eig.vectors());
    double[] a = new double[p];
    for (int r = 0; r < m; r++) for (int k = 0; k < p; k++) a[k] += proj[r][k] * y[r];
    double[] d = eig.values();
    double scale = 0;
    for (double v : d) scale += Math.max(v, 0);
    scale = Math.max(scale / p, 1e-12);

    double bestLambda = scale;
    double bestPress = Double.POSITIVE_INFINITY;
    double bestSse = sst;
    for (int g = 0; g <= 12; g++) {
      double lambda = scale * Math.pow(10, -4 + 0.5 * g);
      double sse = 0;
      double press = 0;
      for (int r = 0; r < m; r++) {
        double fit = 0;
        double h = 1.0 / m;
        for (int k = 0; k < p; k++) {
          double denominator = Math.max(d[k], 0) + lambda;
          fit += proj[r][k] * a[k] / denominator;
          h += proj[r][k] * proj[r][k] / denominator;
        }
        double e = y[r] - fit;
        sse += e * e;
        double loo = e / Math.max(1 - h, 1e-9);
        press += loo * loo;
      }
      if (press < bestPress) {
        bestPress = press;
        bestLambda = lambda;
        bestSse = sse;
      }
    }

    double[] beta = new double[p];
    for (int j = 0; j < p; j++) {
      for (int k = 0; k < p; k++) {
        beta[j] += eig.vectors()[j][k] * a[k] / (Math.max(d[k], 0) + bestLambda);
      }
    }
    double[] value = new double[fs.rows()];
    for (int i = 0; i < fs.rows(); i++) {
      value[i] = yMean;
      for (int j = 0; j < p; j++) value[i] += (fs.z[i][xDims.get(j)] - xMean[j]) * beta[j];
    }
    boolean[] frontier = frontier(value, fs.observedPrice);
    List<PriceValue.ProductValue> products = new ArrayList<>();
    List<PriceValue.ProductValue> onFrontier = new ArrayList<>();
    for (int i = 0; i < fs.rows(); i++) {
      double price = fs.observedPrice[i];
      boolean known = !Double.isNaN(price);
      PriceValue.ProductValue pv =
          new PriceValue.ProductValue(
              i,
              fs.names[i],
              known ? price : null,
              value[i],
              known ? value[i] - price : null,
              frontier[i]);
      products.add(pv);
      if (frontier[i]) onFrontier.add(pv);
    }
    onFrontier.sort(
        Comparator.comparingDouble((PriceValue.ProductValue v) -> v.price())
            .thenComparing(v -> -v.value())
            .thenComparingInt(PriceValue.ProductValue::index));
    double r2 = sst > 0 ? 1 - bestSse / sst : 0;
    double looR2 = sst > 0 ? 1 - bestPress / sst : 0;
    return new PriceValue(
        fs.sources.get(fs.priceSource).column(), r2, looR2, bestLambda, m, products, onFrontier);
  }

  /**
   * True for each priced product that no other priced product dominates: none has value ≥ and price
   * ≤ with one of the two strict. Products without a price (NaN) are never on the frontier.
   */
  static boolean[] frontier(double[] value, double[] price) {
    int n = value.length;
    boolean[] out = new boolean[n];
    for (int i = 0; i < n; i++) {
      if (Double.isNaN(price[i])) continue;
      boolean dominated = false;
      for (int j = 0; j < n && !dominated; j++) {
        if (j == i || Double.isNaN(price[j])) continue;
        dominated =
            value[j] >= value[i]
                && price[j] <= price[i]
                && (value[j] > value[i] || price[j] < price[i]);
      }
      out[i] = !dominated;
    }
    return out;
  }
}
