package io.marketlens.cli;

import io.marketlens.core.progress.TerminalProgress;
import io.marketlens.core.project.ProjectFile;
import io.marketlens.core.project.ProjectFileLoader;
import io.marketlens.pipeline.Analysis;
import io.marketlens.pipeline.AnalysisOptions;
import io.marketlens.pipeline.AnalysisResult;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code marketlens analyze}: runs the project file's analysis and writes results and report. */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    description = "Analyze the data a project file names; write results.json and the HTML report.")
final class AnalyzeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--config",
      defaultValue = "marketlens.yaml",
      description = "Project file (default: ${DEFAULT-VALUE}).")
  Path config;

  @Option(
      names = "--out",
      description =
          "Output directory (default: 'out' beside the project file). Replaced atomically.")
  Path out;

  @Option(
      names = "--engine",
      defaultValue = "local",
      description = "local or spark (default: ${DEFAULT-VALUE}).")
  String engine;

  @Option(names = "--master", description = "Spark master URL (with --engine spark).")
  String master;

  @Override
  public Integer call() {
    ProjectFile project = ProjectFileLoader.load(config);
    Path outDir = out != null ? out : project.baseDir().resolve("out");
    AnalysisResult result = run(spec, project, outDir, engine);
    return result == null ? ExitCodes.INTERNAL_FAULT : ExitCodes.OK;
  }

  /** Runs the analysis and prints where the outputs are; shared with {@code demo}. */
  static AnalysisResult run(CommandSpec spec, ProjectFile project, Path outDir, String engine) {
    long start = System.nanoTime();
    AnalysisResult result =
        Analysis.run(
            project, new AnalysisOptions(outDir, engine), new TerminalProgress(System.err));
    var err = spec.commandLine().getErr();
    for (String s : result.skipped()) err.println("skipped: " + s);
    StringBuilder steps = new StringBuilder();
    result
        .timings()
        .forEach(
            (step, seconds) ->
                steps.append(String.format(java.util.Locale.ROOT, ", %s %.2f s", step, seconds)));
    err.printf(
        java.util.Locale.ROOT,
        "analysis took %.1f s (%s)%n",
        (System.nanoTime() - start) / 1e9,
        steps.length() > 2 ? steps.substring(2) : "");
    err.flush();
    var o = spec.commandLine().getOut();
    o.println("Results: " + result.resultsFile());
    o.println("Report:  " + result.reportFile());
    o.flush();
    return result;
  }
}
