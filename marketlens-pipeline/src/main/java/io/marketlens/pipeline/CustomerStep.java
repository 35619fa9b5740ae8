package io.marketlens.pipeline;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.marketlens.core.progress.Progress;
import io.marketlens.core.project.DataSection;
import io.marketlens.core.project.ProjectFile;
import io.marketlens.core.result.ResultsJson;
import io.marketlens.customers.churn.CandidateResult;
import io.marketlens.customers.churn.ChurnAnalysis;
import io.marketlens.customers.churn.ChurnDriver;
import io.marketlens.customers.churn.ChurnOptions;
import io.marketlens.customers.churn.ChurnResult;
import io.marketlens.customers.churn.SavedChurnModel;
import io.marketlens.ml.tabular.BinaryMetrics;
import java.util.Map;

/**
 * The customers capability, run with a customers section, a transactions section or both: churn
 * model and drivers when the customers section names a churn label ({@code customers.churn});
 * segments and personas ({@code customers.segments}).
 */
final class CustomerStep implements Capabilities.Step {

  /**
   * Below this many customers a churn model is not trained (the churn analysis needs 50 labelled).
   */
  static final int MIN_CHURN_ROWS = 50;

  /** Where the kept churn model is saved, relative to the output directory. */
  static final String CHURN_MODEL = "models/churn";

  @Override
  public void run(
      ProjectFile project,
      Map<String, LoadedTable> tables,
      ObjectNode results,
      Findings findings,
      Progress progress) {
    LoadedTable t = tables.get("customers");
    ObjectNode customers = results.putObject("customers");
    ChurnResult churn = null;
    // With transactions alone there is no customers table, hence no churn label.
    DataSection s = t == null ? null : t.section();
    boolean labelled = s != null && s.column("churn").isPresent();
    if (labelled && t.table().rowCount() < MIN_CHURN_ROWS) {
      customers
          .withArray("notes")
          .add(
              "churn model skipped: "
                  + t.table().rowCount()
                  + " customers, at least "
                  + MIN_CHURN_ROWS
                  + " needed");
    } else if (labelled) {
      ChurnOptions options =
          ChurnOptions.defaults(s.column("id").orElseThrow(), s.column("churn").orElseThrow())
              .withSeed(project.seed());
      churn = ChurnAnalysis.run(t.table(), options, progress);
      customers.set("churn", churnNode(churn));
      ChurnResult model = churn;
      findings.output(
          CHURN_MODEL,
          dir -> SavedChurnModel.save(model, dir, t.quality().file(), t.report().sha256()));
    }
    Segments.run(project, tables, customers, churn, findings, progress);
  }

  private static ObjectNode churnNode(ChurnResult r) {
    ObjectNode n = ResultsJson.MAPPER.createObjectNode();
    n.put("label", r.labelColumn());
    n.put("customers", r.customers());
    n.put("churnRate", r.churnRate());
    n.put("chosen", r.chosen());
    n.put("model", CHURN_MODEL);
    n.set("metrics", metrics(r.test()));
    n.put(
        "split",
        r.trainRows()
            + " train / "
            + r.validationRows()
            + " validation / "
            + r.testRows()
            + " test rows, stratified");
    ArrayNode candidates = n.putArray("candidates");
    for (CandidateResult c : r.candidates()) {
      ObjectNode cn = candidates.addObject();
      cn.put("name", c.name());
      cn.put("description", c.description());
      if (c.failure() != null) {
        cn.put("failure", c.failure());
        continue;
      }
      cn.put("validationAuc", c.validationAuc());
      cn.set("metrics", metrics(c.test()));
    }
    n.set("calibration", ResultsJson.MAPPER.valueToTree(r.calibration()));
    ArrayNode drivers = n.putArray("drivers");
    for (ChurnDriver d : r.drivers()) drivers.add(ResultsJson.MAPPER.<ObjectNode>valueToTree(d));
    n.put("reasonMethod", r.reasonMethod());
    n.set("highestRisk", ResultsJson.MAPPER.valueToTree(r.highestRisk()));
    n.set("features", ResultsJson.MAPPER.valueToTree(r.features()));
    n.set("dropped", ResultsJson.MAPPER.valueToTree(r.dropped()));
    return n;
  }

  /** The metric names used everywhere (CLI JSON, results, HTTP): DESIGN §4.3. */
  private static ObjectNode metrics(BinaryMetrics m) {
    ObjectNode n = ResultsJson.MAPPER.createObjectNode();
    if (m == null) return n;
    n.put("auc", m.rocAuc());
    n.put("prAuc", m.prAuc());
    n.put("accuracy", m.atHalf().accuracy());
    n.put("precision", m.atHalf().precision());
    n.put("recall", m.atHalf().recall());
    n.put("f1", m.atHalf().f1());
    n.put("logLoss", m.logLoss());
    n.put("brier", m.brier());
    n.put("ece", m.ece());
    n.put("rows", m.rows());
    n.set("confusion", ResultsJson.MAPPER.valueToTree(m.atHalf()));
    n.set("bestF1", ResultsJson.MAPPER.valueToTree(m.atBestF1()));
    return n;
  }
}
