/**
 * The lab's {@code image} task: the seed CNN (one 3×3 convolution, a dense hidden layer, a softmax
 * output) trained on IDX files or a PNG class-folder tree, saved and reloaded through {@link
 * io.marketlens.ml.lab.ModelStore}.
 */
package io.marketlens.ml.lab.image;
