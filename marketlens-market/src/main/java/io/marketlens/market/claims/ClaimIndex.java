package io.marketlens.market.claims;

import io.marketlens.core.progress.Progress;
import io.marketlens.ml.embed.Embedder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every product's claims with their embeddings, and the cosine of every pair of claims in the same
 * language ({@link Double#NaN} across languages: vectors of different encoders are never compared).
 */
final class ClaimIndex {

  final List<Claim> claims;

  /** Product name → indices into {@link #claims}, ours first, then competitors by name. */
  final Map<String, List<Integer>> byProduct;

  private final double[][] cosine;

  private ClaimIndex(List<Claim> claims, Map<String, List<Integer>> byProduct, double[][] cosine) {
    this.claims = claims;
    this.byProduct = byProduct;
    this.cosine = cosine;
  }

  /**
   * @param claimsByProduct product → claims, already split; {@code ours} first
   */
  static ClaimIndex build(Map<String, List<String>> claimsByProduct, Embedder embedder) {
    List<Claim> claims = new ArrayList<>();
    Map<String, List<Integer>> byProduct = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> e : claimsByProduct.entrySet()) {
      List<Integer> idx = new ArrayList<>();
      for (String text : e.getValue()) {
        idx.add(claims.size());
        String language = embedder.languageOf(text).name().toLowerCase(Locale.ROOT);
        claims.add(new Claim(e.getKey(), text, language));
      }
      byProduct.put(e.getKey(), Collections.unmodifiableList(idx));
    }
    List<float[]> vectors =
        embedder.embedAll(claims.stream().map(Claim::text).toList(), Progress.NONE);
    int n = claims.size();
    double[][] cos = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = i; j < n; j++) {
        double c =
            claims.get(i).language().equals(claims.get(j).language())
                ? Embedder.cosine(vectors.get(i), vectors.get(j))
                : Double.NaN;
        cos[i][j] = c;
        cos[j][i] = c;
      }
    }
    return new ClaimIndex(List.copyOf(claims), byProduct, cos);
  }

  double cosine(int i, int j) {
    return cosine[i][j];
  }

  String language(int i) {
    return claims.get(i).language();
  }

  String text(int i) {
    return claims.get(i).text();
  }

  /**
   * The claim of {@code product} closest to claim {@code i} in {@code i}'s language, or -1 when the
   * product has no claim in that language. Ties go to the product's earlier claim.
   */
  int closest(int i, String product) {
    int best = -1;
    for (int j : byProduct.get(product)) {
      double c = cosine[i][j];
      if (!Double.isNaN(c) && (best < 0 || c > cosine[i][best])) best = j;
    }
    return best;
  }

  boolean hasLanguage(String product, String language) {
    for (int j : byProduct.get(product)) if (language(j).equals(language)) return true;
    return false;
  }
}
