package io.marketlens.ml.tabular;

import io.github.metarank.lightgbm4j.LGBMBooster;
import io.github.metarank.lightgbm4j.LGBMDataset;
import io.github.metarank.lightgbm4j.LGBMException;

/** The few LightGBM calls shared by training and prediction. */
final class LightGbm {

  private LightGbm() {}

  /**
   * Loads the native library once.
   *
   * @throws IllegalStateException when it cannot be loaded on this machine
   */
  static void requireNative() {
    boolean loaded;
    String why =
        "no native library for "
            + System.getProperty("os.name")
            + " "
            + System.getProperty("os.arch");
    try {
      loaded = LGBMBooster.isNativeLoaded();
      if (!loaded) {
        LGBMBooster.loadNative();
        loaded = LGBMBooster.isNativeLoaded();
      }
    } catch (java.io.IOException | LinkageError e) {
      loaded = false;
      why = String.valueOf(e.getMessage());
    }
    if (!loaded) {
      throw new IllegalStateException(
          "LightGBM cannot run here ("
              + why
              + "); on Linux it needs libgomp1 (apt-get install libgomp1)");
    }
  }

  static LGBMDataset dataset(TabularData data, String params, LGBMDataset reference)
      throws LGBMException {
    LGBMDataset set =
        LGBMDataset.createFromMat(
            rowMajor(data.features()), data.rows(), data.columns(), true, params, reference);
    float[] labels = new float[data.rows()];
    for (int i = 0; i < labels.length; i++) labels[i] = data.labels()[i];
    set.setField("label", labels);
    if (data.weights() != null) {
      float[] w = new float[data.rows()];
      for (int i = 0; i < w.length; i++) w[i] = (float) data.weights()[i];
      set.setField("weight", w);
    }
    return set;
  }

  static double[] rowMajor(double[][] rows) {
    int d = rows.length == 0 ? 0 : rows[0].length;
    double[] flat = new double[rows.length * d];
    for (int i = 0; i < rows.length; i++) System.arraycopy(rows[i], 0, flat, i * d, d);
    return flat;
  }
}
