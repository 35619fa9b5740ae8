/** The marketlens command line (picocli). No analysis logic of its own. */
package io.marketlens.cli;
