/** Test fixtures shared by the modules: bundled real data slices and assertions. */
package io.marketlens.testing;
