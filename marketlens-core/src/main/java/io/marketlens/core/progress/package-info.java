/** Progress reporting for long work: a terminal bar, job progress, or nothing. */
package io.marketlens.core.progress;
