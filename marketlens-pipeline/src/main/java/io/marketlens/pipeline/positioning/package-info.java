/** Positioning synthesis: ranked positioning options, each tied to the numbers behind it. */
package io.marketlens.pipeline.positioning;
