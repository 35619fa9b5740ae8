package io.marketlens.market.claims;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClaimSplitterTest {

  @Test
  void splitClaims_englishSentences_onePerSentence() {
    assertThat(
            ClaimsAnalysis.splitClaims(
                "Fast delivery in 24 hours. Lifetime warranty!  Why wait? Order now; pay later"))
        .containsExactly(
            "Fast delivery in 24 hours.",
            "Lifetime warranty!",
            "Why wait?",
            "Order now;",
            "pay later");
  }

  @Test
  void splitClaims_decimalsVersionsAndAbbreviations_keptWhole() {
    assertThat(
            ClaimsAnalysis.splitClaims(
                "Weighs 1.5 kg, e.g. lighter than a laptop. Runs v2.0 firmware. No. 1 brand in the"
                    + " U.S. market."))
        .containsExactly(
            "Weighs 1.5 kg, e.g. lighter than a laptop.",
            "Runs v2.0 firmware.",
            "No. 1 brand in the U.S. market.");
  }

  @Test
  void splitClaims_chinesePunctuation_splitsWithoutSpaces() {
    assertThat(ClaimsAnalysis.splitClaims("24小时极速发货。终身保修！还在等什么？全国联保；支持七天无理由退货"))
        .containsExactly("24小时极速发货。", "终身保修！", "还在等什么？", "全国联保；", "支持七天无理由退货");
  }

  @Test
  void splitClaims_bulletsAndNumberedLines_oneClaimPerLineWithoutMarkers() {
    assertThat(
            ClaimsAnalysis.splitClaims(
                "- Next-day shipping\n• Free returns\n1. Lifetime warranty\n2) 24/7 support\n（3）全国联保\n---\n"))
        .containsExactly(
            "Next-day shipping", "Free returns", "Lifetime warranty", "24/7 support", "全国联保");
  }

  @Test
  void splitClaims_repeatsAndBlankText_dropped() {
    assertThat(ClaimsAnalysis.splitClaims("Free returns. Free returns.\n\n"))
        .containsExactly("Free returns.");
    assertThat(ClaimsAnalysis.splitClaims("   ")).isEmpty();
    assertThat(ClaimsAnalysis.splitClaims(null)).isEmpty();
  }
}
