package io.marketlens.ml.lab.tabular;

import io.marketlens.ml.lab.ClassMetrics;
import io.marketlens.ml.lab.TrainReport;
import java.util.LinkedHashMap;
import java.util.Map;

/** Held-out metrics of the tabular family from raw network predictions. */
final class TabularMetrics {

  private TabularMetrics() {}

  /** Class probabilities per row from {@link TabularMlp#predict} output. */
  static double[][] probabilities(float[] outputs, MlpHead head, int classes) {
    int width = head == MlpHead.MULTICLASS ? classes : 1;
    int n = outputs.length / width;
    double[][] p = new double[n][width];
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < width; c++) p[i][c] = outputs[i * width + c];
    }
    return p;
  }

  /** {@link ClassMetrics} of the predicted probabilities against the true classes. */
  static Map<String, Object> classification(float[] outputs, MlpHead head, int classes, int[] y) {
    return ClassMetrics.of(probabilities(outputs, head, classes), y);
  }

  /** Values in the target's units from standardised outputs. */
  static double[] values(float[] outputs, double mean, double scale) {
    double[] v = new double[outputs.length];
    for (int i = 0; i < v.length; i++) v[i] = outputs[i] * scale + mean;
    return v;
  }

  /** RMSE, MAE and R² (against the mean of {@code actual}), and the row count. */
  static Map<String, Object> regression(double[] predicted, double[] actual) {
    int n = actual.length;
    double mean = 0;
    for (double a : actual) mean += a;
    mean /= Math.max(1, n);
    double se = 0;
    double ae = 0;
    double ss = 0;
    for (int i = 0; i < n; i++) {
      double d = predicted[i] - actual[i];
      se += d * d;
      ae += Math.abs(d);
      ss += (actual[i] - mean) * (actual[i] - mean);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rmse", TrainReport.round(n == 0 ? Double.NaN : Math.sqrt(se / n)));
    m.put("mae", TrainReport.round(n == 0 ? Double.NaN : ae / n));
    m.put("r2", TrainReport.round(ss == 0 ? Double.NaN : 1 - se / ss));
    m.put("n", n);
    return m;
  }
}
