/** The project file, {@code marketlens.yaml}: records, loading and validation with clear errors. */
package io.marketlens.core.project;
