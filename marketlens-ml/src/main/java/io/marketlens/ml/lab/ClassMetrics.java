package io.marketlens.ml.lab;

import io.marketlens.ml.tabular.Metrics;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Classification metrics from predicted probabilities: accuracy, precision, recall and F1 (binary:
 * of class 1; multi-class: macro averages), ROC-AUC and PR-AUC (binary), log-loss and the confusion
 * matrix (rows actual, columns predicted).
 */
public final class ClassMetrics {

  private ClassMetrics() {}

  /** The index of the largest value of each row. */
  public static int[] argmax(double[][] probabilities) {
    int[] out = new int[probabilities.length];
    for (int i = 0; i < out.length; i++) {
      double[] p = probabilities[i];
      int best = 0;
      for (int c = 1; c < p.length; c++) if (p[c] > p[best]) best = c;
      out[i] = best;
    }
    return out;
  }

  /**
   * Metrics of class probabilities ({@code rows × classes}; for binary tasks two columns or one
   * column holding P(class 1)) against the true class of each row.
   */
  public static Map<String, Object> of(double[][] probabilities, int[] labels) {
    int n = labels.length;
    if (probabilities.length != n) throw new IllegalArgumentException("row counts differ");
    boolean single = n > 0 && probabilities[0].length == 1;
    int classes = single ? 2 : (n == 0 ? 0 : probabilities[0].length);
    double[][] p = probabilities;
    if (single) {
      p = new double[n][];
      for (int i = 0; i < n; i++)
        p[i] = new double[] {1 - probabilities[i][0], probabilities[i][0]};
    }
    int[] predicted = argmax(p);
    long[][] confusion = new long[classes][classes];
    double logLoss = 0;
    int correct = 0;
    for (int i = 0; i < n; i++) {
      confusion[labels[i]][predicted[i]]++;
      if (labels[i] == predicted[i]) correct++;
      logLoss -= Math.log(Math.max(1e-15, Math.min(1 - 1e-15, p[i][labels[i]])));
    }
    Map<String, Object> m = new LinkedHashMap<>();
    if (classes == 2) {
      double[] pos = new double[n];
      for (int i = 0; i < n; i++) pos[i] = p[i][1];
      m.put("auc", round(Metrics.rocAuc(pos, labels)));
      m.put("prAuc", round(Metrics.prAuc(pos, labels)));
    }
    m.put("accuracy", round(n == 0 ? Double.NaN : (double) correct / n));
    double[] precision = new double[classes];
    double[] recall = new double[classes];
    double[] f1 = new double[classes];
    for (int c = 0; c < classes; c++) {
      long tp = confusion[c][c];
      long predictedC = 0;
      long actualC = 0;
      for (int k = 0; k < classes; k++) {
        predictedC += confusion[k][c];
        actualC += confusion[c][k];
      }
      precision[c] = predictedC == 0 ? 0 : (double) tp / predictedC;
      recall[c] = actualC == 0 ? 0 : (double) tp / actualC;
      f1[c] =
          precision[c] + recall[c] == 0
              ? 0
              : 2 * precision[c] * recall[c] / (precision[c] + recall[c]);
    }
    if (classes == 2) {
      m.put("precision", round(precision[1]));
      m.put("recall", round(recall[1]));
      m.put("f1", round(f1[1]));
    }
    m.put("macroPrecision", round(mean(precision)));
    m.put("macroRecall", round(mean(recall)));
    m.put("macroF1", round(mean(f1)));
    m.put("logLoss", round(n == 0 ? Double.NaN : logLoss / n));
    m.put("n", n);
    m.put("confusion", confusion);
    return m;
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double x : v) s += x;
    return v.length == 0 ? Double.NaN : s / v.length;
  }

  private static double round(double v) {
    return TrainReport.round(v);
  }
}
