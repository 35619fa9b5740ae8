package io.marketlens.ml.tabular;

import com.microsoft.ml.lightgbm.PredictionType;
import io.github.metarank.lightgbm4j.LGBMBooster;
import io.github.metarank.lightgbm4j.LGBMException;
import java.lang.ref.Cleaner;

/**
 * A LightGBM model held as its text form, with a native booster made on first use and released by a
 * {@link Cleaner} when the model becomes unreachable. Predictions are serialised on the booster.
 */
final class LightGbmModel implements BinaryModel {

  private static final Cleaner CLEANER = Cleaner.create();

  private final String name;
  private final String description;
  private final int featureCount;
  private final String modelText;
  private LGBMBooster booster;

  LightGbmModel(String name, String description, int featureCount, String modelText) {
    this.name = name;
    this.description = description;
    this.featureCount = featureCount;
    this.modelText = modelText;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public int featureCount() {
    return featureCount;
  }

  /** The LightGBM text model, for saving. */
  String modelText() {
    return modelText;
  }

  @Override
  public synchronized double[] predictProbability(double[][] rows) {
    if (rows.length == 0) return new double[0];
    for (double[] r : rows) {
      if (r.length != featureCount) {
        throw new IllegalArgumentException(
            "expected " + featureCount + " features per row, found " + r.length);
      }
    }
    try {
      return booster()
          .predictForMat(
              LightGbm.rowMajor(rows),
              rows.length,
              featureCount,
              true,
              PredictionType.C_API_PREDICT_NORMAL,
              "num_threads=1");
    } catch (LGBMException e) {
      throw new IllegalStateException("LightGBM prediction failed: " + e.getMessage(), e);
    }
  }

  private LGBMBooster booster() throws LGBMException {
    if (booster == null) {
      LightGbm.requireNative();
      LGBMBooster b = LGBMBooster.loadModelFromString(modelText);
      CLEANER.register(this, () -> close(b));
      booster = b;
    }
    return booster;
  }

  private static void close(LGBMBooster b) {
    try {
      b.close();
    } catch (LGBMException e) {
      // nothing more can be done at this point; the process keeps running
    }
  }
}
