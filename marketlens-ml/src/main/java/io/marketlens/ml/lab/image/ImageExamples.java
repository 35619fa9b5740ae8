package io.marketlens.ml.lab.image;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.marketlens.ml.lab.Examples;

/** An {@link ImageSet} as training examples: pixels scaled to [0, 1] in NCHW, labels as int64. */
final class ImageExamples implements Examples {

  private final ImageSet set;

  ImageExamples(ImageSet set) {
    this.set = set;
  }

  @Override
  public int size() {
    return set.size();
  }

  @Override
  public Batch batch(NDManager manager, int[] indices) {
    int per = set.pixelsPerImage();
    float[] x = new float[indices.length * per];
    long[] y = new long[indices.length];
    for (int j = 0; j < indices.length; j++) {
      set.scaled(indices[j], x, j * per);
      y[j] = set.labelled() ? set.label(indices[j]) : 0;
    }
    Shape shape = new Shape(indices.length, set.channels(), set.height(), set.width());
    return new Batch(new NDList(manager.create(x, shape)), manager.create(y));
  }
}
