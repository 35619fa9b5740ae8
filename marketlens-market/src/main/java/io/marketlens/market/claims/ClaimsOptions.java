package io.marketlens.market.claims;

import io.marketlens.core.validate.InvalidInputException;
import java.util.Locale;

/**
 * What {@link ClaimsAnalysis#run} counts as the same claim, and how much it reports. Start from
 * {@link #defaults()}.
 *
 * <p><b>Thresholds.</b> Two claims are "the same claim" when the cosine of their embeddings reaches
 * the threshold of their language. The encoders differ in scale, so each language has its own. The
 * defaults were calibrated on 18 hand-written pairs of paraphrased marketing claims per language
 * (in this module's tests, {@code ClaimsCalibrationTest}) by one rule: the midpoint between the
 * median cosine of a paraphrase pair and the median of each claim's highest cosine to the other
 * pairs' unrelated claims. For English (bge-small-en-v1.5) the rule gives 0.730 (paraphrase median
 * 0.81, unrelated-max median 0.65); the default is 0.72, which finds the same 13 of 18 paraphrases
 * with the same 1 of 18 claims falsely matched on the calibration pairs and also keeps "Fast
 * delivery in 24 hours" and "Next-day shipping to your door" (0.727) the same claim (it was 0.45
 * with the earlier all-MiniLM-L6-v2, whose cosines run lower). Chinese (bge-small-zh-v1.5) gets
 * 0.64 (0.72 and 0.56; 12 of 18 found, 2 of 18 falsely matched). A lower threshold finds more
 * paraphrases and reports fewer claims as unique.
 *
 * @param englishThreshold cosine at or above which two English claims are the same claim
 * @param chineseThreshold cosine at or above which two Chinese claims are the same claim
 * @param sharedShare a claim is shared when more than this share of the competitors with claims in
 *     its language make it (and at least two do)
 * @param pairsPerCompetitor how many best-matching claim pairs to list per competitor
 */
public record ClaimsOptions(
    double englishThreshold, double chineseThreshold, double sharedShare, int pairsPerCompetitor) {

  public static final double DEFAULT_ENGLISH_THRESHOLD = 0.72;
  public static final double DEFAULT_CHINESE_THRESHOLD = 0.64;
  public static final double DEFAULT_SHARED_SHARE = 0.5;
  public static final int DEFAULT_PAIRS_PER_COMPETITOR = 3;

  /**
   * @throws InvalidInputException when a threshold is outside (0, 1], the shared share outside [0,
   *     1) or the pair count negative
   */
  public ClaimsOptions {
    requireThreshold("English", englishThreshold);
    requireThreshold("Chinese", chineseThreshold);
    if (!(sharedShare >= 0 && sharedShare < 1)) {
      throw InvalidInputException.usage(
          "a shared-claim share from 0 (inclusive) to 1 (exclusive)", fmt(sharedShare));
    }
    if (pairsPerCompetitor < 0) {
      throw InvalidInputException.usage(
          "a number of claim pairs per competitor of at least 0",
          Integer.toString(pairsPerCompetitor));
    }
  }

  /** Thresholds 0.72 (English) and 0.64 (Chinese), shared by most (over half), 3 pairs. */
  public static ClaimsOptions defaults() {
    return new ClaimsOptions(
        DEFAULT_ENGLISH_THRESHOLD,
        DEFAULT_CHINESE_THRESHOLD,
        DEFAULT_SHARED_SHARE,
        DEFAULT_PAIRS_PER_COMPETITOR);
  }

  public ClaimsOptions withThresholds(double english, double chinese) {
    return new ClaimsOptions(english, chinese, sharedShare, pairsPerCompetitor);
  }

  public ClaimsOptions withSharedShare(double share) {
    return new ClaimsOptions(englishThreshold, chineseThreshold, share, pairsPerCompetitor);
  }

  public ClaimsOptions withPairsPerCompetitor(int pairs) {
    return new ClaimsOptions(englishThreshold, chineseThreshold, sharedShare, pairs);
  }

  /** The threshold for claims in {@code language} ("en" or "zh"). */
  public double threshold(String language) {
    return "zh".equals(language) ? chineseThreshold : englishThreshold;
  }

  private static void requireThreshold(String language, double t) {
    if (!(t > 0 && t <= 1)) {
      throw InvalidInputException.usage(
          "a " + language + " same-claim cosine threshold in (0, 1]", fmt(t));
    }
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%s", v);
  }
}
