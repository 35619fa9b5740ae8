package io.marketlens.customers.segment;

import io.marketlens.core.validate.InvalidInputException;
import io.marketlens.customers.features.Feature;
import io.marketlens.customers.features.FeatureContrast;
import io.marketlens.customers.features.FeatureKind;
import io.marketlens.customers.features.FeatureRole;
import io.marketlens.customers.features.FeatureTable;
import io.marketlens.customers.features.Label;
import io.marketlens.customers.persona.Persona;
import io.marketlens.customers.persona.PersonaInput;
import io.marketlens.customers.persona.PersonaWriter;
import io.marketlens.customers.persona.Phrases;
import io.marketlens.ml.cluster.AutoK;
import io.marketlens.ml.cluster.AutoKOptions;
import io.marketlens.ml.cluster.AutoKResult;
import io.marketlens.ml.cluster.ClusterQuality;
import io.marketlens.ml.cluster.ClusterSelection;
import io.marketlens.ml.cluster.Hdbscan;
import io.marketlens.ml.cluster.HdbscanModel;
import io.marketlens.ml.cluster.HdbscanOptions;
import io.marketlens.ml.cluster.KMeans;
import io.marketlens.ml.cluster.KMeansModel;
import io.marketlens.ml.cluster.KMeansOptions;
import io.marketlens.ml.cluster.KScore;
import io.marketlens.ml.cluster.Points;
import io.marketlens.ml.cluster.Silhouette;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Segments customers: the clustering features are taken as {@code log1p} where skewed and
 * standardised; k-means++ with several seeded restarts is fitted for every k in the range and the k
 * with the highest mean silhouette kept (Calinski-Harabasz reported beside it as a check). Or, with
 * {@link SegmentationMethod#HDBSCAN}, {@link Hdbscan} finds dense groups on the same features: the
 * number of segments follows from the data, and customers in no dense group are the unclustered
 * group (segment id 0) rather than forced into a segment. Each segment is then described on every
 * feature of the table against all customers, its most distinguishing features picked by
 * standardised difference from the rest, and given a persona.
 *
 * <p>Usage: {@code Segmentation.run(features.table(), SegmentationOptions.defaults())}.
 *
 * <p>Deterministic: the same table, options and seed give an equal result whatever the thread
 * count. Thread-safe: calls share no state.
 */
public final class Segmentation {

  private Segmentation() {}

  /**
   * Segments the customers of {@code features}.
   *
   * @throws InvalidInputException with fewer than 3 customers, when every customer has the same
   *     clustering features, when a named clustering feature is absent, and for HDBSCAN with fewer
   *     customers than minClusterSize or when it finds no segment (every customer noise)
   */
  public static SegmentationResult run(FeatureTable features, SegmentationOptions options) {
    return run(features, options, HdbscanOptions.DEFAULT_MAX_POINTS);
  }

  /**
   * As {@link #run(FeatureTable, SegmentationOptions)}, HDBSCAN sampling above {@code maxPoints}.
   */
  static SegmentationResult run(FeatureTable features, SegmentationOptions options, int maxPoints) {
    Objects.requireNonNull(features, "features");
    Objects.requireNonNull(options, "options");
    int n = features.size();
    if (n < 3) {
      throw InvalidInputException.in(null)
          .key("customers")
          .expected("at least 3 customers to segment")
          .found(n + (n == 1 ? " customer" : " customers"))
          .build();
    }
    List<String> names = clusterFeatures(features, options);
    Points points = features.standardised(names);
    int distinct = points.distinct(2);
    if (distinct < 2) {
      throw InvalidInputException.in(null)
          .key("customers")
          .expected("customers that differ in at least one of " + String.join(", ", names))
          .found("all " + n + " customers identical")
          .hint("segmentation needs variation; check that the right columns were read")
          .build();
    }
    if (options.method() == SegmentationMethod.HDBSCAN) {
      return hdbscan(features, names, points, options, maxPoints);
    }
    KMeansOptions km =
        new KMeansOptions(
            2,
            options.restarts(),
            KMeansOptions.DEFAULT_MAX_ITERATIONS,
            KMeansOptions.DEFAULT_TOLERANCE,
            options.seed(),
            options.threads());
    KMeansModel model;
    List<KScore> scores;
    String chosenBy;
    Silhouette sil;
    double ch;
    int chK;
    if (options.fixedK() > 0) {
      int k = Math.min(options.fixedK(), Math.min(n - 1, points.distinct(options.fixedK())));
      if (k < 2) k = 2;
      model = KMeans.fit(points, km.withK(k));
      int[] labels = model.labels();
      sil = ClusterQuality.silhouette(points, labels, options.seed(), options.threads());
      ch = ClusterQuality.calinskiHarabasz(points, labels);
      chK = k;
      List<Integer> sizes = new ArrayList<>();
      for (int v : model.sizes()) sizes.add(v);
      scores = List.of(new KScore(k, sil.value(), ch, model.inertia(), model.iterations(), sizes));
      chosenBy = "fixed";
    } else {
      AutoKResult auto = AutoK.choose(points, new AutoKOptions(options.minK(), options.maxK(), km));
      model = auto.model();
      scores = auto.scores();
      KScore best = auto.chosen();
      sil = new Silhouette(best.silhouette(), auto.silhouetteExact(), auto.silhouettePoints());
      ch = best.calinskiHarabasz();
      chK = auto.calinskiHarabaszK();
      chosenBy = "silhouette";
    }
    int k = model.k();
    int[] segmentOf = renumber(model.sizes());
    int[] raw = model.labels();
    int[] assignments = new int[n];
    for (int i = 0; i < n; i++) assignments[i] = segmentOf[raw[i]];
    Described described = describe(features, assignments, k, options);
    Double overallChurn = features.label().map(l -> l.rate(null)).orElse(null);
    return new SegmentationResult(
        k,
        chosenBy,
        sil.value(),
        sil.exact(),
        sil.points(),
        ch,
        chK,
        scores,
        names,
        described.segments(),
        features.ids(),
        assignments,
        overallChurn,
        options.seed(),
        SegmentationMethod.KMEANS,
        null,
        null,
        List.of());
  }

  /**
   * HDBSCAN on the standardised clustering features; the customers it calls noise become the
   * unclustered group (id 0), the silhouette is taken over the clustered customers.
   */
  private static SegmentationResult hdbscan(
      FeatureTable features,
      List<String> names,
      Points points,
      SegmentationOptions o,
      int maxPoints) {
    int n = features.size();
    boolean byDefault = o.minClusterSize() == 0;
    int minClusterSize =
        byDefault ? SegmentationOptions.defaultMinClusterSize(n) : o.minClusterSize();
    int minSamples = o.minSamples() == 0 ? minClusterSize : o.minSamples();
    String lower =
        byDefault
            ? "set a minClusterSize below the default "
                + minClusterSize
                + " (1% of the customers, at least 5)"
            : "lower minClusterSize";
    if (minClusterSize > n) {
      throw InvalidInputException.in(null)
          .key("segments.minClusterSize")
          .expected("at most the number of customers (" + n + ")")
          .found(String.valueOf(minClusterSize))
          .hint(lower + " or use method kmeans")
          .build();
    }
    HdbscanModel model =
        Hdbscan.fit(
            points,
            new HdbscanOptions(
                minClusterSize, minSamples, o.selection(), maxPoints, o.seed(), o.threads()));
    int k = model.k();
    if (k == 0) {
      throw InvalidInputException.in(null)
          .key("segments.minClusterSize")
          .expected("segments of at least " + minClusterSize + " customers")
          .found("HDBSCAN found none among " + n + " customers: all are noise")
          .hint(lower + " or minSamples, or use method kmeans")
          .build();
    }
    int[] raw = model.labels();
    int[] segmentOf = renumber(model.sizes());
    int[] assignments = new int[n];
    int clustered = 0;
    for (int i = 0; i < n; i++) {
      assignments[i] = raw[i] == HdbscanModel.NOISE ? 0 : segmentOf[raw[i]];
      if (assignments[i] > 0) clustered++;
    }
    int d = points.dims();
    double[] sub = new double[clustered * d];
    int[] subLabels = new int[clustered];
    for (int i = 0, j = 0; i < n; i++) {
      if (assignments[i] == 0) continue;
      System.arraycopy(points.values(), i * d, sub, j * d, d);
      subLabels[j++] = assignments[i] - 1;
    }
    Points inSegments = new Points(sub, d);
    Silhouette sil = ClusterQuality.silhouette(inSegments, subLabels, o.seed(), o.threads());
    double ch = ClusterQuality.calinskiHarabasz(inSegments, subLabels);
    Described described = describe(features, assignments, k, o);
    HdbscanSummary summary =
        new HdbscanSummary(
            minClusterSize,
            byDefault,
            minSamples,
            o.selection(),
            model.fitPoints(),
            model.sampled(),
            model.fitMinClusterSize(),
            model.fitMinSamples());
    List<String> notes = new ArrayList<>();
    if (model.sampled()) {
      notes.add(
          String.format(
              Locale.ROOT,
              "HDBSCAN was fitted on a seeded sample of %,d of the %,d customers (minClusterSize %d"
                  + " and minSamples %d scaled to %d and %d on the sample); every other customer"
                  + " joined the segment of its nearest sampled customer, or is unclustered if"
                  + " that one is.",
              model.fitPoints(),
              n,
              minClusterSize,
              minSamples,
              model.fitMinClusterSize(),
              model.fitMinSamples()));
    }
    return new SegmentationResult(
        k,
        o.selection() == ClusterSelection.LEAF ? "leaf" : "excess of mass",
        sil.value(),
        sil.exact(),
        sil.points(),
        ch,
        k,
        List.of(),
        names,
        described.segments(),
        features.ids(),
        assignments,
        features.label().map(l -> l.rate(null)).orElse(null),
        o.seed(),
        SegmentationMethod.HDBSCAN,
        summary,
        described.unclustered(),
        notes);
  }

  static List<String> clusterFeatures(FeatureTable t, SegmentationOptions o) {
    if (!o.clusterFeatures().isEmpty()) {
      for (String name : o.clusterFeatures()) t.feature(name);
      return o.clusterFeatures();
    }
    List<String> rfm = new ArrayList<>();
    for (FeatureRole r :
        List.of(FeatureRole.RECENCY, FeatureRole.FREQUENCY, FeatureRole.MONETARY)) {
      t.byRole(r).ifPresent(f -> rfm.add(f.name()));
    }
    if (rfm.size() == 3) return rfm;
    List<String> all = new ArrayList<>();
    for (Feature f : t.features()) {
      if (f.role() != FeatureRole.LIFETIME_VALUE) all.add(f.name());
    }
    if (all.isEmpty()) {
      throw InvalidInputException.in(null)
          .key("features")
          .expected("at least one feature to segment on")
          .found("only lifetime value")
          .build();
    }
    return all;
  }

  /** Cluster index → 1-based segment id, largest first (lower cluster index on ties). */
  private static int[] renumber(int[] sizes) {
    Integer[] order = new Integer[sizes.length];
    for (int j = 0; j < order.length; j++) order[j] = j;
    Arrays.sort(order, Comparator.<Integer>comparingInt(j -> -sizes[j]).thenComparingInt(j -> j));
    int[] id = new int[sizes.length];
    for (int r = 0; r < order.length; r++) id[order[r]] = r + 1;
    return id;
  }

  /** The segments, largest first, and the unclustered group (null when empty). */
  private record Described(List<Segment> segments, Segment unclustered) {}

  private static Described describe(
      FeatureTable t, int[] assignments, int k, SegmentationOptions o) {
    int n = t.size();
    int[][] members = members(assignments, k);
    List<Feature> features = t.features();
    Feature monetary = t.byRole(FeatureRole.MONETARY).orElse(null);
    Feature clv = t.byRole(FeatureRole.LIFETIME_VALUE).orElse(null);
    Label label = t.label().orElse(null);
    Double overallChurn = label == null ? null : label.rate(null);
    double totalSpend = monetary == null ? 0 : sum(monetary.values(), null);
    Double overallClv = clv == null ? null : sum(clv.values(), null) / n;
    int horizon = clv == null ? 0 : horizonMonths(clv);
    Stats[] stats = new Stats[features.size()];
    for (int f = 0; f < stats.length; f++) stats[f] = Stats.of(features.get(f));

    List<PersonaInput> inputs = new ArrayList<>();
    List<SegmentValue> values = new ArrayList<>();
    List<Double> churn = new ArrayList<>();
    for (int s = 0; s <= k; s++) {
      int[] rows = members[s];
      if (rows.length == 0) continue;
      List<FeatureContrast> profile = new ArrayList<>();
      for (int f = 0; f < stats.length; f++) {
        profile.add(stats[f].contrast(features.get(f), rows));
      }
      List<FeatureContrast> dist = distinguishing(features, profile, o);
      Double churnRate = label == null ? null : label.rate(rows);
      Double meanSpend = monetary == null ? null : sum(monetary.values(), rows) / rows.length;
      Double spendShare =
          monetary == null || totalSpend <= 0 ? null : sum(monetary.values(), rows) / totalSpend;
      Double totalClv = clv == null ? null : sum(clv.values(), rows);
      Double meanClv = totalClv == null ? null : totalClv / rows.length;
      values.add(new SegmentValue(meanSpend, spendShare, meanClv, totalClv));
      churn.add(churnRate);
      inputs.add(
          new PersonaInput(
              s,
              rows.length,
              (double) rows.length / n,
              profile,
              dist,
              churnRate,
              overallChurn,
              meanClv,
              overallClv,
              horizon));
    }
    int first = members[0].length > 0 ? 1 : 0;
    List<Persona> personas = PersonaWriter.write(inputs.subList(first, inputs.size()));
    List<Segment> out = new ArrayList<>();
    Segment unclustered = null;
    for (int s = 0; s < inputs.size(); s++) {
      PersonaInput in = inputs.get(s);
      Segment g =
          new Segment(
              in.id(),
              in.size(),
              in.share(),
              in.profile(),
              in.distinguishing(),
              values.get(s),
              churn.get(s),
              s < first ? PersonaWriter.unclustered(in) : personas.get(s - first));
      if (s < first) unclustered = g;
      else out.add(g);
    }
    return new Described(out, unclustered);
  }

  /**
   * The strongest contrasts by |standardised difference|, at least {@code minDifference}, one per
   * input column, lifetime value left out (it is reported as value); the strongest one when none
   * passes.
   */
  static List<FeatureContrast> distinguishing(
      List<Feature> features, List<FeatureContrast> profile, SegmentationOptions o) {
    Integer[] order = new Integer[profile.size()];
    for (int i = 0; i < order.length; i++) order[i] = i;
    Arrays.sort(
        order,
        Comparator.<Integer>comparingDouble(i -> -Math.abs(profile.get(i).standardisedDifference()))
            .thenComparingInt(i -> i));
    List<FeatureContrast> out = new ArrayList<>();
    Set<String> sources = new HashSet<>();
    FeatureContrast fallback = null;
    for (int i : order) {
      FeatureContrast c = profile.get(i);
      Feature f = features.get(i);
      if (c.role() == FeatureRole.LIFETIME_VALUE) continue;
      // A level that is rarer in the segment says little ("not Contract Two year"); prefer others.
      boolean absentLevel = f.kind() != FeatureKind.NUMERIC && c.standardisedDifference() < 0;
      if (fallback == null && !absentLevel) fallback = c;
      if (Math.abs(c.standardisedDifference()) < o.minDifference()) break;
      if (absentLevel) continue;
      String source = f.source() == null ? f.name() : f.source();
      if (sources.contains(source) || repeats(out, c)) continue;
      sources.add(source);
      out.add(c);
      if (out.size() == o.maxDistinguishing()) break;
    }
    if (out.isEmpty() && fallback != null) out.add(fallback);
    return out;
  }

  /**
   * Whether {@code c} says what an already chosen contrast says: the same shares and difference
   * (Telco's "no internet service" levels of six columns are one fact).
   */
  private static boolean repeats(List<FeatureContrast> chosen, FeatureContrast c) {
    for (FeatureContrast o : chosen) {
      if (o.kind() == c.kind()
          && o.groupValue() == c.groupValue()
          && o.overallValue() == c.overallValue()
          && Math.abs(o.standardisedDifference() - c.standardisedDifference()) < 1e-12) {
        return true;
      }
    }
    return false;
  }

  /** Rows of each segment id 0..k (0: unclustered, empty for k-means). */
  private static int[][] members(int[] assignments, int k) {
    int[] size = new int[k + 1];
    for (int a : assignments) size[a]++;
    int[][] m = new int[k + 1][];
    for (int s = 0; s <= k; s++) m[s] = new int[size[s]];
    int[] fill = new int[k + 1];
    for (int i = 0; i < assignments.length; i++) {
      int s = assignments[i];
      m[s][fill[s]++] = i;
    }
    return m;
  }

  private static double sum(double[] v, int[] rows) {
    double s = 0;
    if (rows == null) for (double x : v) s += x;
    else for (int i : rows) s += v[i];
    return s;
  }

  /** The horizon of a lifetime-value feature, read from its unit ("12 months"), else 12. */
  private static int horizonMonths(Feature clv) {
    String u = clv.unit().trim();
    int space = u.indexOf(' ');
    try {
      return Integer.parseInt(space > 0 ? u.substring(0, space) : u);
    } catch (NumberFormatException e) {
      return 12;
    }
  }

  /** One feature's overall summary, for contrasts. */
  private record Stats(double overallTypical, double mean, double sd, double sumTransformed) {

    static Stats of(Feature f) {
      double[] v = f.values();
      int n = v.length;
      double s = 0;
      for (int i = 0; i < n; i++) s += f.transformed(i);
      double mean = s / n;
      double ss = 0;
      for (int i = 0; i < n; i++) {
        double d = f.transformed(i) - mean;
        ss += d * d;
      }
      return new Stats(typical(f, null), mean, Math.sqrt(ss / n), s);
    }

    FeatureContrast contrast(Feature f, int[] rows) {
      int n = f.size();
      double inside = 0;
      for (int i : rows) inside += f.transformed(i);
      int rest = n - rows.length;
      double d = 0;
      if (sd > 0 && rest > 0) {
        double meanIn = inside / rows.length;
        double meanRest = (sumTransformed - inside) / rest;
        d = (meanIn - meanRest) / sd;
      }
      return Phrases.contrast(f, typical(f, rows), overallTypical, d);
    }

    /** The median for numbers, the share of 1s for flags and levels. */
    static double typical(Feature f, int[] rows) {
      double[] v = f.values();
      if (f.kind() != FeatureKind.NUMERIC) {
        double s = 0;
        if (rows == null) for (double x : v) s += x;
        else for (int i : rows) s += v[i];
        return s / (rows == null ? v.length : rows.length);
      }
      double[] sel;
      if (rows == null) sel = v.clone();
      else {
        sel = new double[rows.length];
        for (int j = 0; j < rows.length; j++) sel[j] = v[rows[j]];
      }
      Arrays.sort(sel);
      int m = sel.length;
      return m % 2 == 1 ? sel[m / 2] : 0.5 * (sel[m / 2 - 1] + sel[m / 2]);
    }
  }
}
