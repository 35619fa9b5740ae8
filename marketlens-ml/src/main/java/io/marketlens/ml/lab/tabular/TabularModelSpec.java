package io.marketlens.ml.lab.tabular;

import io.marketlens.core.validate.InvalidInputException;
import io.marketlens.ml.lab.ModelMetadata;
import io.marketlens.ml.lab.ModelStore;
import io.marketlens.ml.tabular.TabularEncoder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything besides the weights that a saved tabular model needs to predict, and where each part
 * lives in {@code metadata.json}: {@code hyperparameters.network} (the {@link TabularMlp.Spec}; an
 * MLP only: the {@code gbt} and {@code logistic} classifiers keep theirs in their own files),
 * {@code inputSchema} (columns with their types, id, target, head), {@code preprocessing} (the
 * {@link TabularEncoder.State}, feature names, the regression target's mean and scale) and {@code
 * labels} (the classes in output order).
 *
 * @param network the network's shape, or null for a {@code gbt} / {@code logistic} classifier
 * @param encoder the fitted feature encoding
 * @param columns the input columns with their training types
 * @param id the id column, or null
 * @param target the target column
 * @param classes the class names in output order (empty for regression)
 * @param targetMean the regression target's training mean (0 for classification)
 * @param targetScale the regression target's training standard deviation (1 for classification)
 */
record TabularModelSpec(
    TabularMlp.Spec network,
    TabularEncoder.State encoder,
    List<TabularInput.ColumnSchema> columns,
    String id,
    String target,
    List<String> classes,
    double targetMean,
    double targetScale) {

  TabularModelSpec {
    columns = List.copyOf(columns);
    classes = List.copyOf(classes);
  }

  /** What the outputs mean; the classifiers without a network are binary. */
  MlpHead head() {
    return network == null ? MlpHead.BINARY : network.head();
  }

  /** Values per row that the model predicts. */
  int outputs() {
    return network == null ? 1 : network.outputs();
  }

  Map<String, Object> inputSchema() {
    Map<String, Object> m = new LinkedHashMap<>();
    List<Object> cols = new ArrayList<>();
    for (TabularInput.ColumnSchema c : columns) cols.add(ModelStore.toMap(c));
    m.put("columns", cols);
    m.put("id", id);
    m.put("target", target);
    m.put("head", head().id());
    return m;
  }

  Map<String, Object> preprocessing() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("encoder", ModelStore.toMap(encoder));
    m.put("features", TabularEncoder.of(encoder).featureNames());
    m.put("targetMean", targetMean);
    m.put("targetScale", targetScale);
    return m;
  }

  /**
   * Reads the spec back from a model's metadata.
   *
   * @throws InvalidInputException when a part is missing or malformed
   */
  static TabularModelSpec of(ModelMetadata meta, Path dir) {
    try {
      TabularMlp.Spec network =
          ModelStore.convert(meta.hyperparameters().get("network"), TabularMlp.Spec.class);
      TabularEncoder.State encoder =
          ModelStore.convert(meta.preprocessing().get("encoder"), TabularEncoder.State.class);
      List<TabularInput.ColumnSchema> columns = new ArrayList<>();
      for (Object c : (List<?>) meta.inputSchema().get("columns")) {
        columns.add(ModelStore.convert(c, TabularInput.ColumnSchema.class));
      }
      Object id = meta.inputSchema().get("id");
      Object target = meta.inputSchema().get("target");
      double mean = ((Number) meta.preprocessing().getOrDefault("targetMean", 0.0)).doubleValue();
      double scale = ((Number) meta.preprocessing().getOrDefault("targetScale", 1.0)).doubleValue();
      boolean mlp = "mlp".equals(meta.architecture());
      if ((mlp && network == null) || encoder == null || target == null) {
        throw new IllegalArgumentException("network, encoder or target missing");
      }
      return new TabularModelSpec(
          mlp ? network : null,
          encoder,
          columns,
          id == null ? null : id.toString(),
          target.toString(),
          meta.labels(),
          mean,
          scale);
    } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
      throw InvalidInputException.in(dir.resolve(ModelStore.METADATA))
          .expected("the metadata of a tabular model (network, encoder, input columns)")
          .found("incomplete or malformed metadata (" + e.getMessage() + ")")
          .build(e);
    }
  }
}
