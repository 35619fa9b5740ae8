/**
 * Generic clustering of numeric points: k-means (k-means++ seeding, Lloyd iterations accelerated
 * with Hamerly's bounds), HDBSCAN (density-based, with noise), cluster quality (silhouette,
 * Calinski-Harabasz) and the automatic choice of k. Knows nothing of customers; every result is
 * deterministic for a given seed, whatever the number of threads.
 */
package io.marketlens.ml.cluster;
