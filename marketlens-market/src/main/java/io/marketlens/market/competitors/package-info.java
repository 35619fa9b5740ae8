/**
 * Competitor positioning: a two-axis map of a product table with named axes, the price–value
 * frontier, our nearest rivals and ranked white space. Entry point: {@link
 * io.marketlens.market.competitors.CompetitorAnalysis}.
 */
package io.marketlens.market.competitors;
