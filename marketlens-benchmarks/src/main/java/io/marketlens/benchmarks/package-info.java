/** Benchmarks that put our figures beside the named reference, measured in the same run. */
package io.marketlens.benchmarks;
