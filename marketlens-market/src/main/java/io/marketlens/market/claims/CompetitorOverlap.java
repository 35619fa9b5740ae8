package io.marketlens.market.claims;

import java.util.List;

/**
 * How much of what we claim one competitor also claims.
 *
 * @param rank 1 for the competitor whose claims overlap ours most
 * @param competitor the competitor's product name
 * @param overlap the mean, over our claims, of the highest cosine to any of the competitor's claims
 *     in the same language; cosines of Chinese claims run higher than English ones (see {@link
 *     ClaimsOptions}), so compare overlaps of competitors writing in the same language
 * @param coverage the share of our compared claims the competitor also makes (highest cosine at or
 *     above the threshold)
 * @param sameClaims how many of our compared claims the competitor also makes
 * @param comparedClaims how many of our claims have a claim of the same language to compare with
 * @param bestMatches our claims with the competitor's closest claim, most similar first
 */
public record CompetitorOverlap(
    int rank,
    String competitor,
    double overlap,
    double coverage,
    int sameClaims,
    int comparedClaims,
    List<ClaimMatch> bestMatches) {

  public CompetitorOverlap {
    bestMatches = List.copyOf(bestMatches);
  }
}
