package io.marketlens.market.claims;

import java.util.List;

/**
 * A claim most competitors make: table stakes of the category, whether or not we make it too.
 *
 * @param claim the wording shown (ours when we make it, else the first maker's)
 * @param language "en" or "zh"
 * @param makers the competitors that make it, sorted by name
 * @param share makers as a share of the competitors with claims in this language
 * @param ourClaim our claim that says the same, or null when we do not make it
 */
public record SharedClaim(
    String claim, String language, List<String> makers, double share, String ourClaim) {

  public SharedClaim {
    makers = List.copyOf(makers);
  }
}
