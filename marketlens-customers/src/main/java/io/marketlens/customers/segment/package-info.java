/**
 * Customer segmentation: k-means with k chosen by silhouette (Calinski-Harabasz as a check), each
 * segment described by size, value, churn rate, what sets it apart and a persona.
 */
package io.marketlens.customers.segment;
