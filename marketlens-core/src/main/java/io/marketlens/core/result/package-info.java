/** The results document, {@code results.json}, with its schema version first. */
package io.marketlens.core.result;
