package io.marketlens.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.marketlens.core.progress.Progress;
import io.marketlens.core.project.ProjectFileLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The competitors section through the whole pipeline: map, rivals, white space and, with a claims
 * column, the claims overlap, in results.json and the report. The table is a hand-written fixture
 * of fictional earbuds (marketing text has no public real data set).
 */
class CompetitorStepTest {

  @TempDir Path dir;

  @Test
  void analyze_competitorsWithClaims_writesMapAndClaimsToResultsAndReport() throws Exception {
    Files.writeString(
        dir.resolve("competitors.csv"),
        """
        product,price,battery_hours,weight_g,noise_cancelling,claims
        Ours Buds,79,30,48,yes,"Fast delivery in 24 hours. Lifetime warranty on every pair. 30 hours of battery."
        Rival One,99,24,52,yes,"Next-day shipping to your door. 24 hours of battery life."
        Rival Two,59,18,45,no,"Budget price, great sound. Free returns within 30 days."
        Rival Three,149,36,60,yes,"Premium noise cancelling. Free returns within 30 days. Studio sound."
        Rival Four,69,20,50,no,"Free returns for a month. Shipping in one day."
        """);
    Files.writeString(
        dir.resolve("marketlens.yaml"),
        """
        project: Earbud Co
        data:
          competitors:
            path: competitors.csv
            name: product
            price: price
            claims: claims
            ours: Ours Buds
        """);

    AnalysisResult r =
        Analysis.run(
            ProjectFileLoader.load(dir.resolve("marketlens.yaml")),
            new AnalysisOptions(dir.resolve("out"), "local"),
            Progress.NONE);

    JsonNode c = r.results().path("competitors");
    assertThat(c.path("map").path("axes")).hasSize(2);
    assertThat(c.path("rivals").size()).isGreaterThan(0);
    JsonNode claims = c.path("claims");
    assertThat(claims.path("competitors").get(0).path("competitor").asText())
        .isEqualTo("Rival One");
    assertThat(claims.path("uniqueClaims").toString()).contains("Lifetime warranty");
    String html = Files.readString(r.reportFile());
    assertThat(html).contains("id=\"competitor-map\"").contains("Lifetime warranty on every pair");
    assertThat(r.skipped()).anyMatch(s -> s.startsWith("customers:"));
  }
}
