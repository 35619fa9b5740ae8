package io.marketlens.market.claims;

import java.util.List;

/**
 * What {@link ClaimsAnalysis#run} found. Immutable.
 *
 * @param ours our product's name
 * @param ourClaims our claims, in the order written
 * @param competitors every competitor with claims comparable to ours, most overlapping first
 * @param uniqueClaims our claims that no competitor makes, most distinctive first
 * @param sharedClaims claims that most competitors make, most widely made first
 * @param englishThreshold the same-claim threshold used for English claims
 * @param chineseThreshold the same-claim threshold used for Chinese claims
 * @param notes what was skipped or could not be compared (e.g. languages that differ), in plain
 *     words
 */
public record ClaimsResult(
    String ours,
    List<Claim> ourClaims,
    List<CompetitorOverlap> competitors,
    List<UniqueClaim> uniqueClaims,
    List<SharedClaim> sharedClaims,
    double englishThreshold,
    double chineseThreshold,
    List<String> notes) {

  public ClaimsResult {
    ourClaims = List.copyOf(ourClaims);
    competitors = List.copyOf(competitors);
    uniqueClaims = List.copyOf(uniqueClaims);
    sharedClaims = List.copyOf(sharedClaims);
    notes = List.copyOf(notes);
  }
}
