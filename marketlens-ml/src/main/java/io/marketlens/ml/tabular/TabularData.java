package io.marketlens.ml.tabular;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A numeric design matrix with a binary label: what every {@link BinaryClassifier} trains on.
 *
 * <p>Each feature belongs to a <em>group</em>, the original column it was made from (the one-hot
 * levels of a categorical column share one group), so importance and explanations can be reported
 * per original column. The arrays are shared, not copied: treat them as read-only.
 *
 * @param features {@code rows × columns} values, all finite
 * @param featureNames one name per feature column
 * @param groups the original column of each feature, same length as {@code featureNames}
 * @param labels 0 or 1 per row
 * @param weights a positive weight per row, or null for equal weights
 */
public record TabularData(
    double[][] features,
    List<String> featureNames,
    List<String> groups,
    int[] labels,
    double[] weights) {

  public TabularData {
    Objects.requireNonNull(features, "features");
    Objects.requireNonNull(labels, "labels");
    featureNames = List.copyOf(featureNames);
    groups = List.copyOf(groups);
    if (groups.size() != featureNames.size()) {
      throw new IllegalArgumentException(
          "groups has " + groups.size() + " entries, featureNames " + featureNames.size());
    }
    if (labels.length != features.length) {
      throw new IllegalArgumentException(
          "labels has " + labels.length + " rows, features " + features.length);
    }
    if (weights != null && weights.length != features.length) {
      throw new IllegalArgumentException(
          "weights has " + weights.length + " rows, features " + features.length);
    }
    for (int i = 0; i < features.length; i++) {
      if (features[i].length != featureNames.size()) {
        throw new IllegalArgumentException(
            "row " + i + " has " + features[i].length + " values, expected " + featureNames.size());
      }
      if (labels[i] != 0 && labels[i] != 1) {
        throw new IllegalArgumentException(
            "label of row " + i + " must be 0 or 1, found " + labels[i]);
      }
      for (double v : features[i]) {
        if (!Double.isFinite(v)) {
          throw new IllegalArgumentException("row " + i + " holds a non-finite value " + v);
        }
      }
    }
  }

  /** Data whose features form their own groups (no one-hot encoding). */
  public static TabularData of(double[][] features, List<String> featureNames, int[] labels) {
    return new TabularData(features, featureNames, featureNames, labels, null);
  }

  /** Labels from booleans (true = 1). */
  public static int[] labelsOf(boolean[] values) {
    int[] out = new int[values.length];
    for (int i = 0; i < values.length; i++) out[i] = values[i] ? 1 : 0;
    return out;
  }

  public int rows() {
    return features.length;
  }

  public int columns() {
    return featureNames.size();
  }

  /** The weight of row {@code i} (1 when there are no weights). */
  public double weight(int i) {
    return weights == null ? 1.0 : weights[i];
  }

  /** The number of rows labelled 1. */
  public int positives() {
    int n = 0;
    for (int y : labels) n += y;
    return n;
  }

  /** The distinct groups in feature order. */
  public List<String> groupNames() {
    List<String> out = new ArrayList<>();
    for (String g : groups) if (!out.contains(g)) out.add(g);
    return out;
  }

  /** The feature indices of each group, in {@link #groupNames()} order. */
  public int[][] groupIndices() {
    List<String> names = groupNames();
    int[][] out = new int[names.size()][];
    for (int g = 0; g < names.size(); g++) {
      List<Integer> idx = new ArrayList<>();
      for (int j = 0; j < groups.size(); j++) if (groups.get(j).equals(names.get(g))) idx.add(j);
      out[g] = idx.stream().mapToInt(Integer::intValue).toArray();
    }
    return out;
  }

  /** The rows at {@code indices}, in that order (row arrays are shared). */
  public TabularData subset(int[] indices) {
    double[][] x = new double[indices.length][];
    int[] y = new int[indices.length];
    double[] w = weights == null ? null : new double[indices.length];
    for (int k = 0; k < indices.length; k++) {
      x[k] = features[indices[k]];
      y[k] = labels[indices[k]];
      if (w != null) w[k] = weights[indices[k]];
    }
    return new TabularData(x, featureNames, groups, y, w);
  }

  /** The same rows with other features (e.g. the output of another encoding). */
  public TabularData withFeatures(double[][] x, List<String> names, List<String> featureGroups) {
    return new TabularData(x, names, featureGroups, labels, weights);
  }
}
