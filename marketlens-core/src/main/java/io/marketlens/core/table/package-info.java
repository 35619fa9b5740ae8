/**
 * Column-oriented tables with typed columns: what every reader produces and every capability reads.
 */
package io.marketlens.core.table;
