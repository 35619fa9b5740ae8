package io.marketlens.market.competitors;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Names each map axis from the features that correlate most with the products' coordinates on it.
 *
 * <p>Each source column takes part with its strongest dimension (for a categorical column, its
 * strongest level). The positive end is described by the up to three features with the highest
 * correlation of at least {@value #MIN_CORRELATION}, the negative end by the up to three with the
 * most negative one ("higher highway-mpg" grows towards the negative end). When one end has no such
 * feature, it is described as the opposite of the other ("lower curb-weight"). Correlations are
 * used rather than the raw eigenvector weights so that PCA and MDS maps are named alike and one-hot
 * levels, whose weights are scaled down, compete fairly with numeric columns.
 */
final class AxisNamer {

  static final double MIN_CORRELATION = 0.3;
  private static final int PER_SIDE = 3;
  private static final int IN_NAME = 2;

  private AxisNamer() {}

  static List<CompetitorMap.Axis> name(FeatureSpace fs, Projector.Basis basis) {
    double[][] r = correlations(fs.z, basis.coords());
    List<CompetitorMap.Axis> axes = new ArrayList<>();
    for (int k = 0; k < 2; k++) axes.add(axis(fs, basis, r, k));
    return axes;
  }

  /** Pearson correlation of every z column with every coordinate column; 0 where either is flat. */
  static double[][] correlations(double[][] z, double[][] coords) {
    int n = z.length;
    int p = z[0].length;
    int m = coords[0].length;
    double[][] r = new double[p][m];
    for (int j = 0; j < p; j++) {
      for (int k = 0; k < m; k++) {
        double mz = 0;
        double mc = 0;
        for (int i = 0; i < n; i++) {
          mz += z[i][j];
          mc += coords[i][k];
        }
        mz /= n;
        mc /= n;
        double szz = 0;
        double scc = 0;
        double szc = 0;
        for (int i = 0; i < n; i++) {
          double a = z[i][j] - mz;
          double b = coords[i][k] - mc;
          szz += a * a;
          scc += b * b;
          szc += a * b;
        }
        double denominator = Math.sqrt(szz * scc);
        r[j][k] = denominator > 1e-300 ? Math.max(-1, Math.min(1, szc / denominator)) : 0;
      }
    }
    return r;
  }

  private static CompetitorMap.Axis axis(
      FeatureSpace fs, Projector.Basis basis, double[][] r, int k) {
    List<CompetitorMap.Loading> all = new ArrayList<>();
    for (int j = 0; j < fs.width(); j++)
      all.add(loading(fs.dims.get(j), basis.weights()[j][k], r[j][k]));
    List<CompetitorMap.Loading> ranked = new ArrayList<>(all);
    ranked.sort(Comparator.comparingDouble(l -> -Math.abs(l.correlation())));

    List<CompetitorMap.Loading> strongest = strongestPerColumn(ranked);
    List<CompetitorMap.Loading> up = side(strongest, +1);
    List<CompetitorMap.Loading> down = side(strongest, -1);
    if (up.isEmpty() && down.isEmpty()) {
      for (CompetitorMap.Loading l : strongest.subList(0, Math.min(PER_SIDE, strongest.size()))) {
        (l.correlation() >= 0 ? up : down).add(l);
      }
    }
    String upText = up.isEmpty() ? describe(down, false) : describe(up, true);
    String downText = down.isEmpty() ? describe(up, false) : describe(down, true);
    String name;
    if (up.isEmpty()) name = "lower " + shortName(down) + " ↔ " + shortName(down);
    else if (down.isEmpty()) name = shortName(up) + " ↔ lower " + shortName(up);
    else name = shortName(up) + " ↔ " + shortName(down);
    return new CompetitorMap.Axis(
        name,
        basis.explained(k),
        new CompetitorMap.Side(upText, up.isEmpty() ? down : up),
        new CompetitorMap.Side(downText, down.isEmpty() ? up : down),
        ranked);
  }

  private static CompetitorMap.Loading loading(FeatureSpace.Dim d, double weight, double r) {
    return new CompetitorMap.Loading(d.label(), d.column(), d.level(), weight, r);
  }

  private static List<CompetitorMap.Loading> strongestPerColumn(
      List<CompetitorMap.Loading> ranked) {
    List<CompetitorMap.Loading> out = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    for (CompetitorMap.Loading l : ranked) {
      if (seen.contains(l.column())) continue;
      seen.add(l.column());
      out.add(l);
    }
    return out;
  }

  private static List<CompetitorMap.Loading> side(List<CompetitorMap.Loading> strongest, int sign) {
    List<CompetitorMap.Loading> out = new ArrayList<>();
    for (CompetitorMap.Loading l : strongest) {
      if (out.size() < PER_SIDE && sign * l.correlation() >= MIN_CORRELATION) out.add(l);
    }
    return out;
  }

  /** "higher curb-weight (r = 0.97), higher length (r = 0.90)"; {@code up=false} mirrors it. */
  private static String describe(List<CompetitorMap.Loading> features, boolean up) {
    List<String> parts = new ArrayList<>();
    for (CompetitorMap.Loading l : features) {
      parts.add(phrase(l, up) + String.format(Locale.ROOT, " (r = %.2f)", l.correlation()));
    }
    return String.join(", ", parts);
  }

  private static String phrase(CompetitorMap.Loading l, boolean more) {
    if (l.level() != null) return (more ? "" : "not ") + l.level() + " " + l.column();
    return (more ? "higher " : "lower ") + l.column();
  }

  private static String shortName(List<CompetitorMap.Loading> features) {
    List<String> parts = new ArrayList<>();
    for (CompetitorMap.Loading l : features.subList(0, Math.min(IN_NAME, features.size()))) {
      parts.add(l.level() != null ? l.level() + " " + l.column() : l.column());
    }
    return String.join(" & ", parts);
  }
}
