package io.marketlens.bench.customers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marketlens.bench.PythonRun;
import io.marketlens.bench.customers.CustomersBenchReport.Analysis;
import io.marketlens.bench.customers.CustomersBenchReport.Peer;
import io.marketlens.core.io.ReadOptions;
import io.marketlens.core.io.TableReader;
import io.marketlens.core.progress.Progress;
import io.marketlens.core.table.Table;
import io.marketlens.core.validate.InvalidInputException;
import io.marketlens.customers.clv.BgNbdParameters;
import io.marketlens.customers.clv.ClvModel;
import io.marketlens.customers.clv.ClvOptions;
import io.marketlens.customers.clv.ClvResult;
import io.marketlens.customers.clv.GammaGammaParameters;
import io.marketlens.customers.clv.HoldoutCheck;
import io.marketlens.customers.features.CleanTransactions;
import io.marketlens.customers.features.FeatureResult;
import io.marketlens.customers.features.FeatureTable;
import io.marketlens.customers.features.TransactionColumns;
import io.marketlens.customers.features.TransactionFeatureOptions;
import io.marketlens.customers.features.TransactionFeatures;
import io.marketlens.customers.segment.Segment;
import io.marketlens.customers.segment.Segmentation;
import io.marketlens.customers.segment.SegmentationOptions;
import io.marketlens.customers.segment.SegmentationResult;
import io.marketlens.ml.cluster.AutoK;
import io.marketlens.ml.cluster.AutoKOptions;
import io.marketlens.ml.cluster.AutoKResult;
import io.marketlens.ml.cluster.KMeans;
import io.marketlens.ml.cluster.KMeansModel;
import io.marketlens.ml.cluster.KMeansOptions;
import io.marketlens.ml.cluster.KScore;
import io.marketlens.ml.cluster.Points;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * {@code marketlens bench customers}: the pipeline of {@code shared/peers/rfm_kmeans.py} (pandas +
 * scikit-learn) in Marketlens, then the peer itself, in one invocation, side by side.
 *
 * <p>Workload, the same on both sides: read Online Retail; drop lines without a customer id,
 * cancellations ('C' invoices), quantity <= 0 and unit price <= 0; per customer recency (days from
 * the last purchase day to the day after the last invoice day), frequency (distinct invoices) and
 * monetary value (sum of quantity * price); {@code log1p} then standardise ("RFM features", timed
 * from the typed table to the standardised matrix); k-means++ with 10 restarts for k = 2..8 and the
 * exact silhouette on all customers, the best silhouette chosen ("choose k"); then {@code KMeans(8,
 * one restart)} on {@code scaleRows} x 8 standard normal points (k-means++ included in the time),
 * by default numpy's {@code default_rng(seed).standard_normal} points so that both sides cluster
 * the same data. Ours runs first: the first RFM and scale runs are reported as "first" (cold JIT),
 * then {@code repeats} more are timed and their median is compared. The peer runs afterwards with
 * {@code OMP_WAIT_POLICY=PASSIVE} and the same thread count.
 *
 * <p>Run it as {@code marketlens bench customers --data ../shared/datasets}. Stdout gets the table
 * and, last, one JSON line; progress goes to stderr. Not to be run twice at once in one JVM.
 */
public final class CustomersBenchmark {

  /** What the peer needs from Debian. */
  private static final String PEER_PACKAGES = "python3-sklearn python3-pandas";

  static final String RETAIL = "online_retail/online_retail.csv.gz";

  private CustomersBenchmark() {}

  /**
   * Runs the benchmark and prints its table and JSON line to {@code out}, progress to {@code err}.
   *
   * @return every figure printed
   * @throws InvalidInputException when Online Retail is not under {@code options.data()}
   * @throws UncheckedIOException when a file cannot be read
   */
  public static CustomersBenchReport run(
      CustomersBenchOptions options, PrintStream out, PrintStream err) {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
    Path file = options.data().resolve(RETAIL);
    if (!Files.isRegularFile(file)) {
      throw InvalidInputException.in(file)
          .expected("the shared datasets folder, holding " + RETAIL)
          .found("no such file")
          .hint("pass --data ../shared/datasets")
          .build();
    }
    try {
      CustomersBenchReport r = measure(options, file, err);
      print(out, r);
      out.println(r.toJson());
      return r;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("customers benchmark interrupted", e);
    }
  }

  private static CustomersBenchReport measure(CustomersBenchOptions o, Path file, PrintStream err)
      throws InterruptedException {
    err.printf(
        Locale.ROOT,
        "[customers] Java %s, %d cores, %d threads, seed %d%n",
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        o.threads(),
        o.seed());
    long t0 = System.nanoTime();
    Table table =
        TableReader.read("transactions", file, ReadOptions.defaults(), Progress.NONE).table();
    double load = seconds(t0);
    err.printf(Locale.ROOT, "[customers] read %,d lines in %.2f s%n", table.rowCount(), load);

    TransactionFeatureOptions rfmOnly = TransactionFeatureOptions.defaults().withRfmOnly(true);
    List<String> rfm = List.of("recency", "frequency", "monetary");
    double[] rfmTimes = new double[o.repeats() + 1];
    FeatureResult features = null;
    Points points = null;
    for (int i = 0; i < rfmTimes.length; i++) {
      long t = System.nanoTime();
      features = TransactionFeatures.build(table, TransactionColumns.onlineRetail(), rfmOnly);
      points = features.table().standardised(rfm);
      rfmTimes[i] = seconds(t);
    }
    double rfmMedian = median(Arrays.copyOfRange(rfmTimes, 1, rfmTimes.length));
    err.printf(
        Locale.ROOT,
        "[customers] RFM features: first %.3f s, median of %d %.3f s%n",
        rfmTimes[0],
        o.repeats(),
        rfmMedian);

    KMeansOptions km =
        new KMeansOptions(
            2,
            10,
            KMeansOptions.DEFAULT_MAX_ITERATIONS,
            KMeansOptions.DEFAULT_TOLERANCE,
            o.seed(),
            o.threads());
    long tk = System.nanoTime();
    AutoKResult auto = AutoK.choose(points, new AutoKOptions(2, 8, km));
    double autoSeconds = seconds(tk);
    err.printf(
        Locale.ROOT,
        "[customers] k = 2..8: chose %d (silhouette %.4f) in %.2f s%n",
        auto.k(),
        auto.chosen().silhouette(),
        autoSeconds);

    String[] source = new String[1];
    Points scale = scalePoints(o, source, err);
    KMeansOptions scaleOptions = km.withK(8).withRestarts(1);
    double[] kmTimes = new double[o.repeats() + 1];
    KMeansModel model = null;
    for (int i = 0; i < kmTimes.length; i++) {
      long t = System.nanoTime();
      model = KMeans.fit(scale, scaleOptions);
      kmTimes[i] = seconds(t);
      err.printf(
          Locale.ROOT,
          "[customers] KMeans(8) on %,d x 8: %.3f s, %d iterations%n",
          scale.size(),
          kmTimes[i],
          model.iterations());
    }
    double kmMedian = median(Arrays.copyOfRange(kmTimes, 1, kmTimes.length));

    Analysis analysis = o.analysis() ? analyse(table, o, err) : null;

    Peer peer = null;
    String note = null;
    if (o.runPeer()) {
      Path script = o.peerScript() != null ? o.peerScript() : defaultScript(o.data());
      err.println("[customers] running the peer: " + script);
      try {
        peer = peer(o, script, err);
      } catch (PythonRun.UnavailableException e) {
        note = "peer did not run: " + e.getMessage();
        err.println("[customers] " + note);
      }
    } else {
      note = "peer not run (runPeer = false)";
    }
    return new CustomersBenchReport(
        table.rowCount(),
        (int) features.cleaning().rowsKept(),
        features.table().size(),
        o.threads(),
        o.seed(),
        load,
        rfmTimes[0],
        rfmMedian,
        auto.k(),
        auto.chosen().silhouette(),
        auto.calinskiHarabaszK(),
        auto.scores(),
        autoSeconds,
        scale.size(),
        source[0],
        kmTimes[0],
        kmMedian,
        model.iterations(),
        model.inertia(),
        analysis,
        peer,
        note);
  }

  /** numpy's points through Python when asked and possible, else our own seeded draws. */
  private static Points scalePoints(CustomersBenchOptions o, String[] source, PrintStream err)
      throws InterruptedException {
    if (o.samePoints()) {
      Path tmp = null;
      try {
        tmp = Files.createTempFile("marketlens-bench-points-", ".f64");
        PythonRun.run(
            o.python(),
            List.of(
                "-c",
                "import sys, numpy as np; np.random.default_rng(int(sys.argv[1]))"
                    + ".standard_normal((int(sys.argv[2]), 8)).astype('<f8').tofile(sys.argv[3])",
                Long.toString(o.seed()),
                Integer.toString(o.scaleRows()),
                tmp.toString()),
            err,
            PEER_PACKAGES);
        double[] v = readDoubles(tmp, o.scaleRows() * 8);
        source[0] = "numpy default_rng(" + o.seed() + ").standard_normal, as the peer";
        return new Points(v, 8);
      } catch (PythonRun.UnavailableException | IOException e) {
        err.println("[customers] numpy points unavailable (" + e.getMessage() + "); using ours");
      } finally {
        if (tmp != null) {
          try {
            Files.deleteIfExists(tmp);
          } catch (IOException e) {
            err.println("[customers] could not delete " + tmp);
          }
        }
      }
    }
    SplittableRandom rng = new SplittableRandom(o.seed());
    double[] v = new double[o.scaleRows() * 8];
    for (int i = 0; i < v.length; i += 2) {
      double u1 = 1 - rng.nextDouble();
      double u2 = rng.nextDouble();
      double r = Math.sqrt(-2 * Math.log(u1));
      v[i] = r * Math.cos(2 * Math.PI * u2);
      if (i + 1 < v.length) v[i + 1] = r * Math.sin(2 * Math.PI * u2);
    }
    source[0] = "Java SplittableRandom(" + o.seed() + ") Box-Muller (not the peer's points)";
    return new Points(v, 8);
  }

  private static double[] readDoubles(Path file, int count) throws IOException {
    double[] v = new double[count];
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      if (ch.size() != 8L * count) {
        throw new IOException("expected " + 8L * count + " bytes, found " + ch.size());
      }
      var buf = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size()).order(ByteOrder.LITTLE_ENDIAN);
      buf.asDoubleBuffer().get(v);
    }
    return v;
  }

  /** Full features, CLV (holdout check, then refit) and segments with personas; untimed. */
  private static Analysis analyse(Table table, CustomersBenchOptions o, PrintStream err) {
    CleanTransactions tx = CleanTransactions.of(table, TransactionColumns.onlineRetail(), "C");
    FeatureResult all = TransactionFeatures.build(tx, TransactionFeatureOptions.defaults());
    ClvResult clv = ClvModel.run(tx, ClvOptions.defaults());
    FeatureTable withClv = all.table().withFeature(clv.toFeature(all.table().ids()));
    SegmentationResult seg =
        Segmentation.run(
            withClv, SegmentationOptions.defaults().withSeed(o.seed()).withThreads(o.threads()));
    List<String> lines = new ArrayList<>();
    for (Segment s : seg.segments()) {
      lines.add(s.id() + ". " + s.label() + " — " + s.sentence());
    }
    HoldoutCheck h = clv.holdout();
    Map<String, Object> holdout = new LinkedHashMap<>();
    holdout.put("calibration_end", h.calibrationEnd().toString());
    holdout.put("holdout_days", h.holdoutDays());
    holdout.put("customers", h.customers());
    holdout.put("predicted_purchases", round(h.predictedPurchases()));
    holdout.put("actual_purchases", round(h.actualPurchases()));
    holdout.put("correlation", round(h.correlation()));
    holdout.put("mae", round(h.meanAbsoluteError()));
    holdout.put("baseline_correlation", round(h.baselineCorrelation()));
    holdout.put("baseline_mae", round(h.baselineMeanAbsoluteError()));
    holdout.put("spend_correlation", round(h.spendCorrelation()));
    holdout.put("spend_mae", round(h.spendMeanAbsoluteError()));
    BgNbdParameters b = clv.model().bgNbd();
    GammaGammaParameters g = clv.model().gammaGamma();
    Map<String, Double> model = new LinkedHashMap<>();
    model.put("r", round(b.r()));
    model.put("alpha", round(b.alpha()));
    model.put("a", round(b.a()));
    model.put("b", round(b.b()));
    model.put("p", round(g.p()));
    model.put("q", round(g.q()));
    model.put("gamma", round(g.gamma()));
    err.printf(
        Locale.ROOT,
        "[customers] analysis: %d segments, CLV holdout correlation %.3f%n",
        seg.k(),
        h.correlation());
    return new Analysis(lines, seg.k(), seg.silhouette(), holdout, model, clv.meanLifetimeValue());
  }

  private static Peer peer(CustomersBenchOptions o, Path script, PrintStream err)
      throws PythonRun.UnavailableException, InterruptedException {
    if (!Files.isRegularFile(script)) {
      throw new PythonRun.UnavailableException("peer script not found: " + script);
    }
    List<String> lines =
        PythonRun.run(
            o.python(),
            List.of(
                script.toString(),
                "--data",
                o.data().toString(),
                "--seed",
                Long.toString(o.seed()),
                "--threads",
                Integer.toString(o.threads()),
                "--scale-rows",
                Integer.toString(o.scaleRows())),
            err,
            PEER_PACKAGES);
    if (lines.isEmpty()) throw new PythonRun.UnavailableException("the peer printed nothing");
    JsonNode j;
    try {
      j = new ObjectMapper().readTree(lines.get(lines.size() - 1));
    } catch (IOException e) {
      throw new PythonRun.UnavailableException(
          "the peer's last line is not JSON: " + lines.get(lines.size() - 1), e);
    }
    return new Peer(
        j.path("load_s").asDouble(),
        j.path("features_s").asDouble(),
        j.path("cluster_s_k2_8").asDouble(),
        j.path("scale_kmeans8_s").asDouble(),
        j.path("scale_kmeans8_iters").asInt(),
        j.path("chosen_k").asInt(),
        j.path("silhouette").asDouble(),
        j.path("n_customers").asInt(),
        j.path("n_clean_rows").asInt(),
        j.path("sklearn").asText());
  }

  private static Path defaultScript(Path datasets) {
    Path root = datasets.toAbsolutePath().normalize().getParent();
    return (root == null ? Path.of("peers") : root.resolve("peers")).resolve("rfm_kmeans.py");
  }

  private static void print(PrintStream out, CustomersBenchReport r) {
    Peer p = r.peer();
    out.printf(
        Locale.ROOT,
        "Online Retail: %,d lines -> %,d clean -> %,d customers; %d threads, seed %d%n",
        r.rows(),
        r.cleanRows(),
        r.customers(),
        r.threads(),
        r.seed());
    out.printf(Locale.ROOT, "%-44s %12s %12s %8s%n", "", "marketlens", "scikit-learn", "ratio");
    row(out, "read CSV (s)", r.loadSeconds(), p == null ? Double.NaN : p.loadSeconds());
    row(
        out,
        "RFM features, median (s)",
        r.rfmSeconds(),
        p == null ? Double.NaN : p.featuresSeconds());
    row(out, "RFM features, first run (s)", r.rfmFirstSeconds(), Double.NaN);
    row(
        out,
        "k = 2..8, 10 restarts + silhouettes (s)",
        r.autoKSeconds(),
        p == null ? Double.NaN : p.clusterSeconds());
    row(
        out,
        String.format(Locale.ROOT, "KMeans(8) %,d x 8, median (s)", r.scaleRows()),
        r.kmeansSeconds(),
        p == null ? Double.NaN : p.kmeansSeconds());
    row(out, "KMeans(8), first run (s)", r.kmeansFirstSeconds(), Double.NaN);
    out.printf(
        Locale.ROOT,
        "%-44s %12d %12s%n",
        "KMeans(8) iterations",
        r.kmeansIterations(),
        p == null ? "" : String.valueOf(p.kmeansIterations()));
    out.printf(
        Locale.ROOT,
        "%-44s %12d %12s%n",
        "chosen k",
        r.chosenK(),
        p == null ? "" : String.valueOf(p.chosenK()));
    out.printf(
        Locale.ROOT,
        "%-44s %12.4f %12s%n",
        "silhouette at chosen k",
        r.silhouette(),
        p == null ? "" : String.format(Locale.ROOT, "%.4f", p.silhouette()));
    out.println("scale points: " + r.scalePoints());
    out.printf(
        Locale.ROOT,
        "%-4s %10s %10s %10s %6s  %s%n",
        "k",
        "silhouette",
        "CH",
        "inertia",
        "iters",
        "sizes");
    for (KScore s : r.perK()) {
      out.printf(
          Locale.ROOT,
          "%-4d %10.4f %10.1f %10.2f %6d  %s%n",
          s.k(),
          s.silhouette(),
          s.calinskiHarabasz(),
          s.inertia(),
          s.iterations(),
          s.sizes());
    }
    out.printf(Locale.ROOT, "Calinski-Harabasz prefers k = %d%n", r.calinskiHarabaszK());
    if (p == null) out.println(r.peerNote());
    Analysis a = r.analysis();
    if (a != null) {
      out.printf(
          Locale.ROOT,
          "Segments on the full features (RFM clustered, all described), k = %d, silhouette %.4f:%n",
          a.k(),
          a.silhouette());
      for (String l : a.segments()) out.println("  " + l);
      out.println("CLV holdout check (BG/NBD + Gamma-Gamma): " + a.holdout());
      out.println("CLV model (full period, days): " + a.model());
      out.printf(Locale.ROOT, "mean 12-month CLV per customer: %.2f%n", a.meanClv());
    }
  }

  private static void row(PrintStream out, String label, double ours, double theirs) {
    out.printf(
        Locale.ROOT,
        "%-44s %12.3f %12s %8s%n",
        label,
        ours,
        Double.isNaN(theirs) ? "" : String.format(Locale.ROOT, "%.3f", theirs),
        Double.isNaN(theirs) || theirs <= 0
            ? ""
            : String.format(Locale.ROOT, "%.2fx", ours / theirs));
  }

  private static double round(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }

  private static double seconds(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
  }
}
