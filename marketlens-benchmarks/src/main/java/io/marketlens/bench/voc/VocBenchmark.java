package io.marketlens.bench.voc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marketlens.bench.PythonRun;
import io.marketlens.core.io.ReadOptions;
import io.marketlens.core.io.TableReader;
import io.marketlens.core.progress.Progress;
import io.marketlens.core.table.Column;
import io.marketlens.core.table.Table;
import io.marketlens.core.validate.InvalidInputException;
import io.marketlens.ml.embed.Embedder;
import io.marketlens.ml.embed.EmbedderOptions;
import io.marketlens.ml.embed.Language;
import io.marketlens.voc.sentiment.SentimentCandidates;
import io.marketlens.voc.sentiment.SentimentHead;
import io.marketlens.voc.sentiment.SentimentOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.ZipInputStream;

/**
 * {@code marketlens bench voc}: sentence-embedding throughput beside a compute bound, and sentiment
 * accuracy beside the TF-IDF + logistic-regression peer ({@code peers/sentiment_baseline.py}), in
 * one run.
 *
 * <p><b>Throughput.</b> A fresh {@link Embedder} with {@code threads} threads and no cache
 * directory embeds 1,000 short English reviews (the first 1,000 sentences of SST-2 dev then test)
 * and 1,000 Chinese reviews (the first 1,000 non-empty of ChnSentiCorp), after a warm-up of 50
 * other texts per language. Tokens per text are approximate: whitespace words × 1.3 (+2 for [CLS]
 * and [SEP]) for English, characters (+2) for Chinese. FLOPs per token are 2 × the encoder's
 * non-embedding (matrix) parameters plus attention 4·L·n·d (n tokens, L layers, d width); embedding
 * lookups cost no FLOPs. The peak is a 1-second single-thread scalar double-precision FMA loop ×
 * threads. The encoders are int8-quantised and ONNX Runtime uses SIMD, so this "bound" is a
 * yardstick, not a hard ceiling: a fraction above 1 is possible.
 *
 * <p><b>Accuracy.</b> For each data set the training part is split (seeded, stratified) into
 * {@value #VALIDATION_PERCENT}% validation and the rest, the {@link SentimentCandidates candidates}
 * are trained on the rest and the best on validation is chosen, exactly as {@code analyze} does;
 * every candidate then scores the held-out rows, and the chosen one's accuracy is ours. SST-2: all
 * training rows (or a seeded sample) → dev. ChnSentiCorp hotels and online_shopping_10_cats: a
 * seeded stratified 80/20 split of the non-empty reviews. The peer is trained on all SST-2 training
 * rows and its own stratified 80/20 splits with the same seed (scikit-learn's, so not the same
 * rows). A held-out review detected as the other language has no model and counts as wrong.
 */
public final class VocBenchmark {

  static final int THROUGHPUT_TEXTS = 1_000;
  static final int WARM_UP_TEXTS = 50;
  static final int VALIDATION_PERCENT = 10;
  static final double SST2_TARGET = 0.85;
  static final double CHN_TARGET = 0.90;
  static final double EN_TARGET_TEXTS_PER_S = 150;

  /** An encoder's shape: layers, width, and parameters in millions (all, and non-embedding). */
  record Encoder(String name, int layers, int width, double paramsM, double matrixParamsM) {
    double flopsPerToken(double tokensPerText) {
      return 2 * matrixParamsM * 1e6 + 4.0 * layers * tokensPerText * width;
    }
  }

  /**
   * bge-small-en-v1.5: 12 layers, d 384, FFN 1536 (its config.json): 33.4 M parameters, 21.2 M
   * outside embeddings.
   */
  static final Encoder BGE_EN =
      new Encoder(
          "bge-small-en-v1.5 (int8)",
          12,
          384,
          33.4,
          12 * (4.0 * 384 * 384 + 2.0 * 384 * 1536) / 1e6);

  /**
   * bge-small-zh-v1.5: 4 layers, d 512, FFN 2048 (its config.json): 24 M parameters, 12.6 M outside
   * embeddings.
   */
  static final Encoder BGE_ZH =
      new Encoder(
          "bge-small-zh-v1.5 (int8)", 4, 512, 24.0, 4 * (4.0 * 512 * 512 + 2.0 * 512 * 2048) / 1e6);

  private static volatile double sink;

  private VocBenchmark() {}

  /**
   * Runs the benchmark and prints its table and JSON line to {@code out}, progress to {@code err}.
   *
   * @return every figure printed
   * @throws InvalidInputException when the data files are not under {@code options.data()}
   * @throws UncheckedIOException when they cannot be read
   */
  public static VocBenchReport run(VocBenchOptions options, PrintStream out, PrintStream err) {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
    Path data = options.data();
    Path sst = data.resolve("sst2");
    Path reviewsDir = data.resolve("chinese_reviews");
    Path chn = reviewsDir.resolve("ChnSentiCorp_htl_all.csv");
    Path shopping = reviewsDir.resolve("online_shopping_10_cats.zip");
    for (Path p :
        List.of(
            sst.resolve("train.tsv"),
            sst.resolve("dev.tsv"),
            sst.resolve("test_labeled.tsv"),
            chn,
            shopping)) {
      if (!Files.isRegularFile(p)) {
        throw InvalidInputException.usage(
            "the shared datasets folder (holding " + p + ")", "" + data);
      }
    }
    try {
      List<String[]> dev = readSst(sst.resolve("dev.tsv"));
      List<String[]> test = readSst(sst.resolve("test_labeled.tsv"));
      List<String[]> train = readSst(sst.resolve("train.tsv"));
      List<String[]> reviews = readChn(chn);
      // read once: the sentiment part takes its labels, the themes part its categories
      Table shopTable = readZippedTable(shopping);
      List<String[]> shop = reviewRows(shopTable, "label");
      err.printf(
          Locale.ROOT,
          "[voc] SST-2 %,d train, %,d dev, %,d test; ChnSentiCorp %,d; online_shopping %,d;"
              + " Java %s, %d cores, %d threads%n",
          train.size(),
          dev.size(),
          test.size(),
          reviews.size(),
          shop.size(),
          System.getProperty("java.version"),
          Runtime.getRuntime().availableProcessors(),
          options.threads());

      double peak = Double.NaN;
      VocBenchReport.Throughput enT = null;
      VocBenchReport.Throughput zhT = null;
      if (options.parts().contains(VocBenchOptions.Part.THROUGHPUT)) {
        peak = peakGflopsPerCore();
        err.printf(Locale.ROOT, "[voc] scalar fp64 FMA peak: %.2f GFLOP/s per core%n", peak);
        List<String> en = new ArrayList<>();
        for (String[] r : dev) en.add(r[0]);
        for (String[] r : test) en.add(r[0]);
        List<String> zh = new ArrayList<>();
        for (String[] r : reviews) zh.add(r[0]);
        try (Embedder e =
            Embedder.open(EmbedderOptions.defaults().withThreads(options.threads()))) {
          e.embedAll(en.subList(THROUGHPUT_TEXTS, THROUGHPUT_TEXTS + WARM_UP_TEXTS), Progress.NONE);
          e.embedAll(zh.subList(THROUGHPUT_TEXTS, THROUGHPUT_TEXTS + WARM_UP_TEXTS), Progress.NONE);
          err.println("[voc] warm-up done; timing 1,000 English then 1,000 Chinese reviews");
          enT =
              throughput(
                  e, en.subList(0, THROUGHPUT_TEXTS), BGE_EN, false, peak, options.threads());
          zhT =
              throughput(e, zh.subList(0, THROUGHPUT_TEXTS), BGE_ZH, true, peak, options.threads());
        }
        err.printf(
            Locale.ROOT,
            "[voc] English %.1f texts/s, Chinese %.1f texts/s%n",
            enT.textsPerSecond(),
            zhT.textsPerSecond());
      }

      EmbedderOptions eo = EmbedderOptions.defaults().withThreads(options.threads());
      if (options.cacheDir() != null) eo = eo.withCacheDirectory(options.cacheDir());
      List<VocBenchReport.Accuracy> results = new ArrayList<>();
      Peer peer = new Peer(Double.NaN, Double.NaN, Double.NaN, null);
      VocBenchReport.Themes themes = null;
      try (Embedder e = Embedder.open(eo)) {
        if (options.parts().contains(VocBenchOptions.Part.SENTIMENT)) {
          peer = runPeer(options, data, err);
          List<String[]> sample = sample(train, options.sst2TrainRows(), options.seed());
          results.add(
              evaluate(
                  "sst2_dev",
                  "SST-2 dev",
                  Language.EN,
                  sample,
                  dev,
                  peer.sst2,
                  SST2_TARGET,
                  e,
                  options,
                  err));
          List<List<String[]>> split = stratifiedSplit(reviews, 0.2, options.seed());
          results.add(
              evaluate(
                  "chnsenticorp",
                  "ChnSentiCorp 20% hold-out",
                  Language.ZH,
                  split.get(0),
                  split.get(1),
                  peer.chn,
                  CHN_TARGET,
                  e,
                  options,
                  err));
          split = stratifiedSplit(shop, 0.2, options.seed());
          results.add(
              evaluate(
                  "online_shopping",
                  "online_shopping 20% hold-out",
                  Language.ZH,
                  split.get(0),
                  split.get(1),
                  peer.shopping,
                  Double.NaN,
                  e,
                  options,
                  err));
        }
        if (options.parts().contains(VocBenchOptions.Part.THEMES)) {
          themes = ThemeBenchmark.run(reviewRows(shopTable, "cat"), e, options.seed(), err);
        }
      }
      VocBenchReport report =
          new VocBenchReport(options.threads(), peak, enT, zhT, results, peer.note, themes);
      print(out, report);
      out.println(report.toJson());
      return report;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the data in " + data, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("voc benchmark interrupted", e);
    }
  }

  /** The peer's held-out accuracies (NaN when it did not run) and why it did not. */
  private record Peer(double sst2, double chn, double shopping, String note) {}

  private static Peer runPeer(VocBenchOptions options, Path data, PrintStream err)
      throws InterruptedException {
    if (!options.runPeer()) {
      return new Peer(Double.NaN, Double.NaN, Double.NaN, "TF-IDF peer not run (--no-peer)");
    }
    Path script =
        options.peerScript() != null
            ? options.peerScript()
            : defaultScript(data.toAbsolutePath().normalize());
    err.println("[voc] running the TF-IDF peer: " + script + " (about a minute)");
    try {
      List<String> lines =
          PythonRun.run(
              options.python(),
              List.of(
                  script.toString(),
                  "--data",
                  data.toString(),
                  "--seed",
                  Long.toString(options.seed()),
                  "--threads",
                  Integer.toString(options.threads())),
              err,
              "python3-sklearn python3-pandas python3-threadpoolctl");
      if (lines.isEmpty()) throw new PythonRun.UnavailableException("the peer printed nothing");
      JsonNode j = new ObjectMapper().readTree(lines.get(lines.size() - 1));
      return new Peer(
          j.path("sst2").path("dev").path("accuracy").asDouble(Double.NaN),
          j.path("chnsenticorp_htl").path("test").path("accuracy").asDouble(Double.NaN),
          j.path("online_shopping_10_cats").path("test").path("accuracy").asDouble(Double.NaN),
          null);
    } catch (PythonRun.UnavailableException | IOException ex) {
      String note = "TF-IDF peer did not run: " + ex.getMessage();
      err.println("[voc] " + note);
      return new Peer(Double.NaN, Double.NaN, Double.NaN, note);
    }
  }

  private static VocBenchReport.Throughput throughput(
      Embedder e, List<String> texts, Encoder enc, boolean chinese, double peak, int threads) {
    long t0 = System.nanoTime();
    e.embedAll(texts, Progress.NONE);
    double seconds = (System.nanoTime() - t0) / 1e9;
    double tokens = 0;
    for (String t : texts) {
      tokens += chinese ? t.codePointCount(0, t.length()) : 1.3 * t.trim().split("\\s+").length;
      tokens += 2;
    }
    tokens /= texts.size();
    double flops = enc.flopsPerToken(tokens);
    double bound = peak * 1e9 * threads / (flops * tokens);
    double rate = texts.size() / seconds;
    return new VocBenchReport.Throughput(
        enc.name(), texts.size(), seconds, rate, tokens, flops / 1e6, bound, rate / bound);
  }

  /**
   * Trains the candidates on {@code train} ({@value #VALIDATION_PERCENT}% of it for validation),
   * chooses on validation, and scores {@code eval} with every candidate.
   */
  static VocBenchReport.Accuracy evaluate(
      String key,
      String name,
      Language language,
      List<String[]> train,
      List<String[]> eval,
      double peer,
      double target,
      Embedder e,
      VocBenchOptions options,
      PrintStream err) {
    List<List<String[]>> fv = stratifiedSplit(train, VALIDATION_PERCENT / 100.0, options.seed());
    long t0 = System.nanoTime();
    SentimentCandidates.Labelled fit = labelled(fv.get(0), language, e);
    SentimentCandidates.Labelled validation = labelled(fv.get(1), language, e);
    List<String> evalTexts = new ArrayList<>();
    List<Boolean> evalPositive = new ArrayList<>();
    int unscored = 0;
    for (String[] r : eval) {
      if (e.languageOf(r[0]) == language) {
        evalTexts.add(r[0]);
        evalPositive.add(isPositive(r[1]));
      } else {
        unscored++;
      }
    }
    List<float[]> evalVectors = e.embedAll(evalTexts, Progress.NONE);
    err.printf(
        Locale.ROOT,
        "[voc] %s: embedded in %.1f s; training on %,d rows, choosing on %,d, scoring %,d%n",
        name,
        (System.nanoTime() - t0) / 1e9,
        fit.size(),
        validation.size(),
        eval.size());
    SentimentOptions so =
        SentimentOptions.defaults()
            .withSeed(options.seed())
            .withCandidates(options.candidates())
            .withTransformer(
                SentimentOptions.DEFAULT_TRANSFORMER_MIN_ROWS, options.transformerEpochs());
    List<VocBenchReport.Candidate> candidates = new ArrayList<>();
    double ours = Double.NaN;
    String chosen;
    try (SentimentCandidates.Selection s =
        SentimentCandidates.select(
            language, Embedder.modelId(language), fit, validation, so, Progress.NONE)) {
      chosen = s.chosen().id();
      for (SentimentCandidates.Report r : s.reports()) {
        double heldOut = Double.NaN;
        SentimentHead head = s.heads().get(r.candidate());
        if (head != null) {
          double[] p = head.probabilitiesPositive(evalTexts, evalVectors);
          int correct = 0;
          for (int i = 0; i < p.length; i++) if ((p[i] >= 0.5) == evalPositive.get(i)) correct++;
          heldOut = (double) correct / eval.size();
          if (r.chosen()) ours = heldOut;
        }
        double va = r.validation() == null ? Double.NaN : r.validation().accuracy();
        err.printf(
            Locale.ROOT,
            "[voc] %s  %-24s %-8s validation %.4f  held-out %.4f  %.1f s%s%n",
            name,
            r.candidate().id(),
            r.status(),
            va,
            heldOut,
            r.seconds(),
            r.note() == null ? "" : " (" + r.note() + ")");
        candidates.add(
            new VocBenchReport.Candidate(
                r.candidate().id(), r.status(), r.note(), va, heldOut, r.seconds(), r.chosen()));
      }
    }
    return new VocBenchReport.Accuracy(
        key,
        name,
        fit.size(),
        validation.size(),
        eval.size(),
        unscored,
        chosen,
        ours,
        peer,
        target,
        candidates);
  }

  /** The rows of {@code language} with their vectors (rows detected as the other are left out). */
  private static SentimentCandidates.Labelled labelled(
      List<String[]> rows, Language language, Embedder e) {
    List<String> texts = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    for (String[] r : rows) {
      if (e.languageOf(r[0]) != language) continue;
      texts.add(r[0]);
      labels.add(isPositive(r[1]) ? 1 : 0);
    }
    return new SentimentCandidates.Labelled(
        texts,
        e.embedAll(texts, Progress.NONE),
        labels.stream().mapToInt(Integer::intValue).toArray());
  }

  private static boolean isPositive(String label) {
    String l = label.trim().toLowerCase(Locale.ROOT);
    return l.equals("1") || l.equals("true") || l.equals("positive") || l.equals("pos");
  }

  /**
   * {@code sentence<TAB>label} rows after a header, split on the last tab; blank sentences left
   * out.
   */
  static List<String[]> readSst(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<String[]> rows = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      String l = lines.get(i);
      int tab = l.lastIndexOf('\t');
      if (tab < 0) continue;
      String s = l.substring(0, tab).strip();
      if (!s.isEmpty()) rows.add(new String[] {s, l.substring(tab + 1).strip()});
    }
    return rows;
  }

  /**
   * A CSV with {@code review} and {@code label} columns: its non-empty reviews as {review, label}.
   */
  static List<String[]> readChn(Path file) {
    return reviewRows(
        TableReader.read("r", file, ReadOptions.defaults(), Progress.NONE).table(), "label");
  }

  /**
   * The non-empty reviews of {@code t} (a stray U+FEFF removed, stripped) with the value of column
   * {@code other} in the same row, as {review, other}; rows missing either are left out.
   */
  static List<String[]> reviewRows(Table t, String other) {
    Column review = t.column("review");
    Column second = t.column(other);
    List<String[]> rows = new ArrayList<>();
    for (int i = 0; i < t.rowCount(); i++) {
      String r = review.getString(i);
      String y = second.getString(i);
      if (r == null || y == null) continue;
      r = r.replace("\ufeff", "").strip();
      if (!r.isEmpty()) rows.add(new String[] {r, y.strip()});
    }
    return rows;
  }

  /** The table of the one CSV inside a zip file. */
  static Table readZippedTable(Path zip) throws IOException {
    Path tmp = Files.createTempFile("marketlens-voc-", ".csv");
    try {
      try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
        if (in.getNextEntry() == null) {
          throw InvalidInputException.in(zip)
              .expected("a zip holding one CSV")
              .found("an empty zip")
              .build();
        }
        Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
      }
      return TableReader.read("r", tmp, ReadOptions.defaults(), Progress.NONE).table();
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** A seeded sample of {@code n} rows (all when n is 0 or at least the row count). */
  static List<String[]> sample(List<String[]> rows, int n, long seed) {
    if (n == 0 || n >= rows.size()) return rows;
    List<String[]> copy = new ArrayList<>(rows);
    Collections.shuffle(copy, new Random(seed));
    return copy.subList(0, n);
  }

  /**
   * A seeded split stratified by label: [train, test] with {@code testShare} of each class in test.
   */
  static List<List<String[]>> stratifiedSplit(List<String[]> rows, double testShare, long seed) {
    Map<String, List<String[]>> byLabel = new TreeMap<>();
    for (String[] r : rows) byLabel.computeIfAbsent(r[1], k -> new ArrayList<>()).add(r);
    Random rnd = new Random(seed);
    List<String[]> train = new ArrayList<>();
    List<String[]> test = new ArrayList<>();
    for (List<String[]> g : byLabel.values()) {
      Collections.shuffle(g, rnd);
      int k = (int) Math.round(g.size() * testShare);
      test.addAll(g.subList(0, k));
      train.addAll(g.subList(k, g.size()));
    }
    return List.of(train, test);
  }

  /** A 1-second single-thread scalar double-precision FMA loop: GFLOP/s (2 FLOPs per FMA). */
  static double peakGflopsPerCore() {
    double a0 = 1, a1 = 1.1, a2 = 1.2, a3 = 1.3, a4 = 1.4, a5 = 1.5, a6 = 1.6, a7 = 1.7;
    final double x = 0.999999;
    final double y = 1e-7;
    final int chunk = 1 << 20;
    long fmas = 0;
    long start = System.nanoTime();
    long warmEnd = start + 200_000_000L;
    long measuredFrom = 0;
    long t;
    do {
      for (int i = 0; i < chunk; i++) {
        a0 = Math.fma(a0, x, y);
        a1 = Math.fma(a1, x, y);
        a2 = Math.fma(a2, x, y);
        a3 = Math.fma(a3, x, y);
        a4 = Math.fma(a4, x, y);
        a5 = Math.fma(a5, x, y);
        a6 = Math.fma(a6, x, y);
        a7 = Math.fma(a7, x, y);
      }
      t = System.nanoTime();
      if (measuredFrom == 0) {
        if (t >= warmEnd) measuredFrom = t;
      } else {
        fmas += 8L * chunk;
      }
    } while (measuredFrom == 0 || t - measuredFrom < 1_000_000_000L);
    sink = a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7;
    return 2.0 * fmas / (t - measuredFrom);
  }

  private static Path defaultScript(Path datasets) {
    Path root = datasets.getParent();
    return (root == null ? Path.of("peers") : root.resolve("peers"))
        .resolve("sentiment_baseline.py");
  }

  private static void print(PrintStream out, VocBenchReport r) {
    if (r.english() != null) {
      out.printf(
          Locale.ROOT,
          "Embedding throughput, %d threads (peak: %.2f GFLOP/s per core, scalar fp64 FMA, x %d"
              + " threads; tokens per text approximate)%n",
          r.threads(),
          r.peakGflopsPerCore(),
          r.threads());
      out.printf(
          Locale.ROOT,
          "%-26s %7s %10s %12s %12s %12s %9s%n",
          "model",
          "texts",
          "texts/s",
          "~tokens/text",
          "MFLOP/token",
          "bound/s",
          "of bound");
      for (VocBenchReport.Throughput t : List.of(r.english(), r.chinese())) {
        out.printf(
            Locale.ROOT,
            "%-26s %7d %10.1f %12.1f %12.1f %12.1f %8.1f%%%n",
            t.model(),
            t.texts(),
            t.textsPerSecond(),
            t.approxTokensPerText(),
            t.mflopPerToken(),
            t.boundTextsPerSecond(),
            100 * t.fractionOfBound());
      }
      out.printf(
          Locale.ROOT,
          "bound = peak / (FLOPs per token x tokens per text); FLOPs per token = 2 x non-embedding"
              + " parameters + 4.L.n.d attention; English target >= %.0f texts/s: %s%n%n",
          EN_TARGET_TEXTS_PER_S,
          r.english().textsPerSecond() >= EN_TARGET_TEXTS_PER_S ? "met" : "NOT met");
    }
    if (!r.datasets().isEmpty()) {
      out.printf(
          Locale.ROOT,
          "%-30s %7s %6s %6s %-24s %8s %8s %8s%n",
          "Sentiment accuracy",
          "train",
          "valid",
          "eval",
          "chosen",
          "ours",
          "peer",
          "target");
      for (VocBenchReport.Accuracy a : r.datasets()) {
        out.printf(
            Locale.ROOT,
            "%-30s %7d %6d %6d %-24s %8.4f %8s %8s %s%n",
            a.dataset(),
            a.trainRows(),
            a.validationRows(),
            a.evalRows(),
            a.chosen(),
            a.ours(),
            Double.isNaN(a.peer()) ? "-" : String.format(Locale.ROOT, "%.4f", a.peer()),
            Double.isNaN(a.target()) ? ">= peer" : String.format(Locale.ROOT, "%.2f", a.target()),
            a.met() ? "met" : "NOT met");
      }
      out.println();
      out.printf(
          Locale.ROOT,
          "%-30s %-24s %-8s %10s %10s %9s%n",
          "Candidates",
          "candidate",
          "status",
          "validation",
          "held-out",
          "train s");
      for (VocBenchReport.Accuracy a : r.datasets()) {
        for (VocBenchReport.Candidate c : a.candidates()) {
          out.printf(
              Locale.ROOT,
              "%-30s %-24s %-8s %10s %10s %9.1f%s%n",
              a.dataset(),
              c.candidate() + (c.chosen() ? " *" : ""),
              c.status(),
              fmt(c.validationAccuracy()),
              fmt(c.heldOutAccuracy()),
              c.seconds(),
              c.note() == null ? "" : "  " + c.note());
        }
      }
      out.println(
          "* chosen on validation; peer: TF-IDF + logistic regression (sentiment_baseline.py), all"
              + " SST-2 train rows");
      if (r.peerNote() != null) out.println("note: " + r.peerNote());
    }
    if (r.themes() != null) printThemes(out, r.themes());
  }

  private static void printThemes(PrintStream out, VocBenchReport.Themes t) {
    out.printf(
        Locale.ROOT,
        "%nThemes of online_shopping_10_cats, category column hidden: %,d reviews, %d categories%n",
        t.reviews(),
        t.categories());
    out.printf(Locale.ROOT, "%-44s %10s %10s %s%n", "", "ours", "target", "");
    out.printf(
        Locale.ROOT,
        "%-44s %10.4f %10s %s%n",
        "NMI with the categories (unassigned = a group)",
        t.nmiStrict(),
        String.format(Locale.ROOT, ">= %.2f", ThemeBenchmark.NMI_TARGET),
        t.nmiStrict() >= ThemeBenchmark.NMI_TARGET ? "met" : "NOT met");
    out.printf(
        Locale.ROOT,
        "%-44s %10.4f %10.4f %s%n",
        "  baseline TF-IDF + k-means (best of 2 k)",
        t.baselineNmi(),
        t.baselineNmi(),
        t.nmiStrict() >= t.baselineNmi() ? "met" : "NOT met");
    out.printf(
        Locale.ROOT, "%-44s %10.4f%n", "NMI, every review under its nearest theme", t.nmiNearest());
    out.printf(
        Locale.ROOT,
        "%-44s %10.4f %10s %s%n",
        "unassigned share",
        t.unassignedShare(),
        String.format(Locale.ROOT, "<= %.2f", ThemeBenchmark.UNASSIGNED_TARGET),
        t.unassignedShare() <= ThemeBenchmark.UNASSIGNED_TARGET + 1e-9 ? "met" : "NOT met");
    out.printf(
        Locale.ROOT,
        "%-44s %10s %10s %s%n",
        "same seed, identical themes",
        t.sameSeedIdentical() ? "yes" : "no",
        "yes",
        t.sameSeedIdentical() ? "met" : "NOT met");
    out.printf(
        Locale.ROOT,
        "%-44s %10.4f %10s %s  (pairs %.4f %.4f %.4f; k %d/%d/%d; seeds %d/%d/%d)%n",
        "adjusted Rand across 3 seeds (lowest pair)",
        t.minPairAri(),
        String.format(Locale.ROOT, ">= %.2f", ThemeBenchmark.ARI_TARGET),
        t.minPairAri() >= ThemeBenchmark.ARI_TARGET ? "met" : "NOT met",
        t.pairAri()[0],
        t.pairAri()[1],
        t.pairAri()[2],
        t.kBySeed()[0],
        t.kBySeed()[1],
        t.kBySeed()[2],
        t.seeds()[0],
        t.seeds()[1],
        t.seeds()[2]);
    out.printf(
        Locale.ROOT,
        "%-44s %10.4f %10s %s  (longest %d characters)%n",
        "Chinese themes' keywords that are Chinese words",
        t.chineseKeywordShare(),
        "1.00",
        t.chineseKeywordShare() == 1.0 ? "met" : "NOT met",
        t.longestKeyword());
    out.printf(
        Locale.ROOT,
        "baseline: %,d words (HanLP, in >= 2 reviews), NMI %.4f at k = %d, %.4f at our k = %d;"
            + " times: embedding %.1f s, themes %.1f s, baseline %.1f s%n",
        t.baselineVocabulary(),
        t.baselineNmiTrueK(),
        ThemeBenchmark.TRUE_K,
        t.baselineNmiOurK(),
        t.k(),
        t.embedSeconds(),
        t.themeSeconds(),
        t.baselineSeconds());
    out.printf(
        Locale.ROOT,
        "%4s %4s %6s  %-10s %6s  %s%n",
        "id",
        "lang",
        "size",
        "category",
        "share",
        "label: keywords");
    for (VocBenchReport.ThemeRow row : t.rows()) {
      out.printf(
          Locale.ROOT,
          "%4d %4s %6d  %-10s %6.3f  %s: %s%n",
          row.id(),
          row.language(),
          row.size(),
          row.topCategory(),
          row.topCategoryShare(),
          row.label(),
          String.join(" ", row.keywords()));
    }
    out.println("themes targets: " + (t.met() ? "all met" : "NOT all met"));
  }

  private static String fmt(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4f", v);
  }
}
