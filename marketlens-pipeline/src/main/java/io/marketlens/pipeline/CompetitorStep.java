package io.marketlens.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.marketlens.core.progress.Progress;
import io.marketlens.core.project.DataSection;
import io.marketlens.core.project.ProjectFile;
import io.marketlens.core.result.ResultsJson;
import io.marketlens.market.competitors.CompetitorAnalysis;
import io.marketlens.market.competitors.CompetitorOptions;
import io.marketlens.market.competitors.CompetitorResult;
import java.util.List;
import java.util.Map;

/**
 * Runs the competitor map on the {@code competitors} table and adds {@code competitors} to results.
 */
final class CompetitorStep implements Capabilities.Step {

  @Override
  public void run(
      ProjectFile project, Map<String, LoadedTable> tables, ObjectNode results, Progress progress) {
    LoadedTable t = tables.get("competitors");
    DataSection s = t.section();
    CompetitorOptions options =
        CompetitorOptions.defaults(
                s.column("name").orElseThrow(),
                s.column("price").orElse(null),
                s.setting("ours").map(Object::toString).orElse(null))
            .withSeed(project.seed());
    Object units = s.setting("units").orElse(null);
    if (units instanceof List<?> list) {
      options = options.withUnitColumns(list.stream().map(Object::toString).toList());
    }
    CompetitorResult result = CompetitorAnalysis.run(t.table(), options);
    results.set("competitors", ResultsJson.MAPPER.valueToTree(result));
  }
}
