package io.marketlens.market.competitors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Finds white space: points of the map with demand and no product nearby.
 *
 * <p>On a grid over the bounding box of the products and demand points (padded by a tenth of its
 * range and at least one bandwidth), each cell gets demand = a Gaussian kernel density estimate of
 * the demand points (weighted), or of the products themselves when no demand is given, with Scott's
 * bandwidth per axis, hₐ = σₐ n_eff^(−1/6) (Scott 1992, for two dimensions), scaled so its largest
 * value on the grid is 1. The supply gap is gap = 1 − exp(−d² / (2 s²)), with d the distance to the
 * nearest product and s the median distance from a product to its nearest distinct neighbour. The
 * score is demand × gap; cells closer than s to a product, or whose read-back price is not
 * positive, never qualify. Regions are the best cells after non-maximum suppression: a cell is kept
 * only when it is at least one bandwidth (in the scaled metric Σ (Δₐ / hₐ)² ≥ 1) from every better
 * kept cell.
 *
 * <p>Each region is explained by reading the product that would sit there back through the inverse
 * projection ({@link Projector.Basis#zAt}, un-standardised), numbers clipped to their observed
 * range.
 */
final class WhiteSpaceFinder {

  private static final double PAD = 0.1;

  private final FeatureSpace fs;
  private final Projector.Basis basis;
  private final CompetitorOptions options;
  private final List<String> notes;
  private final double[][] products;
  private double[][] demand;
  private double[] weight;
  private String[] demandLabels;
  private final double[] h = new double[2];
  private double[] represented;

  private WhiteSpaceFinder(
      FeatureSpace fs, Projector.Basis basis, CompetitorOptions options, List<String> notes) {
    this.fs = fs;
    this.basis = basis;
    this.options = options;
    this.notes = notes;
    this.products = basis.coords();
  }

  static List<WhiteSpace> find(
      FeatureSpace fs, Projector.Basis basis, CompetitorOptions options, List<String> notes) {
    if (options.whiteSpaceRegions() == 0) return List.of();
    return new WhiteSpaceFinder(fs, basis, options, notes).find();
  }

  /** A grid cell that qualifies as white space. */
  private record Cell(double x, double y, double score, double demand, double distance) {}

  private List<WhiteSpace> find() {
    demandPoints();
    double spacing = typicalSpacing();
    if (!bandwidths() || spacing <= 0) {
      notes.add("no white space: the products sit on one point or one line of the map");
      return List.of();
    }
    List<WhiteSpace> out = new ArrayList<>();
    for (Cell c : suppress(scoredCells(spacing))) out.add(region(out.size() + 1, c, spacing));
    notes.add(
        String.format(
            Locale.ROOT,
            "white space: %d × %d grid, kernel bandwidths %.3f and %.3f map units, typical"
                + " product spacing %.3f",
            options.gridSize(),
            options.gridSize(),
            h[0],
            h[1],
            spacing));
    return out;
  }

  /** Every qualifying grid cell with its score, best first (grid order on ties). */
  private List<Cell> scoredCells(double spacing) {
    int g = options.gridSize();
    double[] lo = new double[2];
    double[] step = new double[2];
    box(lo, step, g);
    double[][] density = new double[g][g];
    double maxDensity = 0;
    for (int a = 0; a < g; a++) {
      for (int b = 0; b < g; b++) {
        density[a][b] = density(lo[0] + (a + 0.5) * step[0], lo[1] + (b + 0.5) * step[1]);
        maxDensity = Math.max(maxDensity, density[a][b]);
      }
    }
    List<Cell> cells = new ArrayList<>();
    int notPositive = 0;
    for (int a = 0; a < g && maxDensity > 0; a++) {
      for (int b = 0; b < g; b++) {
        double x = lo[0] + (a + 0.5) * step[0];
        double y = lo[1] + (b + 0.5) * step[1];
        double d = nearest(x, y);
        if (d < spacing) continue;
        if (fs.hasPrice() && rawPrice(x, y) <= 0) {
          notPositive++;
          continue;
        }
        double demandShare = density[a][b] / maxDensity;
        double gap = 1 - Math.exp(-d * d / (2 * spacing * spacing));
        cells.add(new Cell(x, y, demandShare * gap, demandShare, d));
      }
    }
    if (notPositive > 0) {
      notes.add(
          "white space: "
              + notPositive
              + " empty grid cells skipped because the price read back there is not positive");
    }
    cells.sort(Comparator.comparingDouble((Cell c) -> -c.score()));
    return cells;
  }

  /** Non-maximum suppression: the best cells at least one bandwidth from every better kept one. */
  private List<Cell> suppress(List<Cell> ranked) {
    List<Cell> kept = new ArrayList<>();
    for (Cell c : ranked) {
      if (kept.size() == options.whiteSpaceRegions() || c.score() <= 0) break;
      boolean apart = true;
      for (Cell k : kept) {
        double dx = (c.x() - k.x()) / h[0];
        double dy = (c.y() - k.y()) / h[1];
        if (dx * dx + dy * dy < 1) apart = false;
      }
      if (apart) kept.add(c);
    }
    return kept;
  }

  private void demandPoints() {
    if (options.demand().isEmpty()) {
      demand = products;
      weight = new double[products.length];
      Arrays.fill(weight, 1);
      demandLabels = null;
      return;
    }
    int m = options.demand().size();
    demand = new double[m][];
    weight = new double[m];
    demandLabels = new String[m];
    for (int i = 0; i < m; i++) {
      DemandPoint p = options.demand().get(i);
      if (p.features() != null) demand[i] = basis.project(fs.encode(p.features(), p.label()));
      else if (p.product() != null) demand[i] = products[fs.indexOf(p.product(), p.label())];
      else demand[i] = new double[] {p.x(), p.y()};
      weight[i] = p.weight();
      demandLabels[i] = p.label();
    }
  }

  /** Scott's bandwidth per axis; the products' bandwidth where the demand points give none. */
  private boolean bandwidths() {
    double[] productH = scott(products, null);
    double[] demandH = demandLabels == null ? productH : scott(demand, weight);
    for (int a = 0; a < 2; a++) {
      h[a] = demandH[a] > 0 ? demandH[a] : productH[a];
      if (!(h[a] > 0)) return false;
    }
    return true;
  }

  private static double[] scott(double[][] pts, double[] w) {
    double sum = 0;
    double sumSq = 0;
    for (int i = 0; i < pts.length; i++) {
      double wi = w == null ? 1 : w[i];
      sum += wi;
      sumSq += wi * wi;
    }
    double nEff = sum * sum / sumSq;
    double[] out = new double[2];
    if (nEff < 2 - 1e-9) return out;
    for (int a = 0; a < 2; a++) {
      double mean = 0;
      for (int i = 0; i < pts.length; i++) mean += (w == null ? 1 : w[i]) * pts[i][a];
      mean /= sum;
      double var = 0;
      for (int i = 0; i < pts.length; i++) {
        double d = pts[i][a] - mean;
        var += (w == null ? 1 : w[i]) * d * d;
      }
      double sd = Math.sqrt(var / sum);
      out[a] = sd > 1e-12 ? sd * Math.pow(nEff, -1.0 / 6) : 0;
    }
    return out;
  }

  private double typicalSpacing() {
    List<Double> nn = new ArrayList<>();
    for (int i = 0; i < products.length; i++) {
      double best = Double.POSITIVE_INFINITY;
      for (int j = 0; j < products.length; j++) {
        double d = dist(products[i], products[j][0], products[j][1]);
        if (j != i && d > 1e-9 && d < best) best = d;
      }
      if (best < Double.POSITIVE_INFINITY) nn.add(best);
    }
    if (nn.isEmpty()) return 0;
    nn.sort(null);
    int m = nn.size();
    return m % 2 == 1 ? nn.get(m / 2) : (nn.get(m / 2 - 1) + nn.get(m / 2)) / 2;
  }

  private void box(double[] lo, double[] step, int g) {
    for (int a = 0; a < 2; a++) {
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (double[][] set : new double[][][] {products, demand}) {
        for (double[] p : set) {
          min = Math.min(min, p[a]);
          max = Math.max(max, p[a]);
        }
      }
      double pad = Math.max(PAD * (max - min), h[a]);
      lo[a] = min - pad;
      step[a] = (max - min + 2 * pad) / g;
    }
  }

  private double density(double x, double y) {
    double s = 0;
    for (int i = 0; i < demand.length; i++) s += weight[i] * kernel(demand[i], x, y);
    return s;
  }

  private double kernel(double[] p, double x, double y) {
    double dx = (x - p[0]) / h[0];
    double dy = (y - p[1]) / h[1];
    return Math.exp(-0.5 * (dx * dx + dy * dy));
  }

  private double nearest(double x, double y) {
    double best = Double.POSITIVE_INFINITY;
    for (double[] p : products) best = Math.min(best, dist(p, x, y));
    return best;
  }

  private static double dist(double[] p, double x, double y) {
    return Math.hypot(p[0] - x, p[1] - y);
  }

  private double rawPrice(double x, double y) {
    int j = fs.dimsOf(fs.priceSource).get(0);
    double[] z = basis.zAt(x, y);
    return fs.dims.get(j).raw(z[j]);
  }

  private WhiteSpace region(int rank, Cell c, double spacing) {
    Integer[] order = new Integer[products.length];
    for (int i = 0; i < order.length; i++) order[i] = i;
    Arrays.sort(
        order,
        Comparator.comparingDouble((Integer i) -> dist(products[i], c.x(), c.y()))
            .thenComparingInt(i -> i));
    List<String> between = new ArrayList<>();
    for (int i = 0; i < Math.min(2, order.length); i++) between.add(fs.names[order[i]]);
    List<WhiteSpace.Estimate> estimates = estimates(c.x(), c.y());
    Double price = null;
    boolean priceClipped = false;
    if (fs.hasPrice()) {
      price = estimates.get(fs.priceSource).value();
      priceClipped = price != rawPrice(c.x(), c.y());
    }
    String source = demandLabels == null ? "neighbouring product density" : "demand points";
    return new WhiteSpace(
        rank,
        c.x(),
        c.y(),
        c.score(),
        c.demand(),
        c.distance(),
        c.distance() / spacing,
        between,
        estimates,
        price,
        priceClipped,
        source,
        explain(estimates, between, c, spacing, source));
  }

  /** The product at (x, y), source by source, numbers clipped to their observed range. */
  private List<WhiteSpace.Estimate> estimates(double x, double y) {
    Object[] values = fs.decode(basis.zAt(x, y));
    List<WhiteSpace.Estimate> out = new ArrayList<>();
    for (int s = 0; s < fs.sources.size(); s++) {
      FeatureSpace.Source src = fs.sources.get(s);
      if (src.categorical()) {
        String level = (String) values[s];
        out.add(
            new WhiteSpace.Estimate(src.column(), null, level, null, src.column() + " " + level));
        continue;
      }
      double[] range = range(src.numbers());
      double v = (Double) values[s];
      double clipped = Math.max(range[0], Math.min(range[1], v));
      String unit = src.unit() == null || src.unit().isEmpty() ? null : src.unit();
      String text =
          src.column()
              + " ≈ "
              + FeatureSpace.withUnit(src, clipped)
              + (clipped != v ? " (clipped to the observed range)" : "");
      out.add(new WhiteSpace.Estimate(src.column(), clipped, null, unit, text));
    }
    return out;
  }

  private static double[] range(double[] v) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double d : v) {
      lo = Math.min(lo, d);
      hi = Math.max(hi, d);
    }
    return new double[] {lo, hi};
  }

  private String explain(
      List<WhiteSpace.Estimate> estimates,
      List<String> between,
      Cell c,
      double spacing,
      String source) {
    if (represented == null) represented = representation();
    Integer[] order = new Integer[fs.sources.size()];
    for (int i = 0; i < order.length; i++) order[i] = i;
    Arrays.sort(
        order, Comparator.comparingDouble((Integer s) -> -represented[s]).thenComparingInt(s -> s));
    List<String> traits = new ArrayList<>();
    int levels = 0;
    int numbers = 0;
    for (int s : order) {
      if (s == fs.priceSource) continue;
      WhiteSpace.Estimate e = estimates.get(s);
      if (e.level() != null && levels < 2) {
        traits.add(levels++, e.column() + " " + e.level());
      } else if (e.level() == null && numbers < 3) {
        traits.add(e.text());
        numbers++;
      }
    }
    StringBuilder t = new StringBuilder("a product");
    if (!traits.isEmpty()) t.append(" with ").append(joinAnd(traits));
    if (fs.hasPrice()) t.append(", at ").append(estimates.get(fs.priceSource).text());
    t.append("; between '").append(between.get(0)).append('\'');
    if (between.size() > 1) t.append(" and '").append(between.get(1)).append('\'');
    t.append(
        String.format(
            Locale.ROOT,
            "; nearest product %s map units away (%s× the typical spacing); demand from %s (%s of"
                + " the peak)",
            Fmt.two(c.distance()),
            Fmt.two(c.distance() / spacing),
            source,
            Fmt.two(c.demand())));
    if (demandLabels != null)
      t.append(", mostly '").append(demandLabels[topDemand(c.x(), c.y())]).append('\'');
    return t.toString();
  }

  /** How well the map represents each source: its best dimension's r₁² + r₂². */
  private double[] representation() {
    double[][] r = AxisNamer.correlations(fs.z, products);
    double[] out = new double[fs.sources.size()];
    for (int j = 0; j < fs.width(); j++) {
      int s = fs.dims.get(j).source();
      out[s] = Math.max(out[s], r[j][0] * r[j][0] + r[j][1] * r[j][1]);
    }
    return out;
  }

  private int topDemand(double x, double y) {
    int best = 0;
    double bestContribution = -1;
    for (int i = 0; i < demand.length; i++) {
      double contribution = weight[i] * kernel(demand[i], x, y);
      if (contribution > bestContribution) {
        bestContribution = contribution;
        best = i;
      }
    }
    return best;
  }

  private static String joinAnd(List<String> parts) {
    if (parts.size() <= 1) return parts.isEmpty() ? "" : parts.get(0);
    return String.join(", ", parts.subList(0, parts.size() - 1))
        + " and "
        + parts.get(parts.size() - 1);
  }
}
