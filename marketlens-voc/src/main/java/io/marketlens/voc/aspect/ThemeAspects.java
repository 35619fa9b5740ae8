package io.marketlens.voc.aspect;

import java.util.List;

/**
 * Sentence-level sentiment of one theme: how often its aspect is praised and criticised.
 *
 * @param theme the theme's index in {@link io.marketlens.voc.theme.ThemeResult#themes()}
 * @param nearest sentences whose nearest theme it is, unassigned ones included
 * @param sentences sentences assigned to it
 * @param reviews reviews with at least one sentence assigned to it
 * @param scored assigned sentences with a probability positive
 * @param positive assigned sentences that praise
 * @param negative assigned sentences that criticise
 * @param neutral scored assigned sentences within the neutral margin of 0.5
 * @param meanPositive the mean probability positive of the scored sentences; NaN when none
 * @param sharePositive positive over scored; NaN when none was scored
 * @param positiveExamples indices into {@link AspectResult#sentences()} of praising sentences that
 *     are both close to the theme's centre and clearly positive, distinct texts
 * @param negativeExamples the same for criticising sentences
 */
public record ThemeAspects(
    int theme,
    int nearest,
    int sentences,
    int reviews,
    int scored,
    int positive,
    int negative,
    int neutral,
    double meanPositive,
    double sharePositive,
    List<Integer> positiveExamples,
    List<Integer> negativeExamples) {

  public ThemeAspects {
    positiveExamples = List.copyOf(positiveExamples);
    negativeExamples = List.copyOf(negativeExamples);
  }
}
