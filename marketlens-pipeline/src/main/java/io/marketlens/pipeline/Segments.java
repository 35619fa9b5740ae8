package io.marketlens.pipeline;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.marketlens.core.progress.Progress;
import io.marketlens.core.project.DataSection;
import io.marketlens.core.project.ProjectFile;
import io.marketlens.core.project.SegmentSettings;
import io.marketlens.core.result.ResultsJson;
import io.marketlens.core.validate.InvalidInputException;
import io.marketlens.customers.churn.ChurnResult;
import io.marketlens.customers.churn.Reason;
import io.marketlens.customers.clv.ClvModel;
import io.marketlens.customers.clv.ClvOptions;
import io.marketlens.customers.clv.ClvResult;
import io.marketlens.customers.features.CleanTransactions;
import io.marketlens.customers.features.CustomerFeatureOptions;
import io.marketlens.customers.features.CustomerFeatures;
import io.marketlens.customers.features.FeatureContrast;
import io.marketlens.customers.features.FeatureResult;
import io.marketlens.customers.features.FeatureTable;
import io.marketlens.customers.features.TransactionColumns;
import io.marketlens.customers.features.TransactionFeatureOptions;
import io.marketlens.customers.features.TransactionFeatures;
import io.marketlens.customers.segment.HdbscanSummary;
import io.marketlens.customers.segment.Segment;
import io.marketlens.customers.segment.Segmentation;
import io.marketlens.customers.segment.SegmentationMethod;
import io.marketlens.customers.segment.SegmentationOptions;
import io.marketlens.customers.segment.SegmentationResult;
import io.marketlens.ml.cluster.ClusterSelection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Customer segments and personas. The customers table, when given, is segmented on its own columns
 * ({@code customers.segments}, with churn rate and churn drivers per segment when a churn model
 * ran); transactions, when given, are segmented on purchase behaviour with lifetime value ({@code
 * customers.purchases}). With transactions alone, the purchase segments are the segments. Each
 * section's {@code segments} setting picks k-means (default) or HDBSCAN; HDBSCAN's unclustered
 * customers are written as {@code unclustered} beside the segments.
 */
final class Segments {

  /** Below this many customers no segmentation is attempted. */
  static final int MIN_SEGMENT_ROWS = 20;

  private Segments() {}

  static void run(
      ProjectFile project,
      Map<String, LoadedTable> tables,
      ObjectNode customers,
      ChurnResult churn,
      Findings findings,
      Progress progress) {
    LoadedTable c = tables.get("customers");
    if (c != null && c.table().rowCount() < MIN_SEGMENT_ROWS) {
      customers
          .withArray("notes")
          .add(
              "segmentation skipped: "
                  + c.table().rowCount()
                  + " customers, at least "
                  + MIN_SEGMENT_ROWS
                  + " needed");
    } else if (c != null) {
      DataSection s = c.section();
      CustomerFeatureOptions fo = CustomerFeatureOptions.defaults();
      if (s.column("churn").isPresent()) fo = fo.withLabel(s.column("churn").get());
      FeatureResult features =
          CustomerFeatures.fromCustomers(c.table(), s.column("id").orElseThrow(), fo);
      SegmentationResult seg = segment(features.table(), project, s);
      write(customers, seg, churn, null);
      findings.segments(shared("customers.segments", seg));
    }
    LoadedTable t = tables.get("transactions");
    if (t != null) {
      ObjectNode purchases = c == null ? customers : customers.putObject("purchases");
      DataSection s = t.section();
      TransactionColumns cols =
          TransactionColumns.of(
              s.column("customer").orElseThrow(), s.column("time").orElseThrow(),
              s.column("quantity").orElseThrow(), s.column("price").orElseThrow());
      if (s.column("invoice").isPresent()) cols = cols.withInvoice(s.column("invoice").get());
      if (s.column("product").isPresent()) cols = cols.withProduct(s.column("product").get());
      CleanTransactions tx = CleanTransactions.of(t.table(), cols, "C");
      FeatureResult features = TransactionFeatures.build(tx, TransactionFeatureOptions.defaults());
      ClvResult clv = ClvModel.run(tx, ClvOptions.defaults());
      FeatureTable table = features.table().withFeature(clv.toFeature(features.table().ids()));
      SegmentationResult seg = segment(table, project, s);
      purchases.set("cleaning", ResultsJson.MAPPER.valueToTree(features.cleaning()));
      purchases.set("clv", clvNode(clv));
      write(purchases, seg, null, clv);
      findings.segments(
          shared(c == null ? "customers.segments" : "customers.purchases.segments", seg));
    }
  }

  /**
   * Segments {@code table} as the section's {@code segments} settings say. A segmentation input
   * error (HDBSCAN finding no segment, say) is reported against the project file and the full key
   * path ({@code data.transactions.segments.minClusterSize}).
   */
  private static SegmentationResult segment(
      FeatureTable table, ProjectFile project, DataSection section) {
    SegmentSettings settings = section.segments();
    SegmentationOptions options = SegmentationOptions.defaults().withSeed(project.seed());
    if (settings.method().equals(SegmentationMethod.HDBSCAN.id())) {
      options =
          options.hdbscan(
              settings.minClusterSize(),
              settings.minSamples(),
              settings.selection().equals(ClusterSelection.LEAF.id())
                  ? ClusterSelection.LEAF
                  : ClusterSelection.EXCESS_OF_MASS);
    }
    try {
      return Segmentation.run(table, options);
    } catch (InvalidInputException e) {
      if (e.file() != null || e.key() == null || !e.key().startsWith("segments.")) throw e;
      throw InvalidInputException.in(project.file())
          .key("data." + section.name() + "." + e.key())
          .expected(e.expected())
          .found(e.found())
          .hint(e.hint())
          .build(e);
    }
  }

  private static void write(
      ObjectNode parent, SegmentationResult seg, ChurnResult churn, ClvResult clv) {
    ObjectNode s = parent.putObject("segmentation");
    s.put("method", seg.method().id());
    s.put("k", seg.k());
    s.put("chosenBy", seg.chosenBy());
    s.put("silhouette", seg.silhouette());
    s.put("silhouetteExact", seg.silhouetteExact());
    s.put("noiseShare", seg.noiseShare());
    HdbscanSummary h = seg.hdbscan();
    if (h == null) {
      s.put("calinskiHarabaszK", seg.calinskiHarabaszK());
    } else {
      s.put("silhouetteOf", "clustered customers");
      s.put("silhouettePoints", seg.silhouettePoints());
      s.put("noise", seg.noise());
      s.put("minClusterSize", h.minClusterSize());
      s.put("minClusterSizeDefault", h.minClusterSizeDefault());
      s.put("minSamples", h.minSamples());
      s.put("clusterSelection", h.selection().id());
      s.put("fitCustomers", h.fitCustomers());
      s.put("sampled", h.sampled());
    }
    s.set("clusterFeatures", ResultsJson.MAPPER.valueToTree(seg.clusterFeatures()));
    if (h == null) s.set("candidates", ResultsJson.MAPPER.valueToTree(seg.scores()));
    s.put("summary", summary(seg));
    if (!seg.notes().isEmpty()) s.set("notes", ResultsJson.MAPPER.valueToTree(seg.notes()));
    ArrayNode out = parent.putArray("segments");
    for (Segment g : seg.segments()) {
      ObjectNode n = out.addObject();
      n.put("id", g.id());
      group(n, g);
      n.put("need", need(g, seg, clv));
      profile(n, g);
      if (churn != null) {
        List<Reason> drivers = churn.driversFor(rowsOf(seg, g.id()));
        ArrayNode d = n.putArray("churnDrivers");
        for (Reason r : drivers.subList(0, Math.min(3, drivers.size()))) {
          d.addObject()
              .put("column", r.column())
              .put("value", r.value())
              .put("logOdds", r.logOdds());
        }
      }
    }
    Segment u = seg.unclustered();
    if (u != null) {
      ObjectNode n = parent.putObject("unclustered");
      group(n, u);
      profile(n, u);
    }
  }

  /** One line on how the segments were made, for the report. */
  private static String summary(SegmentationResult seg) {
    String on = String.join(", ", seg.clusterFeatures());
    HdbscanSummary h = seg.hdbscan();
    if (h == null) {
      return String.format(
          Locale.ROOT,
          "k = %d chosen by %s (silhouette %.3f; Calinski-Harabasz prefers k = %d), k-means++ with seeded restarts on %s.",
          seg.k(),
          seg.chosenBy(),
          seg.silhouette(),
          seg.calinskiHarabaszK(),
          on);
    }
    return String.format(
        Locale.ROOT,
        "HDBSCAN with minClusterSize %d%s, minSamples %d and %s selection found %d segments on"
            + " %s; %,d customers (%.1f%%) fit none and are reported as unclustered; silhouette of"
            + " the clustered customers %.3f.",
        h.minClusterSize(),
        h.minClusterSizeDefault() ? " (the default: 1% of the customers, at least 5)" : "",
        h.minSamples(),
        h.selection() == ClusterSelection.LEAF ? "leaf" : "excess-of-mass",
        seg.k(),
        on,
        seg.noise(),
        100 * seg.noiseShare(),
        seg.silhouette());
  }

  /** Label, persona, size, share, value and churn of a segment or the unclustered group. */
  private static void group(ObjectNode n, Segment g) {
    n.put("label", g.persona().label());
    n.put("persona", g.persona().sentence());
    n.put("size", g.size());
    n.put("share", g.share());
    if (g.value() != null && g.value().meanSpend() != null)
      n.put("monetary", g.value().meanSpend());
    if (g.value() != null && g.value().meanClv() != null) n.put("clv", g.value().meanClv());
    if (g.churnRate() != null) n.put("churnRate", g.churnRate());
  }

  /** The distinguishing features in plain words. */
  private static void profile(ObjectNode n, Segment g) {
    ArrayNode profile = n.putArray("profile");
    for (FeatureContrast f : g.distinguishing()) {
      profile
          .addObject()
          .put("feature", f.feature())
          .put("text", f.text())
          .put("segmentValue", f.groupValue())
          .put("overallValue", f.overallValue())
          .put("standardisedDifference", f.standardisedDifference());
    }
  }

  /** The segments as later steps (reviews per segment) read them; unclustered customers are 0. */
  private static Findings.CustomerSegments shared(String source, SegmentationResult seg) {
    Map<String, Integer> segmentOf = new HashMap<>();
    for (int i = 0; i < seg.ids().size(); i++)
      segmentOf.put(seg.ids().get(i), seg.assignments()[i]);
    Map<Integer, String> labels = new HashMap<>();
    for (Segment g : seg.segments()) labels.put(g.id(), g.persona().label());
    if (seg.unclustered() != null) labels.put(0, seg.unclustered().label());
    return new Findings.CustomerSegments(source, segmentOf, labels);
  }

  /** "who ..." for the positioning statement, from the segment's numbers. */
  private static String need(Segment g, SegmentationResult seg, ClvResult clv) {
    if (g.churnRate() != null && seg.overallChurnRate() != null) {
      return String.format(
          Locale.ROOT,
          "churn at %.0f%% (vs %.0f%% overall)",
          100 * g.churnRate(),
          100 * seg.overallChurnRate());
    }
    if (g.value() != null && g.value().meanClv() != null && clv != null) {
      double overall = meanClv(clv);
      return String.format(
          Locale.ROOT,
          "are worth about %,.0f each over %d months (vs %,.0f overall)",
          g.value().meanClv(),
          clv.horizonMonths(),
          overall);
    }
    return g.distinguishing().isEmpty() ? "" : "show " + g.distinguishing().get(0).text();
  }

  /** Mean predicted lifetime value over all customers. */
  private static double meanClv(ClvResult clv) {
    double mean = 0;
    for (double v : clv.lifetimeValue()) mean += v / clv.lifetimeValue().length;
    return mean;
  }

  private static int[] rowsOf(SegmentationResult seg, int id) {
    List<Integer> rows = new ArrayList<>();
    for (int i = 0; i < seg.assignments().length; i++) if (seg.assignments()[i] == id) rows.add(i);
    return rows.stream().mapToInt(Integer::intValue).toArray();
  }

  private static ObjectNode clvNode(ClvResult clv) {
    ObjectNode n = ResultsJson.MAPPER.createObjectNode();
    n.put("method", "BG/NBD (Fader, Hardie & Lee 2005) + Gamma-Gamma (Fader & Hardie 2013)");
    n.put("horizonMonths", clv.horizonMonths());
    n.put("monthlyDiscountRate", clv.monthlyDiscountRate());
    n.put("referenceDay", clv.referenceDay().toString());
    n.set("model", ResultsJson.MAPPER.valueToTree(clv.model()));
    n.set("holdout", ResultsJson.MAPPER.valueToTree(clv.holdout()));
    double mean = meanClv(clv);
    n.put("meanClv", mean);
    n.put("customers", clv.ids().size());
    return n;
  }
}
