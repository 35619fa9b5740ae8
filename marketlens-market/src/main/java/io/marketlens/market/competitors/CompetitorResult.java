package io.marketlens.market.competitors;

import java.util.List;

/**
 * What {@link CompetitorAnalysis#run} found: the map, the price–value frontier, our nearest rivals
 * and the white space. Immutable.
 *
 * @param map the positioning map
 * @param priceValue the hedonic value of every product and the frontier, or null without a price
 *     column
 * @param ours our product's name, or null when none was marked
 * @param rivals our nearest rivals, nearest first (empty when no product is ours)
 * @param whiteSpace the white-space regions, best first
 * @param features which columns became features and which were left out
 * @param notes what was imputed, clipped or skipped, in plain words
 */
public record CompetitorResult(
    CompetitorMap map,
    PriceValue priceValue,
    String ours,
    List<Rival> rivals,
    List<WhiteSpace> whiteSpace,
    FeatureReport features,
    List<String> notes) {

  public CompetitorResult {
    rivals = List.copyOf(rivals);
    whiteSpace = List.copyOf(whiteSpace);
    notes = List.copyOf(notes);
  }
}
