package io.marketlens.market.claims;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the claims most competitors make. Every claim (ours or a competitor's) is a candidate; its
 * makers are the competitors with a claim at or above the threshold (its owner included). A
 * candidate made by more than {@link ClaimsOptions#sharedShare()} of the competitors with claims in
 * its language, and by at least two, is shared. Candidates are taken most widely made first, our
 * wording before a competitor's, and one that says the same as a claim already taken is dropped, so
 * each shared claim is listed once.
 */
final class SharedClaimFinder {

  private SharedClaimFinder() {}

  private record Candidate(int claim, List<String> makers, double share, double meanCosine) {}

  static List<SharedClaim> find(
      ClaimIndex index, String ours, List<String> competitors, ClaimsOptions options) {
    List<Candidate> candidates = new ArrayList<>();
    for (int x = 0; x < index.claims.size(); x++) {
      Candidate c = candidate(index, x, competitors, options);
      if (c != null) candidates.add(c);
    }
    candidates.sort(
        Comparator.comparingInt((Candidate c) -> -c.makers.size())
            .thenComparing(c -> !index.claims.get(c.claim).product().equals(ours))
            .thenComparingDouble(c -> -c.meanCosine)
            .thenComparingInt(c -> c.claim));
    List<Integer> taken = new ArrayList<>();
    List<SharedClaim> shared = new ArrayList<>();
    for (Candidate c : candidates) {
      if (saysTheSameAsAny(index, c.claim, taken, options)) continue;
      taken.add(c.claim);
      shared.add(
          new SharedClaim(
              index.text(c.claim),
              index.language(c.claim),
              c.makers,
              c.share,
              ourWording(index, c.claim, ours, options)));
    }
    return shared;
  }

  private static Candidate candidate(
      ClaimIndex index, int x, List<String> competitors, ClaimsOptions options) {
    String language = index.language(x);
    String owner = index.claims.get(x).product();
    double threshold = options.threshold(language);
    List<String> makers = new ArrayList<>();
    int eligible = 0;
    double sum = 0;
    int others = 0;
    for (String c : competitors) {
      if (!index.hasLanguage(c, language)) continue;
      eligible++;
      if (c.equals(owner)) {
        makers.add(c);
        continue;
      }
      double cos = index.cosine(x, index.closest(x, c));
      if (cos >= threshold) {
        makers.add(c);
        sum += cos;
        others++;
      }
    }
    if (eligible == 0) return null;
    double share = (double) makers.size() / eligible;
    boolean most = share > options.sharedShare() && makers.size() >= 2;
    return most ? new Candidate(x, makers, share, others == 0 ? 1 : sum / others) : null;
  }

  private static boolean saysTheSameAsAny(
      ClaimIndex index, int x, List<Integer> taken, ClaimsOptions options) {
    for (int t : taken) {
      double cos = index.cosine(x, t);
      if (!Double.isNaN(cos) && cos >= options.threshold(index.language(x))) return true;
    }
    return false;
  }

  private static String ourWording(ClaimIndex index, int x, String ours, ClaimsOptions options) {
    if (index.claims.get(x).product().equals(ours)) return index.text(x);
    int j = index.closest(x, ours);
    if (j < 0 || index.cosine(x, j) < options.threshold(index.language(x))) return null;
    return index.text(j);
  }
}
