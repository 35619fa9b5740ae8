/** Data-quality summaries of input tables: types, missing values, distinct counts, warnings. */
package io.marketlens.core.quality;
