package io.marketlens.customers.features;

import io.marketlens.core.validate.Checks;
import io.marketlens.core.validate.InvalidInputException;
import io.marketlens.ml.cluster.Points;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One row per customer: the customers' ids, their features and, optionally, a yes/no outcome
 * (churn). Immutable and thread-safe; the {@code with*} methods return new tables sharing the
 * unchanged parts.
 */
public final class FeatureTable {

  private final List<String> ids;
  private final List<Feature> features;
  private final Map<String, Feature> byName;
  private final Label label;

  /**
   * @param ids the customer ids, unique, in row order
   * @param features the features, each with one value per id, names unique
   * @param label the outcome, or null
   */
  public FeatureTable(List<String> ids, List<Feature> features, Label label) {
    this.ids = List.copyOf(ids);
    this.features = List.copyOf(features);
    this.label = label;
    Map<String, Feature> m = new LinkedHashMap<>();
    for (Feature f : this.features) {
      Checks.requireArgument(
          f.size() == this.ids.size(),
          "feature '%s' has %d values for %d customers",
          f.name(),
          f.size(),
          this.ids.size());
      Checks.requireArgument(m.put(f.name(), f) == null, "duplicate feature '%s'", f.name());
    }
    this.byName = Collections.unmodifiableMap(m);
    java.util.Set<String> seen = new java.util.HashSet<>(Math.max(16, this.ids.size() * 2));
    for (String id : this.ids) {
      Checks.requireArgument(
          id != null && seen.add(id), "customer ids must be unique, found '%s' twice", id);
    }
    Checks.requireArgument(
        label == null || label.size() == this.ids.size(),
        "label has %d values for %d customers",
        label == null ? 0 : label.size(),
        this.ids.size());
  }

  /** The number of customers (rows). */
  public int size() {
    return ids.size();
  }

  public List<String> ids() {
    return ids;
  }

  public List<Feature> features() {
    return features;
  }

  public List<String> featureNames() {
    return new ArrayList<>(byName.keySet());
  }

  public Optional<Label> label() {
    return Optional.ofNullable(label);
  }

  public boolean hasFeature(String name) {
    return byName.containsKey(name);
  }

  /**
   * The feature called {@code name}.
   *
   * @throws InvalidInputException naming the closest feature when absent
   */
  public Feature feature(String name) {
    Feature f = byName.get(name);
    if (f == null) {
      throw InvalidInputException.in(null)
          .key("features")
          .expected("a feature named '" + name + "'")
          .found("no such feature")
          .hint(Checks.suggestion(name, byName.keySet()))
          .build();
    }
    return f;
  }

  /** The first feature with {@code role}, if any. */
  public Optional<Feature> byRole(FeatureRole role) {
    for (Feature f : features) if (f.role() == role) return Optional.of(f);
    return Optional.empty();
  }

  /** This table with {@code feature} added, or replacing the feature of the same name. */
  public FeatureTable withFeature(Feature feature) {
    Objects.requireNonNull(feature, "feature");
    List<Feature> out = new ArrayList<>(features);
    out.removeIf(f -> f.name().equals(feature.name()));
    out.add(feature);
    return new FeatureTable(ids, out, label);
  }

  /** This table with {@code newLabel} (or none when null). */
  public FeatureTable withLabel(Label newLabel) {
    return new FeatureTable(ids, features, newLabel);
  }

  /**
   * The named features as points for clustering: each taken as {@code log1p} when {@link
   * Feature#skewed()}, then standardised to mean 0 and (population) standard deviation 1, as
   * scikit-learn's {@code StandardScaler}. A feature that does not vary becomes all zeros.
   */
  public Points standardised(List<String> names) {
    Checks.requireArgument(!names.isEmpty(), "expected at least one feature to standardise");
    int n = size();
    int d = names.size();
    double[] x = new double[n * d];
    for (int t = 0; t < d; t++) {
      Feature f = feature(names.get(t));
      double[] v = f.values();
      double sum = 0;
      if (f.skewed()) {
        for (int i = 0; i < n; i++) {
          double y = Math.log1p(v[i]);
          x[i * d + t] = y;
          sum += y;
        }
      } else {
        for (int i = 0; i < n; i++) {
          x[i * d + t] = v[i];
          sum += v[i];
        }
      }
      double mean = sum / n;
      double ss = 0;
      for (int i = 0; i < n; i++) {
        double diff = x[i * d + t] - mean;
        ss += diff * diff;
      }
      double sd = Math.sqrt(ss / n);
      for (int i = 0; i < n; i++) x[i * d + t] = sd > 0 ? (x[i * d + t] - mean) / sd : 0;
    }
    return new Points(x, d);
  }

  @Override
  public String toString() {
    return "FeatureTable[" + size() + " customers, features=" + featureNames() + "]";
  }
}
