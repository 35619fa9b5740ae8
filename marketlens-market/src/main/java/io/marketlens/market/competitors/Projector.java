package io.marketlens.market.competitors;

/**
 * Projects the weighted z-scores onto two axes, by PCA or by classical MDS.
 *
 * <p>PCA: the top two eigenvectors w₁, w₂ of the covariance matrix C = ZᵀZ / n; coordinates Z w.
 *
 * <p>Classical MDS (Torgerson 1952; Gower 1966): B = −½ J D⁽²⁾ J, with D⁽²⁾ the squared Euclidean
 * distances between products and J the centring matrix; coordinates uₖ √λₖ from the top two
 * eigenpairs of B. For Euclidean distances B = ZZᵀ, so the coordinates are the PCA scores; the axis
 * directions in feature space are recovered as wₖ = Zᵀ xₖ / λₖ, which both names the axes and gives
 * the inverse projection.
 *
 * <p>Both use the sign convention of {@link SymmetricEigen#fixSign}, applied to wₖ: the feature
 * with the largest weight is on the positive side. PCA and MDS therefore give the same map.
 */
final class Projector {

  /**
   * Two axes in feature space and the products' coordinates on them.
   *
   * @param weights p × 2, unit columns: the axis directions in z-space
   * @param variance the variance of the coordinates along each axis
   * @param totalVariance the total variance of z (the trace of its covariance)
   * @param coords n × 2
   */
  record Basis(double[][] weights, double[] variance, double totalVariance, double[][] coords) {

    double explained(int k) {
      return totalVariance > 0 ? Math.max(0, variance[k]) / totalVariance : 0;
    }

    /** The z-vector at map point (x, y): x w₁ + y w₂. */
    double[] zAt(double x, double y) {
      double[] z = new double[weights.length];
      for (int j = 0; j < z.length; j++) z[j] = x * weights[j][0] + y * weights[j][1];
      return z;
    }

    /** The map point of a z-vector. */
    double[] project(double[] z) {
      double[] c = new double[2];
      for (int j = 0; j < z.length; j++) {
        c[0] += z[j] * weights[j][0];
        c[1] += z[j] * weights[j][1];
      }
      return c;
    }
  }

  private Projector() {}

  static Basis project(double[][] z, Projection projection, long seed) {
    return projection == Projection.MDS ? mds(z, seed) : pca(z);
  }

  static Basis pca(double[][] z) {
    int n = z.length;
    double[][] cov = SymmetricEigen.transposeTimes(z, z);
    double trace = 0;
    for (int j = 0; j < cov.length; j++) {
      for (int l = 0; l < cov.length; l++) cov[j][l] /= n;
      trace += cov[j][j];
    }
    SymmetricEigen.Result eig = SymmetricEigen.of(cov);
    double[][] w = new double[cov.length][2];
    for (int j = 0; j < cov.length; j++) {
      w[j][0] = eig.vectors()[j][0];
      w[j][1] = eig.vectors()[j][1];
    }
    double[][] coords = SymmetricEigen.multiply(z, w);
    return new Basis(w, new double[] {eig.values()[0], eig.values()[1]}, trace, coords);
  }

  static Basis mds(double[][] z, long seed) {
    int n = z.length;
    int p = z[0].length;
    double[][] b = doubleCentredSquaredDistances(z);
    double trace = 0;
    for (int i = 0; i < n; i++) trace += b[i][i];
    SymmetricEigen.Result eig = SymmetricEigen.top(b, 2, seed);
    double[][] coords = new double[n][2];
    double[][] w = new double[p][2];
    double[] variance = new double[2];
    for (int k = 0; k < 2; k++) {
      double lambda = Math.max(0, eig.values()[k]);
      variance[k] = lambda / n;
      if (lambda <= 1e-12 * Math.max(trace, 1e-300)) continue;
      double root = Math.sqrt(lambda);
      for (int i = 0; i < n; i++) coords[i][k] = eig.vectors()[i][k] * root;
      for (int j = 0; j < p; j++) {
        double s = 0;
        for (int i = 0; i < n; i++) s += z[i][j] * coords[i][k];
        w[j][k] = s / lambda;
      }
      normalise(w, k);
      if (w[SymmetricEigen.largest(w, k)][k] < 0) {
        for (double[] row : w) row[k] = -row[k];
        for (double[] c : coords) c[k] = -c[k];
      }
    }
    return new Basis(w, variance, trace / n, coords);
  }

  /** −½ J D⁽²⁾ J for the Euclidean distances between the rows of z. */
  static double[][] doubleCentredSquaredDistances(double[][] z) {
    int n = z.length;
    double[][] d2 = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int l = i + 1; l < n; l++) {
        double s = 0;
        for (int j = 0; j < z[i].length; j++) {
          double d = z[i][j] - z[l][j];
          s += d * d;
        }
        d2[i][l] = s;
        d2[l][i] = s;
      }
    }
    double[] rowMean = new double[n];
    double all = 0;
    for (int i = 0; i < n; i++) {
      for (int l = 0; l < n; l++) rowMean[i] += d2[i][l];
      all += rowMean[i];
      rowMean[i] /= n;
    }
    all /= (double) n * n;
    for (int i = 0; i < n; i++) {
      for (int l = 0; l < n; l++) d2[i][l] = -0.5 * (d2[i][l] - rowMean[i] - rowMean[l] + all);
    }
    return d2;
  }

  private static void normalise(double[][] w, int k) {
    double s = 0;
    for (double[] row : w) s += row[k] * row[k];
    s = Math.sqrt(s);
    if (s > 0) for (double[] row : w) row[k] /= s;
  }
}
