package io.marketlens.market.claims;

import io.marketlens.core.validate.Checks;
import io.marketlens.core.validate.InvalidInputException;
import io.marketlens.ml.embed.Embedder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Compares our marketing claims with each competitor's by sentence-embedding similarity. Each
 * product's text is cut into claims (sentences), each claim is embedded with the encoder of its
 * language, and claims are compared only within one language. Reports, per competitor, how much of
 * what we say it also says; our claims no competitor makes; and the claims most competitors make.
 * Deterministic: the same input gives the same result. Stateless and thread-safe.
 *
 * <pre>{@code
 * try (Embedder embedder = Embedder.open(EmbedderOptions.defaults())) {
 *   ClaimsResult r = ClaimsAnalysis.runOnText(
 *       Map.of("Ours", "Fast delivery in 24 hours. Lifetime warranty.",
 *              "Rival", "Next-day shipping. Free returns."),
 *       "Ours", ClaimsOptions.defaults(), embedder);
 * }
 * }</pre>
 */
public final class ClaimsAnalysis {

  private ClaimsAnalysis() {}

  /**
   * Analyses claims given as sentences per product; an element holding several sentences is cut
   * into claims as {@link #splitClaims} does.
   *
   * @param claimsByProduct product name → its claims
   * @param ours the name of our product, a key of {@code claimsByProduct}
   * @throws InvalidInputException when {@code ours} is not one of the products
   */
  public static ClaimsResult run(
      Map<String, List<String>> claimsByProduct,
      String ours,
      ClaimsOptions options,
      Embedder embedder) {
    Objects.requireNonNull(claimsByProduct, "claimsByProduct");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(embedder, "embedder");
    requireOurs(claimsByProduct, ours);
    List<String> notes = new ArrayList<>();
    Map<String, List<String>> products = normalise(claimsByProduct, ours, notes);
    List<String> competitors = new ArrayList<>(products.keySet());
    competitors.remove(ours);
    if (!products.containsKey(ours)) {
      notes.add(0, ours + " has no marketing claims: nothing to compare");
      return empty(ours, List.of(), options, notes);
    }
    if (competitors.isEmpty()) {
      notes.add("no competitor has marketing claims: nothing to compare with");
    }
    ClaimIndex index = ClaimIndex.build(products, embedder);
    List<Claim> ourClaims = index.byProduct.get(ours).stream().map(index.claims::get).toList();
    if (competitors.isEmpty()) return empty(ours, ourClaims, options, notes);
    List<CompetitorOverlap> overlaps = overlaps(index, ours, competitors, options, notes);
    List<UniqueClaim> unique = uniqueClaims(index, ours, competitors, options, notes);
    List<SharedClaim> shared = SharedClaimFinder.find(index, ours, competitors, options);
    return new ClaimsResult(
        ours,
        ourClaims,
        overlaps,
        unique,
        shared,
        options.englishThreshold(),
        options.chineseThreshold(),
        notes);
  }

  /**
   * Analyses claims given as one marketing text per product (for example a {@code claims} column of
   * the competitor table), each cut into claims by {@link #splitClaims}.
   *
   * @throws InvalidInputException when {@code ours} is not one of the products
   */
  public static ClaimsResult runOnText(
      Map<String, String> textByProduct, String ours, ClaimsOptions options, Embedder embedder) {
    Objects.requireNonNull(textByProduct, "textByProduct");
    Map<String, List<String>> claims = new LinkedHashMap<>();
    textByProduct.forEach((product, text) -> claims.put(product, splitClaims(text)));
    return run(claims, ours, options, embedder);
  }

  /**
   * Cuts marketing text into claims: one per sentence ({@code . ! ?} and {@code ;} followed by a
   * space, Chinese {@code 。！？；}) or line, without bullets, empty pieces or repeats. Null or blank
   * text has no claims.
   */
  public static List<String> splitClaims(String text) {
    return text == null || text.isBlank() ? List.of() : ClaimSplitter.split(text);
  }

  private static void requireOurs(Map<String, List<String>> claimsByProduct, String ours) {
    if (ours == null || !claimsByProduct.containsKey(ours)) {
      List<String> names = new ArrayList<>(new TreeSet<>(claimsByProduct.keySet()));
      throw InvalidInputException.in(null)
          .expected("our product's name among the products with claims")
          .found(ours == null ? "none" : "'" + ours + "'")
          .hint(
              ours == null ? "valid: " + String.join(", ", names) : Checks.suggestion(ours, names))
          .build();
    }
  }

  /** Ours first, then competitors by name; each product's claims split and without repeats. */
  private static Map<String, List<String>> normalise(
      Map<String, List<String>> claimsByProduct, String ours, List<String> notes) {
    TreeSet<String> names = new TreeSet<>();
    for (String name : claimsByProduct.keySet()) {
      if (name == null || name.isBlank()) {
        throw InvalidInputException.usage("a product name for every set of claims", "a blank name");
      }
      names.add(name);
    }
    names.remove(ours);
    List<String> order = new ArrayList<>();
    order.add(ours);
    order.addAll(names);
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String product : order) {
      List<String> claims = new ArrayList<>();
      List<String> given = claimsByProduct.get(product);
      if (given != null) {
        for (String text : given) {
          for (String claim : splitClaims(text)) if (!claims.contains(claim)) claims.add(claim);
        }
      }
      if (claims.isEmpty()) {
        if (!product.equals(ours)) notes.add(product + " has no marketing claims: left out");
      } else {
        out.put(product, claims);
      }
    }
    return out;
  }

  private static List<CompetitorOverlap> overlaps(
      ClaimIndex index,
      String ours,
      List<String> competitors,
      ClaimsOptions options,
      List<String> notes) {
    List<Integer> mine = index.byProduct.get(ours);
    List<CompetitorOverlap> unranked = new ArrayList<>();
    for (String c : competitors) {
      List<ClaimMatch> matches = new ArrayList<>();
      double sum = 0;
      int same = 0;
      for (int i : mine) {
        int j = index.closest(i, c);
        if (j < 0) continue;
        double cos = index.cosine(i, j);
        boolean isSame = cos >= options.threshold(index.language(i));
        sum += cos;
        if (isSame) same++;
        matches.add(new ClaimMatch(index.text(i), index.text(j), cos, isSame));
      }
      int compared = matches.size();
      if (compared == 0) {
        notes.add(
            c
                + " writes its claims in "
                + languagesOf(index, c)
                + " and we write ours in "
                + languagesOf(index, ours)
                + ": not compared (claims are compared within one language only)");
        continue;
      }
      if (compared < mine.size()) {
        notes.add(
            String.format(
                Locale.ROOT,
                "%s: %d of our %d claims have no claim of theirs in the same language to compare"
                    + " with",
                c,
                mine.size() - compared,
                mine.size()));
      }
      List<ClaimMatch> best =
          matches.stream()
              .sorted(Comparator.comparingDouble((ClaimMatch m) -> -m.cosine()))
              .limit(options.pairsPerCompetitor())
              .toList();
      unranked.add(
          new CompetitorOverlap(
              0, c, sum / compared, (double) same / compared, same, compared, best));
    }
    if (unranked.stream().map(o -> comparedLanguages(index, ours, o)).distinct().count() > 1) {
      notes.add(
          "competitors were compared in different languages; the Chinese encoder's cosines run"
              + " higher than the English one's, so compare overlaps within one language");
    }
    unranked.sort(
        Comparator.comparingDouble((CompetitorOverlap o) -> -o.overlap())
            .thenComparingDouble(o -> -o.coverage())
            .thenComparing(CompetitorOverlap::competitor));
    List<CompetitorOverlap> ranked = new ArrayList<>();
    for (CompetitorOverlap o : unranked) {
      ranked.add(
          new CompetitorOverlap(
              ranked.size() + 1,
              o.competitor(),
              o.overlap(),
              o.coverage(),
              o.sameClaims(),
              o.comparedClaims(),
              o.bestMatches()));
    }
    return ranked;
  }

  private static List<UniqueClaim> uniqueClaims(
      ClaimIndex index,
      String ours,
      List<String> competitors,
      ClaimsOptions options,
      List<String> notes) {
    List<UniqueClaim> unique = new ArrayList<>();
    int unchecked = 0;
    for (int i : index.byProduct.get(ours)) {
      double best = Double.NEGATIVE_INFINITY;
      String bestCompetitor = null;
      int bestClaim = -1;
      for (String c : competitors) {
        int j = index.closest(i, c);
        if (j >= 0 && index.cosine(i, j) > best) {
          best = index.cosine(i, j);
          bestCompetitor = c;
          bestClaim = j;
        }
      }
      if (bestClaim < 0) {
        unchecked++;
      } else if (best < options.threshold(index.language(i))) {
        unique.add(
            new UniqueClaim(
                index.text(i), index.language(i), best, bestCompetitor, index.text(bestClaim)));
      }
    }
    if (unchecked > 0) {
      notes.add(
          unchecked
              + " of our claims are in a language no competitor writes its claims in: not checked"
              + " for uniqueness");
    }
    unique.sort(Comparator.comparingDouble(UniqueClaim::closestCosine));
    return unique;
  }

  /** The languages of our claims that were compared with {@code o}'s claims. */
  private static String comparedLanguages(ClaimIndex index, String ours, CompetitorOverlap o) {
    TreeSet<String> languages = new TreeSet<>();
    for (int i : index.byProduct.get(ours)) {
      if (index.hasLanguage(o.competitor(), index.language(i))) languages.add(index.language(i));
    }
    return languages.toString();
  }

  private static String languagesOf(ClaimIndex index, String product) {
    TreeSet<String> languages = new TreeSet<>();
    for (int i : index.byProduct.get(product)) {
      languages.add("zh".equals(index.language(i)) ? "Chinese" : "English");
    }
    return String.join(" and ", languages);
  }

  private static ClaimsResult empty(
      String ours, List<Claim> ourClaims, ClaimsOptions options, List<String> notes) {
    return new ClaimsResult(
        ours,
        ourClaims,
        List.of(),
        List.of(),
        List.of(),
        options.englishThreshold(),
        options.chineseThreshold(),
        notes);
  }
}
