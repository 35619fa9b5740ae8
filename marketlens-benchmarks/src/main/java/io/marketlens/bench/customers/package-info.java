/**
 * {@code marketlens bench customers}: RFM features and k-means beside the pandas + scikit-learn
 * peer ({@code shared/peers/rfm_kmeans.py}), measured in the same run.
 */
package io.marketlens.bench.customers;
