/** Atomic output: files and directories appear whole or not at all. */
package io.marketlens.core.output;
