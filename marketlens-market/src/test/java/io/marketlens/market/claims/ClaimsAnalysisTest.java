package io.marketlens.market.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketlens.core.validate.InvalidInputException;
import io.marketlens.ml.embed.Embedder;
import io.marketlens.ml.embed.EmbedderOptions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ClaimsAnalysisTest {

  /** Four fictional online shops; Swiftcart is ours. */
  private static final Map<String, String> SHOPS =
      Map.of(
          "Swiftcart",
          "Fast delivery in 24 hours. Lifetime warranty on every product. Free returns within 30"
              + " days.",
          "ParcelPro",
          "Next-day shipping to your door. Free returns within a month! 24/7 customer support.",
          "QuickBox",
          "- Get your order the next day\n- Free shipping on every order\n"
              + "- Returns are free for 30 days",
          "BudgetMart",
          "Lowest prices guaranteed. Huge selection of brands. Free shipping on every order.");

  private static Embedder embedder;
  private static ClaimsResult result;

  @BeforeAll
  static void analyse() {
    embedder = Embedder.open(EmbedderOptions.defaults());
    result = ClaimsAnalysis.runOnText(SHOPS, "Swiftcart", ClaimsOptions.defaults(), embedder);
  }

  @AfterAll
  static void close() {
    embedder.close();
  }

  @Test
  void run_ourText_splitIntoClaimsInOrder() {
    assertThat(result.ourClaims())
        .extracting(Claim::text)
        .containsExactly(
            "Fast delivery in 24 hours.",
            "Lifetime warranty on every product.",
            "Free returns within 30 days.");
    assertThat(result.ourClaims()).extracting(Claim::language).containsOnly("en");
  }

  @Test
  void run_fastDeliveryClaims_overlapWithTheNextDayShippers() {
    for (String rival : List.of("ParcelPro", "QuickBox")) {
      ClaimMatch delivery =
          overlap(rival).bestMatches().stream()
              .filter(m -> m.ourClaim().startsWith("Fast delivery"))
              .findFirst()
              .orElseThrow();
      assertThat(delivery.theirClaim()).as(rival).containsIgnoringCase("next");
      assertThat(delivery.same()).as(rival).isTrue();
    }
  }

  @Test
  void run_competitors_rankedByOverlapWithTheDiscounterLast() {
    assertThat(result.competitors()).extracting(CompetitorOverlap::rank).containsExactly(1, 2, 3);
    assertThat(result.competitors().get(2).competitor()).isEqualTo("BudgetMart");
    assertThat(result.competitors().get(0).overlap())
        .isGreaterThan(result.competitors().get(2).overlap());
    assertThat(overlap("BudgetMart").sameClaims()).isZero();
    assertThat(overlap("ParcelPro").sameClaims()).isEqualTo(2);
    assertThat(overlap("ParcelPro").comparedClaims()).isEqualTo(3);
  }

  @Test
  void run_warrantyClaim_isTheOnlyUniqueClaim() {
    assertThat(result.uniqueClaims())
        .extracting(UniqueClaim::claim)
        .containsExactly("Lifetime warranty on every product.");
    assertThat(result.uniqueClaims().get(0).closestCosine())
        .isLessThan(ClaimsOptions.DEFAULT_ENGLISH_THRESHOLD);
  }

  @Test
  void run_freeReturns_sharedByMostCompetitorsAndMadeByUsToo() {
    SharedClaim returns =
        result.sharedClaims().stream()
            .filter(s -> s.claim().contains("returns"))
            .findFirst()
            .orElseThrow();
    assertThat(returns.makers()).containsExactly("ParcelPro", "QuickBox");
    assertThat(returns.ourClaim()).isEqualTo("Free returns within 30 days.");
    assertThat(returns.share()).isGreaterThan(0.5);
  }

  @Test
  void run_freeShipping_sharedButNotMadeByUs() {
    SharedClaim shipping =
        result.sharedClaims().stream()
            .filter(s -> s.claim().startsWith("Free shipping"))
            .findFirst()
            .orElseThrow();
    assertThat(shipping.makers()).contains("BudgetMart", "QuickBox");
    assertThat(shipping.ourClaim()).isNull();
  }

  @Test
  void run_sameInputInAnotherOrder_sameResult() {
    List<String> names = new ArrayList<>(SHOPS.keySet());
    Collections.reverse(names);
    Map<String, List<String>> reordered = new LinkedHashMap<>();
    for (String n : names) reordered.put(n, List.of(SHOPS.get(n)));

    ClaimsResult again =
        ClaimsAnalysis.run(reordered, "Swiftcart", ClaimsOptions.defaults(), embedder);

    assertThat(again).isEqualTo(result);
  }

  @Test
  void run_unknownOurProduct_invalidInputWithSuggestion() {
    assertThatThrownBy(
            () -> ClaimsAnalysis.runOnText(SHOPS, "Swiftkart", ClaimsOptions.defaults(), embedder))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Swiftcart");
  }

  @Test
  void run_mixedLanguages_comparedWithinEachLanguageAndNoted() {
    Map<String, String> shops = new LinkedHashMap<>();
    shops.put("Ours", "Lifetime warranty. 终身保修。");
    shops.put("Huayu", "一辈子免费维修。次日送达。");
    shops.put("Westco", "Guaranteed for life.");

    ClaimsResult r = ClaimsAnalysis.runOnText(shops, "Ours", ClaimsOptions.defaults(), embedder);

    assertThat(r.ourClaims()).extracting(Claim::language).containsExactly("en", "zh");
    ClaimMatch zh = only(r, "Huayu");
    assertThat(zh.ourClaim()).isEqualTo("终身保修。");
    assertThat(zh.theirClaim()).isEqualTo("一辈子免费维修。");
    ClaimMatch en = only(r, "Westco");
    assertThat(en.ourClaim()).isEqualTo("Lifetime warranty.");
    assertThat(r.uniqueClaims()).isEmpty();
    assertThat(r.notes()).anyMatch(n -> n.contains("same language"));
    assertThat(r.notes()).anyMatch(n -> n.contains("different languages"));
  }

  @Test
  void run_competitorInAnotherLanguageOnly_notComparedAndNoted() {
    Map<String, String> shops = new LinkedHashMap<>();
    shops.put("Ours", "Lifetime warranty.");
    shops.put("Huayu", "终身保修。");

    ClaimsResult r = ClaimsAnalysis.runOnText(shops, "Ours", ClaimsOptions.defaults(), embedder);

    assertThat(r.competitors()).isEmpty();
    assertThat(r.uniqueClaims()).isEmpty();
    assertThat(r.notes())
        .anyMatch(n -> n.startsWith("Huayu writes its claims in Chinese"))
        .anyMatch(n -> n.contains("not checked for uniqueness"));
  }

  @Test
  void run_ourProductWithoutClaims_emptyResultWithNote() {
    Map<String, String> shops = new LinkedHashMap<>();
    shops.put("Ours", " ");
    shops.put("Rival", "Next-day shipping.");

    ClaimsResult r = ClaimsAnalysis.runOnText(shops, "Ours", ClaimsOptions.defaults(), embedder);

    assertThat(r.ourClaims()).isEmpty();
    assertThat(r.competitors()).isEmpty();
    assertThat(r.notes()).first().asString().contains("Ours has no marketing claims");
  }

  private static CompetitorOverlap overlap(String name) {
    return result.competitors().stream()
        .filter(c -> c.competitor().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static ClaimMatch only(ClaimsResult r, String competitor) {
    CompetitorOverlap o =
        r.competitors().stream()
            .filter(c -> c.competitor().equals(competitor))
            .findFirst()
            .orElseThrow();
    assertThat(o.bestMatches()).hasSize(1);
    assertThat(o.bestMatches().get(0).same()).isTrue();
    return o.bestMatches().get(0);
  }
}
