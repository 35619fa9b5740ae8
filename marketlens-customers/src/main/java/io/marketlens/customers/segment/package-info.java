/**
 * Customer segmentation: k-means with k chosen by silhouette (Calinski-Harabasz as a check), or
 * HDBSCAN with the customers in no segment reported as an unclustered group; each segment described
 * by size, value, churn rate, what sets it apart and a persona.
 */
package io.marketlens.customers.segment;
