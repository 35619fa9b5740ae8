package io.marketlens.core.io;

import io.marketlens.core.table.Table;

/**
 * A table and the report of how it was read.
 *
 * @param table the typed table
 * @param report format, encoding, hash and warnings
 */
public record ReadResult(Table table, ReadReport report) {}
