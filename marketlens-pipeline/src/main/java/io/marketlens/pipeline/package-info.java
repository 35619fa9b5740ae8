/** Runs the capabilities a project file asks for, in order, and assembles the results. */
package io.marketlens.pipeline;
