/**
 * {@code marketlens bench lab}: each model-lab architecture trained on the same data, split, seed,
 * epochs or steps and thread count as its PyTorch peer script in {@code shared/peers/}, the peer
 * run in the same invocation, quality and time printed side by side with the ratio.
 */
package io.marketlens.bench.lab;
