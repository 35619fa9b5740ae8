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
 */
public record VocBenchReport(
    int threads,
    double peakGflopsPerCore,
    Throughput english,
    Throughput chinese,
    List<Accuracy> datasets,
    String peerNote) {

  public VocBenchReport {
    datasets = List.copyOf(datasets);
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
    ObjectNode t = root.putObject("throughput");
    put(t.putObject("english"), english);
    put(t.putObject("chinese"), chinese);
    ObjectNode a = root.putObject("accuracy");
    for (Accuracy d : datasets) put(a.putObject(d.key()), d);
    if (peerNote != null) root.put("peer_note", peerNote);
    return root.toString();
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
