package io.marketlens.market.claims;

/**
 * One of our claims that no competitor makes: its highest cosine to every competitor claim of its
 * language stays below the threshold.
 *
 * @param claim our claim
 * @param language "en" or "zh"
 * @param closestCosine the highest cosine to any competitor claim of the same language
 * @param closestCompetitor the competitor with that claim
 * @param closestClaim that claim
 */
public record UniqueClaim(
    String claim,
    String language,
    double closestCosine,
    String closestCompetitor,
    String closestClaim) {}
