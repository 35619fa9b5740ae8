/** The same pipeline on Apache Spark. The only module that sees Spark. */
package io.marketlens.spark;
