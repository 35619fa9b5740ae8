package io.marketlens.ml.lab;

import java.util.List;
import java.util.Map;

/**
 * {@code metadata.json} of a saved model: everything needed to rebuild, check and explain it. The
 * free-form maps hold plain JSON values (numbers, strings, lists, maps); each model family reads
 * its own keys from them.
 *
 * @param schemaVersion the metadata format; {@link ModelStore#SCHEMA_VERSION} when written by this
 *     build
 * @param task {@code tabular}, {@code image}, {@code textgen} or {@code text}
 * @param architecture e.g. {@code mlp}, {@code cnn}, {@code gru}, {@code lstm}, {@code transformer}
 * @param createdAt ISO-8601 instant
 * @param seed the training seed
 * @param trainingData the training file or folder name as given
 * @param trainingDataSha256 SHA-256 of the training data's bytes
 * @param hyperparameters the architecture's sizes and the training settings
 * @param inputSchema what inputs look like (columns and types, image size, text column)
 * @param preprocessing fitted preprocessing (encoders, scalers, vocabulary)
 * @param labels the label of each output class, in output order (empty for regression and language
 *     models)
 * @param metrics held-out metrics measured at training time
 * @param training epochs, best epoch, timing
 * @param versions library versions that wrote the model
 */
public record ModelMetadata(
    int schemaVersion,
    String task,
    String architecture,
    String createdAt,
    long seed,
    String trainingData,
    String trainingDataSha256,
    Map<String, Object> hyperparameters,
    Map<String, Object> inputSchema,
    Map<String, Object> preprocessing,
    List<String> labels,
    Map<String, Object> metrics,
    Map<String, Object> training,
    Map<String, String> versions) {

  public ModelMetadata {
    hyperparameters = hyperparameters == null ? Map.of() : hyperparameters;
    inputSchema = inputSchema == null ? Map.of() : inputSchema;
    preprocessing = preprocessing == null ? Map.of() : preprocessing;
    labels = labels == null ? List.of() : labels;
    metrics = metrics == null ? Map.of() : metrics;
    training = training == null ? Map.of() : training;
    versions = versions == null ? Map.of() : versions;
  }
}
