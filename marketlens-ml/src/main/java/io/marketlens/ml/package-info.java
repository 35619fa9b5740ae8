/**
 * The model lab: DJL blocks, trainer, metrics, model store, embeddings runtime. The only module
 * that sees DJL / ONNX Runtime.
 */
package io.marketlens.ml;
