package io.marketlens.market.claims;

/**
 * One marketing claim: a sentence of a product's marketing text.
 *
 * @param product the product that makes it
 * @param text the sentence, trimmed
 * @param language "en" or "zh": the encoder it was embedded with; claims of different languages are
 *     never compared
 */
public record Claim(String product, String text, String language) {}
