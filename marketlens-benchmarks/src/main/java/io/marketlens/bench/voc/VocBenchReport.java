package io.marketlens.bench.voc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Every figure {@link VocBenchmark#run} printed.
 *
 * @param threads the embedder's threads
 * @param peakGflopsPerCore the measured single-thread scalar double-precision FMA rate
 * @param english the throughput on short English reviews
 * @param chinese the throughput on Chinese reviews
 * @param sst2 SST-2 dev accuracy, ours and the peer's
 * @param chnSentiCorp ChnSentiCorp 20% hold-out accuracy, ours and the peer's
 * @param peerNote why the peer's figures are missing; null when it ran
 */
public record VocBenchReport(
    int threads,
    double peakGflopsPerCore,
    Throughput english,
    Throughput chinese,
    Accuracy sst2,
    Accuracy chnSentiCorp,
    String peerNote) {

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

  /** Accuracy on one data set; {@code peer} is NaN when the peer did not run. */
  public record Accuracy(
      String dataset, int trainRows, int evalRows, double ours, double peer, double target) {}

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
    put(a.putObject("sst2_dev"), sst2);
    put(a.putObject("chnsenticorp"), chnSentiCorp);
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
    n.put("eval_rows", a.evalRows());
    n.put("ours", round(a.ours(), 4));
    if (Double.isNaN(a.peer())) n.putNull("peer");
    else n.put("peer", round(a.peer(), 4));
    n.put("target", a.target());
  }

  private static double round(double v, int digits) {
    if (!Double.isFinite(v)) return v;
    double f = Math.pow(10, digits);
    return Math.round(v * f) / f;
  }
}
