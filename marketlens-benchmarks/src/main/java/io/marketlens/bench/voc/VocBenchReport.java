package io.marketlens.bench.voc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Every figure {@link VocBenchmark#run} printed.
 *
 * @param threads the embedder's threads
 * @param peakGflopsPerCore the measured single-thread scalar double-precision FMA rate
 * @param english the throughput on short English reviews
 * @param chinese the throughput on Chinese reviews
 * @param datasets sentiment accuracy per data set (SST-2, ChnSentiCorp, online_shopping_10_cats),
 *     ours and the peer's
 * @param peerNote why the peer's figures are missing; null when it ran
 * @param themes the themes part; null when it was not run
 */
public record VocBenchReport(
    int threads,
    double peakGflopsPerCore,
    Throughput english,
    Throughput chinese,
    List<Accuracy> datasets,
    String peerNote,
    Themes themes) {

  public VocBenchReport {
    datasets = List.copyOf(datasets);
  }

  /**
   * Themes of online_shopping_10_cats (category column hidden) against its categories.
   *
   * @param reviews the non-empty reviews clustered
   * @param categories the hidden categories
   * @param k the themes found (seed {@code seeds[0]})
   * @param nmiStrict NMI with the categories, unassigned reviews as one more group
   * @param nmiNearest NMI with every review under its nearest theme
   * @param unassignedShare the share of reviews left unassigned
   * @param baselineNmiTrueK the TF-IDF + k-means baseline's NMI with k = the number of categories
   * @param baselineNmiOurK the baseline's NMI with our k
   * @param baselineVocabulary the baseline's TF-IDF terms (words in at least 2 reviews)
   * @param sameSeedIdentical whether a second run with the first seed gave identical themes
   * @param seeds the three seeds
   * @param kBySeed the themes found with each seed
   * @param pairAri adjusted Rand index of the nearest-theme labels: seeds 1-2, 1-3, 2-3
   * @param chineseKeywordShare the share of the Chinese themes' keywords that are Chinese words
   *     (Han only, 1-8 characters); the few reviews detected as English form English themes
   * @param longestKeyword the longest keyword, in characters
   * @param embedSeconds embedding time (short when the cache holds the vectors)
   * @param themeSeconds one theme analysis (seed 1, with its own stability re-runs)
   * @param baselineSeconds the baseline: tokenising, TF-IDF and both k-means fits
   * @param rows the themes of the first seed
   */
  public record Themes(
      int reviews,
      int categories,
      int k,
      double nmiStrict,
      double nmiNearest,
      double unassignedShare,
      double baselineNmiTrueK,
      double baselineNmiOurK,
      int baselineVocabulary,
      boolean sameSeedIdentical,
      long[] seeds,
      int[] kBySeed,
      double[] pairAri,
      double chineseKeywordShare,
      int longestKeyword,
      double embedSeconds,
      double themeSeconds,
      double baselineSeconds,
      List<ThemeRow> rows) {
    public Themes {
      seeds = seeds.clone();
      kBySeed = kBySeed.clone();
      pairAri = pairAri.clone();
      rows = List.copyOf(rows);
    }

    /** The better of the baseline's two figures: the one to beat. */
    public double baselineNmi() {
      return Math.max(baselineNmiTrueK, baselineNmiOurK);
    }

    /** The lowest adjusted Rand index over the seed pairs. */
    public double minPairAri() {
      double m = Double.POSITIVE_INFINITY;
      for (double v : pairAri) m = Math.min(m, v);
      return m;
    }

    /** Whether every themes target of the issue holds. */
    public boolean met() {
      return nmiStrict >= ThemeBenchmark.NMI_TARGET
          && nmiStrict >= baselineNmi()
          && unassignedShare <= ThemeBenchmark.UNASSIGNED_TARGET + 1e-9
          && sameSeedIdentical
          && minPairAri() >= ThemeBenchmark.ARI_TARGET
          && chineseKeywordShare == 1.0;
    }
  }

  /**
   * One theme as the benchmark prints it.
   *
   * @param id the theme id
   * @param language its language, {@code ZH} or {@code EN}
   * @param label its label
   * @param size its assigned reviews
   * @param keywords its keywords
   * @param topCategory the hidden category most of its reviews belong to
   * @param topCategoryShare the share of its reviews in that category
   */
  public record ThemeRow(
      int id,
      String language,
      String label,
      int size,
      List<String> keywords,
      String topCategory,
      double topCategoryShare) {
    public ThemeRow {
      keywords = List.copyOf(keywords);
    }
  }

  /** Embedding throughput on one language against the compute bound. */
  public record Throughput(
      String model,
      int texts,
      double seconds,
      double textsPerSecond,
      double approxTokensPerText,
      double mflopPerToken,
      double boundTextsPerSecond,
      double fractionOfBound) {}

  /**
   * Sentiment accuracy on one data set.
   *
   * @param key the JSON key, e.g. {@code sst2_dev}
   * @param dataset the data set and evaluation split in words
   * @param trainRows rows the candidates were fitted on
   * @param validationRows rows they were chosen on (carved from the training part)
   * @param evalRows held-out rows scored
   * @param unscored held-out rows our model could not score (detected as the other language); they
   *     count as wrong
   * @param chosen the candidate chosen on validation
   * @param ours the chosen candidate's held-out accuracy
   * @param peer the peer's held-out accuracy; NaN when it did not run
   * @param target the target; NaN when the target is the peer's figure
   * @param candidates every candidate's figures
   */
  public record Accuracy(
      String key,
      String dataset,
      int trainRows,
      int validationRows,
      int evalRows,
      int unscored,
      String chosen,
      double ours,
      double peer,
      double target,
      List<Candidate> candidates) {
    public Accuracy {
      candidates = List.copyOf(candidates);
    }

    /** Whether ours meets the target (and, where the target is the peer, the peer's figure). */
    public boolean met() {
      boolean target = Double.isNaN(this.target) || ours >= this.target;
      boolean peer = Double.isNaN(this.peer) || ours >= this.peer;
      return target && peer;
    }
  }

  /**
   * One candidate on one data set.
   *
   * @param candidate its name
   * @param status {@code trained}, {@code skipped} or {@code failed}
   * @param note why it was skipped or failed; null when trained
   * @param validationAccuracy its accuracy on the validation rows; NaN when not trained
   * @param heldOutAccuracy its accuracy on the held-out rows; NaN when not trained
   * @param seconds its training time
   * @param chosen whether it was chosen
   */
  public record Candidate(
      String candidate,
      String status,
      String note,
      double validationAccuracy,
      double heldOutAccuracy,
      double seconds,
      boolean chosen) {}

  /** The whole report as one line of JSON. */
  public String toJson() {
    ObjectMapper m = new ObjectMapper();
    ObjectNode root = m.createObjectNode();
    root.put("benchmark", "voc");
    root.put("threads", threads);
    root.put("peak_gflops_per_core_fp64_scalar_fma", round(peakGflopsPerCore, 3));
    if (english != null) {
      ObjectNode t = root.putObject("throughput");
      put(t.putObject("english"), english);
      put(t.putObject("chinese"), chinese);
    }
    if (!datasets.isEmpty()) {
      ObjectNode a = root.putObject("accuracy");
      for (Accuracy d : datasets) put(a.putObject(d.key()), d);
    }
    if (peerNote != null) root.put("peer_note", peerNote);
    if (themes != null) put(root.putObject("themes"), themes);
    return root.toString();
  }

  private static void put(ObjectNode n, Themes t) {
    n.put("dataset", "online_shopping_10_cats");
    n.put("reviews", t.reviews());
    n.put("categories", t.categories());
    n.put("k", t.k());
    number(n, "nmi_strict", t.nmiStrict());
    number(n, "nmi_nearest", t.nmiNearest());
    number(n, "unassigned_share", t.unassignedShare());
    ObjectNode b = n.putObject("baseline_tfidf_kmeans");
    b.put("vocabulary", t.baselineVocabulary());
    number(b, "nmi_true_k", t.baselineNmiTrueK());
    number(b, "nmi_our_k", t.baselineNmiOurK());
    n.put("same_seed_identical", t.sameSeedIdentical());
    ArrayNode seeds = n.putArray("seeds");
    for (long s : t.seeds()) seeds.add(s);
    ArrayNode ks = n.putArray("k_by_seed");
    for (int k : t.kBySeed()) ks.add(k);
    ArrayNode ari = n.putArray("pair_ari");
    for (double v : t.pairAri()) ari.add(round(v, 4));
    number(n, "chinese_keyword_share", t.chineseKeywordShare());
    n.put("longest_keyword_chars", t.longestKeyword());
    n.put("embed_seconds", round(t.embedSeconds(), 1));
    n.put("theme_seconds", round(t.themeSeconds(), 1));
    n.put("baseline_seconds", round(t.baselineSeconds(), 1));
    n.put("met", t.met());
    ArrayNode rows = n.putArray("themes");
    for (ThemeRow r : t.rows()) {
      ObjectNode o = rows.addObject();
      o.put("id", r.id());
      o.put("language", r.language());
      o.put("label", r.label());
      o.put("size", r.size());
      ArrayNode kw = o.putArray("keywords");
      r.keywords().forEach(kw::add);
      o.put("top_category", r.topCategory());
      number(o, "top_category_share", r.topCategoryShare());
    }
  }

  private static void put(ObjectNode n, Throughput t) {
    n.put("model", t.model());
    n.put("texts", t.texts());
    n.put("seconds", round(t.seconds(), 3));
    n.put("texts_per_s", round(t.textsPerSecond(), 1));
    n.put("approx_tokens_per_text", round(t.approxTokensPerText(), 1));
    n.put("mflop_per_token", round(t.mflopPerToken(), 2));
    n.put("bound_texts_per_s", round(t.boundTextsPerSecond(), 1));
    n.put("fraction_of_bound", round(t.fractionOfBound(), 3));
  }

  private static void put(ObjectNode n, Accuracy a) {
    n.put("train_rows", a.trainRows());
    n.put("validation_rows", a.validationRows());
    n.put("eval_rows", a.evalRows());
    n.put("unscored", a.unscored());
    n.put("chosen", a.chosen());
    n.put("ours", round(a.ours(), 4));
    number(n, "peer", a.peer());
    number(n, "target", a.target());
    ArrayNode cs = n.putArray("candidates");
    for (Candidate c : a.candidates()) {
      ObjectNode cn = cs.addObject();
      cn.put("candidate", c.candidate());
      cn.put("status", c.status());
      if (c.note() != null) cn.put("note", c.note());
      number(cn, "validation_accuracy", c.validationAccuracy());
      number(cn, "held_out_accuracy", c.heldOutAccuracy());
      cn.put("seconds", round(c.seconds(), 2));
      cn.put("chosen", c.chosen());
    }
  }

  private static void number(ObjectNode n, String key, double v) {
    if (Double.isNaN(v)) n.putNull(key);
    else n.put(key, round(v, 4));
  }

  private static double round(double v, int digits) {
    if (!Double.isFinite(v)) return v;
    double f = Math.pow(10, digits);
    return Math.round(v * f) / f;
  }
}
