/**
 * In-process sentence embeddings for English and Chinese text, from the ONNX sentence encoders
 * shipped in Maven Central jars. Entry point: {@link io.marketlens.ml.embed.Embedder}.
 */
package io.marketlens.ml.embed;
