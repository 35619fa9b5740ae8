/** Results to results.json and the self-contained HTML report. */
package io.marketlens.report;
