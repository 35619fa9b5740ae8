package io.marketlens.voc.aspect;

import io.marketlens.core.validate.InvalidInputException;
import io.marketlens.voc.sentiment.SentimentResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Sentiment of one group of reviews, such as the reviews of one customer segment: how many, how
 * positive, and which theme its reviews mention most, and criticise most, compared with all
 * reviews.
 *
 * @param group the group's id (e.g. the segment id)
 * @param reviews reviews in the group
 * @param scored those with a probability positive
 * @param meanPositive their mean probability positive; NaN when none was scored
 * @param sharePositive the share of them with probability positive at least 0.5; NaN when none
 * @param topTheme the index of the theme (in {@link io.marketlens.voc.theme.ThemeResult#themes()})
 *     that the most of the group's reviews have as an aspect, ties to the lower index; -1 when no
 *     review has an aspect
 * @param topThemeReviews the group's reviews with that aspect
 * @param topThemeShare those over the group's reviews
 * @param topThemeLift that share over the share of all reviews with that aspect (above 1: the group
 *     mentions it more than reviewers overall)
 * @param topComplaint the index of the theme the most of the group's reviews criticise (negative
 *     aspect), ties to the lower index; -1 when none does
 * @param topComplaintReviews the group's reviews criticising it
 */
public record GroupSentiment(
    int group,
    int reviews,
    int scored,
    double meanPositive,
    double sharePositive,
    int topTheme,
    int topThemeReviews,
    double topThemeShare,
    double topThemeLift,
    int topComplaint,
    int topComplaintReviews) {

  /**
   * The sentiment of each group, by ascending group id.
   *
   * @param groupOfReview the group of each review, or null for a review in none (e.g. whose
   *     customer id matched no customer)
   * @param sentiment the reviews' sentiment; null for none
   * @param aspects the reviews' aspects
   * @throws InvalidInputException when the three do not describe the same reviews
   */
  public static List<GroupSentiment> of(
      List<Integer> groupOfReview, SentimentResult sentiment, AspectResult aspects) {
    Objects.requireNonNull(groupOfReview, "groupOfReview");
    Objects.requireNonNull(aspects, "aspects");
    int n = aspects.reviews().size();
    if (groupOfReview.size() != n || (sentiment != null && sentiment.texts() != n)) {
      throw InvalidInputException.usage(
          "one group, score and aspect list per review (" + n + ")",
          groupOfReview.size() + " groups");
    }
    int themes = aspects.themes().size();
    int[] overall = new int[themes];
    for (List<Aspect> r : aspects.reviews()) for (int t : themesOf(r, null)) overall[t]++;
    TreeMap<Integer, List<Integer>> members = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      Integer g = groupOfReview.get(i);
      if (g != null) members.computeIfAbsent(g, k -> new ArrayList<>()).add(i);
    }
    double[] scores = sentiment == null ? null : sentiment.scores();
    List<GroupSentiment> out = new ArrayList<>();
    members.forEach((g, rows) -> out.add(of(g, rows, scores, aspects, overall, n, themes)));
    return out;
  }

  private static GroupSentiment of(
      int group,
      List<Integer> rows,
      double[] scores,
      AspectResult aspects,
      int[] overall,
      int n,
      int themes) {
    int scored = 0;
    int positive = 0;
    double sum = 0;
    int[] mentions = new int[themes];
    int[] complaints = new int[themes];
    for (int i : rows) {
      double p = scores == null ? Double.NaN : scores[i];
      if (!Double.isNaN(p)) {
        scored++;
        sum += p;
        if (p >= 0.5) positive++;
      }
      for (int t : themesOf(aspects.aspectsOf(i), null)) mentions[t]++;
      for (int t : themesOf(aspects.aspectsOf(i), Polarity.NEGATIVE)) complaints[t]++;
    }
    int top = argMax(mentions);
    int complaint = argMax(complaints);
    double share = top < 0 ? Double.NaN : (double) mentions[top] / rows.size();
    double lift = top < 0 ? Double.NaN : share / ((double) overall[top] / n);
    return new GroupSentiment(
        group,
        rows.size(),
        scored,
        scored == 0 ? Double.NaN : sum / scored,
        scored == 0 ? Double.NaN : (double) positive / scored,
        top,
        top < 0 ? 0 : mentions[top],
        share,
        lift,
        complaint,
        complaint < 0 ? 0 : complaints[complaint]);
  }

  /** The distinct themes of {@code aspects}, of the given polarity or any when null. */
  private static java.util.Set<Integer> themesOf(List<Aspect> aspects, Polarity polarity) {
    java.util.Set<Integer> out = new java.util.TreeSet<>();
    for (Aspect a : aspects) if (polarity == null || a.polarity() == polarity) out.add(a.theme());
    return out;
  }

  /** The index of the largest positive count, the lowest on ties; -1 when all are 0. */
  private static int argMax(int[] counts) {
    int best = -1;
    for (int t = 0; t < counts.length; t++) {
      if (counts[t] > 0 && (best < 0 || counts[t] > counts[best])) best = t;
    }
    return best;
  }
}
