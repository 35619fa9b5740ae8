package io.marketlens.market.competitors;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Our nearest rivals: the k products nearest ours in the full weighted z-space (price included),
 * with the features that set each apart. Features are ranked by their standardised difference, |Δx|
 * / sd for numbers and 1 for a different category level; price is reported on its own.
 */
final class RivalFinder {

  private static final int DIFFERENCES = 3;
  private static final double NEGLIGIBLE = 0.05;

  private RivalFinder() {}

  static List<Rival> find(FeatureSpace fs, Projector.Basis basis, int k) {
    int ours = fs.ours;
    List<Integer> others = new ArrayList<>();
    for (int i = 0; i < fs.rows(); i++) if (i != ours) others.add(i);
    double[] distance = new double[fs.rows()];
    for (int i : others) distance[i] = fs.distance(ours, i);
    others.sort(Comparator.comparingDouble((Integer i) -> distance[i]).thenComparingInt(i -> i));
    List<Rival> rivals = new ArrayList<>();
    double[][] c = basis.coords();
    for (int rank = 1; rank <= Math.min(k, others.size()); rank++) {
      int i = others.get(rank - 1);
      double mapDistance = Math.hypot(c[i][0] - c[ours][0], c[i][1] - c[ours][1]);
      Double price = price(fs, i);
      Double ourPrice = price(fs, ours);
      Double priceDifference = price == null || ourPrice == null ? null : price - ourPrice;
      List<Rival.Difference> differences = differences(fs, ours, i);
      rivals.add(
          new Rival(
              rank,
              i,
              fs.names[i],
              distance[i],
              mapDistance,
              price,
              priceDifference,
              differences,
              summary(fs, i, priceDifference, ourPrice, differences)));
    }
    return rivals;
  }

  private static Double price(FeatureSpace fs, int i) {
    if (!fs.hasPrice() || Double.isNaN(fs.observedPrice[i])) return null;
    return fs.observedPrice[i];
  }

  private static List<Rival.Difference> differences(FeatureSpace fs, int ours, int rival) {
    List<double[]> ranked = new ArrayList<>();
    for (int s = 0; s < fs.sources.size(); s++) {
      if (s == fs.priceSource) continue;
      FeatureSpace.Source src = fs.sources.get(s);
      double size;
      if (src.categorical()) {
        size = src.labels()[ours].equals(src.labels()[rival]) ? 0 : 1;
      } else {
        FeatureSpace.Dim d = fs.dims.get(fs.dimsOf(s).get(0));
        size = Math.abs(src.numbers()[rival] - src.numbers()[ours]) / d.sd();
      }
      if (size > NEGLIGIBLE) ranked.add(new double[] {s, size});
    }
    ranked.sort(Comparator.comparingDouble((double[] a) -> -a[1]).thenComparingDouble(a -> a[0]));
    List<Rival.Difference> out = new ArrayList<>();
    for (double[] r : ranked.subList(0, Math.min(DIFFERENCES, ranked.size()))) {
      FeatureSpace.Source src = fs.sources.get((int) r[0]);
      out.add(
          new Rival.Difference(
              src.column(), src.text(ours), src.text(rival), describe(src, ours, rival)));
    }
    return out;
  }

  /**
   * "rival has 40 % more horsepower (116 vs 84)", "rival is hatchback, ours sedan (body-style)".
   */
  static String describe(FeatureSpace.Source src, int ours, int rival) {
    if (src.categorical()) {
      return "rival is "
          + src.labels()[rival]
          + ", ours "
          + src.labels()[ours]
          + " ("
          + src.column()
          + ")";
    }
    if (src.kind() == FeatureSpace.Kind.BOOLEAN) {
      return "rival " + (src.numbers()[rival] != 0 ? "has " : "lacks ") + src.column();
    }
    double a = src.numbers()[ours];
    double b = src.numbers()[rival];
    String values = " (" + src.text(rival) + " vs " + src.text(ours) + ")";
    if (a > 0 && b > 0) {
      double ratio = b / a - 1;
      return String.format(
          Locale.ROOT,
          "rival has %s %s %s%s",
          Fmt.percent(Math.abs(ratio)),
          ratio > 0 ? "more" : "less",
          src.column(),
          values);
    }
    return "rival has "
        + FeatureSpace.withUnit(src, Math.abs(b - a))
        + (b > a ? " more " : " less ")
        + src.column()
        + values;
  }

  private static String summary(
      FeatureSpace fs, int i, Double priceDifference, Double ourPrice, List<Rival.Difference> ds) {
    List<String> parts = new ArrayList<>();
    if (priceDifference != null) {
      double gap = Math.abs(priceDifference);
      if (gap <= 0.005 * Math.abs(ourPrice)) parts.add("same price");
      else {
        String share = ourPrice > 0 ? " (" + Fmt.percent(gap / ourPrice) + ")" : "";
        parts.add(Fmt.approx(gap) + (priceDifference > 0 ? " dearer" : " cheaper") + share);
      }
    }
    for (Rival.Difference d : ds) parts.add(d.text());
    if (ds.isEmpty()) parts.add("the same features as ours");
    return fs.names[i] + ": " + String.join("; ", parts);
  }
}
