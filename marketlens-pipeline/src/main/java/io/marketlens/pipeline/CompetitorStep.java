package io.marketlens.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.marketlens.core.progress.Progress;
import io.marketlens.core.project.DataSection;
import io.marketlens.core.project.ProjectFile;
import io.marketlens.core.result.ResultsJson;
import io.marketlens.core.table.Column;
import io.marketlens.core.validate.InvalidInputException;
import io.marketlens.market.claims.ClaimsAnalysis;
import io.marketlens.market.claims.ClaimsOptions;
import io.marketlens.market.claims.ClaimsResult;
import io.marketlens.market.competitors.CompetitorAnalysis;
import io.marketlens.market.competitors.CompetitorOptions;
import io.marketlens.market.competitors.CompetitorResult;
import io.marketlens.ml.embed.Embedder;
import io.marketlens.ml.embed.EmbedderOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the competitor map on the {@code competitors} table and adds {@code competitors} to results.
 */
final class CompetitorStep implements Capabilities.Step {

  @Override
  public void run(
      ProjectFile project,
      Map<String, LoadedTable> tables,
      ObjectNode results,
      Findings findings,
      Progress progress) {
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
    ObjectNode node = ResultsJson.MAPPER.valueToTree(result);
    if (s.column("claims").isPresent()) {
      node.set("claims", ResultsJson.MAPPER.valueToTree(claims(project, t, progress)));
    }
    results.set("competitors", node);
  }

  /** Overlap of marketing claims, from the section's {@code claims} text column. */
  private static ClaimsResult claims(ProjectFile project, LoadedTable t, Progress progress) {
    DataSection s = t.section();
    Column names = t.table().column(s.column("name").orElseThrow());
    Column texts = t.table().column(s.column("claims").orElseThrow());
    Map<String, String> textByProduct = new LinkedHashMap<>();
    for (int i = 0; i < t.table().rowCount(); i++) {
      if (names.isMissing(i) || texts.isMissing(i) || texts.getString(i).isBlank()) continue;
      textByProduct.merge(names.getString(i), texts.getString(i), (a, b) -> a + "\n" + b);
    }
    String ours = s.setting("ours").map(Object::toString).orElse(null);
    if (ours == null) {
      throw InvalidInputException.in(s.projectFile())
          .key("data.competitors.ours")
          .expected("the name of our product, to compare claims against")
          .found("no 'ours'")
          .build();
    }
    EmbedderOptions options = EmbedderOptions.defaults().withCacheDirectory(project.cacheDir());
    try (Embedder embedder = Embedder.open(options)) {
      return ClaimsAnalysis.runOnText(textByProduct, ours, ClaimsOptions.defaults(), embedder);
    }
  }
}
