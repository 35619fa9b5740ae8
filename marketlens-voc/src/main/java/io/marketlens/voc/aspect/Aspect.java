package io.marketlens.voc.aspect;

/**
 * One thing a review says about one theme: its sentences assigned to that theme with one polarity.
 * A review that praises and criticises the same theme in different sentences has two aspects.
 *
 * @param theme the theme's index in {@link io.marketlens.voc.theme.ThemeResult#themes()}
 * @param polarity the polarity of those sentences
 * @param probabilityPositive their mean probability positive; NaN when unscored
 * @param sentences how many sentences they are
 */
public record Aspect(int theme, Polarity polarity, double probabilityPositive, int sentences) {}
