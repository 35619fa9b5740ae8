/**
 * Benchmarks that put our figures beside the named reference, measured in the same run ({@code
 * marketlens bench NAME}); each entry point states its workload, its dataset and its reference.
 */
package io.marketlens.bench;
