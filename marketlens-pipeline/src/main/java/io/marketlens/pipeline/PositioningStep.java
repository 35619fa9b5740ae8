package io.marketlens.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.marketlens.core.progress.Progress;
import io.marketlens.core.project.ProjectFile;
import io.marketlens.core.result.ResultsJson;
import io.marketlens.pipeline.positioning.PositioningSynthesis;
import java.util.Map;

/** Ranks positioning options from what the other capabilities wrote, as {@code positioning}. */
final class PositioningStep implements Capabilities.Step {

  @Override
  public void run(
      ProjectFile project,
      Map<String, LoadedTable> tables,
      ObjectNode results,
      Findings findings,
      Progress progress) {
    PositioningSynthesis.Outcome outcome =
        PositioningSynthesis.run(results, project.project(), project.positioning());
    ObjectNode p = results.putObject("positioning");
    p.put("category", project.positioning().category());
    p.set("weights", ResultsJson.MAPPER.valueToTree(project.positioning().weights()));
    p.set("options", ResultsJson.MAPPER.valueToTree(outcome.options()));
    p.set("missingEvidence", ResultsJson.MAPPER.valueToTree(outcome.missingEvidence()));
  }
}
