/**
 * Data in: CSV/TSV (sniffed delimiter, detected encoding, gzip), Parquet and JSON Lines readers.
 */
package io.marketlens.core.io;
