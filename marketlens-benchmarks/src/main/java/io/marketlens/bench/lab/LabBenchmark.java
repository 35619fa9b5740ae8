package io.marketlens.bench.lab;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Runs the chosen parts of {@code bench lab} and prints the side-by-side table and a JSON line. */
public final class LabBenchmark {

  private LabBenchmark() {}

  private static List<LabBenchPart> parts() {
    return List.of(
        new ChurnMlpBench(),
        new CnnBench(),
        new CharRnnBench("gru"),
        new CharRnnBench("lstm"),
        new TextTransformerBench());
  }

  /** Runs the parts named in {@code options.parts()}; table and JSON to {@code out}. */
  public static List<LabBenchResult> run(LabBenchOptions options, PrintStream out, PrintStream err)
      throws InterruptedException {
    List<LabBenchResult> results = new ArrayList<>();
    for (LabBenchPart p : parts()) {
      if (!options.parts().contains(p.name())) continue;
      err.println("[lab] " + p.name() + " ...");
      results.add(p.run(options, err));
    }
    out.println(table(results, options));
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("benchmark", "lab");
    json.put("threads", options.threads());
    json.put("seed", options.seed());
    json.put("results", results);
    try {
      out.println(new ObjectMapper().writeValueAsString(json));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return results;
  }

  static String table(List<LabBenchResult> results, LabBenchOptions o) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "bench lab (seed %d, %d threads, OMP_WAIT_POLICY=%s)%n",
            o.seed(),
            o.threads(),
            System.getenv().getOrDefault("OMP_WAIT_POLICY", "(unset)")));
    sb.append(
        String.format(
            Locale.ROOT,
            "%-12s %-18s %-14s %9s %9s   %-14s %9s %9s %7s%n",
            "model",
            "data",
            "quality",
            "ours",
            "peer",
            "time",
            "ours",
            "peer",
            "ratio"));
    for (LabBenchResult r : results) {
      sb.append(
          String.format(
              Locale.ROOT,
              "%-12s %-18s %-14s %9.4f %9.4f   %-14s %9.3f %9.3f %6.2fx%n",
              r.part(),
              r.dataset(),
              r.qualityMetric(),
              r.ours(),
              r.peer(),
              r.timeMetric(),
              r.oursTime(),
              r.peerTime(),
              r.timeRatio()));
      for (Map.Entry<String, Object> e : r.extra().entrySet()) {
        sb.append(String.format(Locale.ROOT, "%14s %s: %s%n", "", e.getKey(), e.getValue()));
      }
      if (!r.note().isEmpty())
        sb.append(String.format(Locale.ROOT, "%14s note: %s%n", "", r.note()));
    }
    sb.append("ratio = our time / peer time (below 1: we are faster)");
    return sb.toString();
  }
}
