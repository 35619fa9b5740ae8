package io.marketlens.market.claims;

/**
 * One of our claims and the competitor claim most similar to it.
 *
 * @param ourClaim our claim
 * @param theirClaim the competitor's claim closest to it (same language)
 * @param cosine the cosine similarity of their embeddings
 * @param same whether the cosine reaches the language's threshold, so both say the same thing
 */
public record ClaimMatch(String ourClaim, String theirClaim, double cosine, boolean same) {}
