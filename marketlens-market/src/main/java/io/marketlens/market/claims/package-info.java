/**
 * Overlap between our marketing claims and each competitor's, by sentence-embedding similarity:
 * which competitor says what we say, which of our claims nobody else makes, and which claims most
 * competitors make. Entry point: {@link io.marketlens.market.claims.ClaimsAnalysis}.
 */
package io.marketlens.market.claims;
