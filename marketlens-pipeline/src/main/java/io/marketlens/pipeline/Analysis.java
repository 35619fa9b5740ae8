package io.marketlens.pipeline;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.marketlens.core.io.ReadResult;
import io.marketlens.core.io.TableReader;
import io.marketlens.core.output.AtomicOutput;
import io.marketlens.core.privacy.PiiOptions;
import io.marketlens.core.privacy.PiiRedactor;
import io.marketlens.core.privacy.Pseudonymizer;
import io.marketlens.core.privacy.RedactionResult;
import io.marketlens.core.progress.Progress;
import io.marketlens.core.project.DataSection;
import io.marketlens.core.project.ProjectFile;
import io.marketlens.core.quality.QualitySummarizer;
import io.marketlens.core.quality.TableQuality;
import io.marketlens.core.result.ResultsJson;
import io.marketlens.report.ReportWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs what a project file asks for: reads and checks every data table, pseudonymises personal
 * data, summarises data quality, runs the capabilities the data allows, and writes {@code
 * results.json}, the HTML report and the models it trained ({@code models/<name>/}, e.g. {@code
 * models/sentiment}). Output is staged in a temporary directory and swapped into place only when
 * everything succeeded, so a failed run leaves the output directory as it was.
 */
public final class Analysis {

  /** Version of Marketlens written into results.json. */
  public static final String VERSION = "0.1.0";

  private final ProjectFile project;
  private final AnalysisOptions options;
  private final Progress progress;

  private Analysis(ProjectFile project, AnalysisOptions options, Progress progress) {
    this.project = project;
    this.options = options;
    this.progress = progress;
  }

  /**
   * Analyses {@code project} into {@code options.outDir()}.
   *
   * @throws io.marketlens.core.validate.InvalidInputException for a mistake in the data or project
   *     file; the output directory is then left untouched
   */
  public static AnalysisResult run(
      ProjectFile project, AnalysisOptions options, Progress progress) {
    return new Analysis(project, options, progress).run();
  }

  private AnalysisResult run() {
    if (!"local".equals(options.engine())) {
      throw io.marketlens.core.validate.InvalidInputException.usage(
          "--engine local (the Spark engine is not available in this version)", options.engine());
    }
    Map<String, Double> timings = new LinkedHashMap<>();
    long start = System.nanoTime();
    Map<String, LoadedTable> tables = loadTables();
    timings.put("read", (System.nanoTime() - start) / 1e9);
    ObjectNode results = ResultsJson.newDocument();
    results.put("project", project.project());
    results.put("generator", "marketlens " + VERSION);
    results.put("language", project.language());
    results.put("seed", project.seed());
    writeInputs(results, tables);
    Findings findings = new Findings();
    List<String> skipped = Capabilities.run(project, tables, results, findings, progress, timings);
    ArrayNode skippedNode = results.putArray("skipped");
    skipped.forEach(skippedNode::add);

    try (AtomicOutput.Staged staged = AtomicOutput.stageDirectory(options.outDir())) {
      long reportStart = System.nanoTime();
      try (Progress.Step step = progress.start("write report", 0, "")) {
        ReportWriter.write(results, staged.dir());
      }
      timings.put("report", (System.nanoTime() - reportStart) / 1e9);
      for (Findings.Output o : findings.outputs())
        o.writer().accept(staged.dir().resolve(o.path()));
      staged.commit();
    }
    for (Runnable action : findings.afterCommitActions()) afterCommit(action);
    Path out = options.outDir().toAbsolutePath().normalize();
    return new AnalysisResult(
        out,
        out.resolve("results.json"),
        out.resolve("report").resolve("index.html"),
        results,
        skipped,
        timings);
  }

  /** Runs one after-commit action; the output is in place, so a failure here only warns. */
  private static void afterCommit(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      System.getLogger(Analysis.class.getName())
          .log(System.Logger.Level.WARNING, "after writing the output: " + e.getMessage());
    }
  }

  private Map<String, LoadedTable> loadTables() {
    Pseudonymizer pseudonymizer =
        project.privacy().enabled()
            ? Pseudonymizer.fromSecretFile(project.privacy().secretFile())
            : null;
    PiiOptions piiOptions =
        new PiiOptions(project.privacy().enabled(), project.privacy().columns());
    Map<String, LoadedTable> tables = new LinkedHashMap<>();
    for (DataSection section : project.data().values()) {
      ReadResult read = TableReader.read(section.name(), section.path(), section.read(), progress);
      section.checkColumns(read.table());
      RedactionResult redacted =
          pseudonymizer == null
              ? new RedactionResult(read.table(), Map.of(), Map.of())
              : PiiRedactor.redact(read.table(), piiOptions, pseudonymizer);
      String label = project.baseDir().relativize(section.path().toAbsolutePath()).toString();
      TableQuality quality =
          QualitySummarizer.summarize(
              redacted.table(),
              read.report(),
              label,
              section.column("id").orElse(null),
              redacted.piiByColumn());
      tables.put(
          section.name(),
          new LoadedTable(
              section, redacted.table(), read.report(), quality, redacted.piiByColumn()));
    }
    return tables;
  }

  private static void writeInputs(ObjectNode results, Map<String, LoadedTable> tables) {
    ArrayNode inputs = results.putArray("inputs");
    ArrayNode quality = results.putObject("quality").putArray("tables");
    ArrayNode privacy = results.putObject("privacy").putArray("columns");
    for (LoadedTable t : tables.values()) {
      ObjectNode in = inputs.addObject();
      in.put("table", t.section().name());
      in.put("file", t.quality().file());
      in.put("format", t.report().format());
      if (t.report().encoding() != null) in.put("encoding", t.report().encoding());
      if (t.report().delimiter() != null) in.put("delimiter", t.report().delimiter());
      if (t.report().compressed() != null) in.put("compressed", t.report().compressed());
      in.put("bytes", t.report().bytes());
      in.put("sha256", t.report().sha256());
      in.put("rows", t.table().rowCount());
      quality.add(ResultsJson.MAPPER.valueToTree(t.quality()));
      t.pii()
          .forEach(
              (column, kind) -> {
                ObjectNode p = privacy.addObject();
                p.put("table", t.section().name());
                p.put("column", column);
                p.put("kind", kind);
              });
    }
  }

  static List<String> sectionsWithout(Map<String, LoadedTable> tables, List<String> wanted) {
    List<String> missing = new ArrayList<>();
    for (String w : wanted) if (!tables.containsKey(w)) missing.add(w);
    return missing;
  }
}
