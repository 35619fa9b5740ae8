package io.marketlens.pipeline;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to run an analysis.
 *
 * @param outDir where results.json, the report and the models go; replaced atomically at the end
 * @param engine "local" (the only engine in this version) or "spark"
 */
public record AnalysisOptions(Path outDir, String engine) {

  public AnalysisOptions {
    Objects.requireNonNull(outDir, "outDir");
    engine = engine == null ? "local" : engine;
  }
}
