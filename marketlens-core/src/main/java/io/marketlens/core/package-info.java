/**
 * Tables, readers, validation, the project file, results model, errors, progress, atomic output. No
 * ML.
 */
package io.marketlens.core;
