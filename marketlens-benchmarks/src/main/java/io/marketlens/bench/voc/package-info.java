/**
 * The voice-of-customer benchmark: sentence-embedding throughput beside a compute bound, and
 * sentiment accuracy beside the TF-IDF + logistic-regression peer, in one run.
 */
package io.marketlens.bench.voc;
