package io.marketlens.ml.lab.tabular;

import io.marketlens.core.progress.Progress;
import io.marketlens.core.table.Table;
import io.marketlens.core.validate.InvalidInputException;
import io.marketlens.ml.lab.Lab;
import io.marketlens.ml.lab.ModelStore;
import io.marketlens.ml.lab.RunOptions;
import io.marketlens.ml.tabular.BinaryModel;
import io.marketlens.ml.tabular.BinaryModelFiles;
import io.marketlens.ml.tabular.TabularEncoder;
import java.nio.file.Path;

/**
 * A saved tabular model loaded for evaluation or prediction: its spec, its encoder, and either the
 * MLP with the saved weights or the saved {@code gbt} / {@code logistic} classifier. Not
 * thread-safe; close it to free the native memory.
 */
final class TabularModel implements AutoCloseable {

  final TabularModelSpec spec;
  final TabularEncoder encoder;

  /** The network of an {@code mlp} model, else null. */
  private final TabularMlp network;

  /** The classifier of a {@code gbt} or {@code logistic} model, else null. */
  private final BinaryModel classifier;

  private TabularModel(
      TabularModelSpec spec, TabularEncoder encoder, TabularMlp network, BinaryModel classifier) {
    this.spec = spec;
    this.encoder = encoder;
    this.network = network;
    this.classifier = classifier;
  }

  /**
   * Loads {@code saved} on the device and thread count of {@code run}.
   *
   * @throws InvalidInputException when the model is not a tabular model this build can read
   */
  static TabularModel load(ModelStore.SavedModel saved, RunOptions run) {
    String arch = saved.metadata().architecture();
    if (!TabularTrainOptions.ARCHITECTURES.contains(arch)) {
      throw InvalidInputException.in(saved.dir().resolve(ModelStore.METADATA))
          .key("architecture")
          .expected("one of " + String.join(", ", TabularTrainOptions.ARCHITECTURES))
          .found(arch)
          .build();
    }
    TabularModelSpec spec = TabularModelSpec.of(saved.metadata(), saved.dir());
    TabularEncoder encoder;
    try {
      encoder = TabularEncoder.of(spec.encoder());
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.in(saved.dir().resolve(ModelStore.METADATA))
          .key("preprocessing.encoder")
          .expected("an encoder state this build reads")
          .found(e.getMessage())
          .build(e);
    }
    if (!arch.equals("mlp")) {
      BinaryModel classifier = BinaryModelFiles.load(saved.dir());
      String expected = TabularTraining.classifier(arch).name();
      if (!classifier.name().equals(expected)
          || classifier.featureCount() != encoder.featureNames().size()) {
        throw InvalidInputException.in(saved.dir().resolve(BinaryModelFiles.CLASSIFIER))
            .expected(
                expected
                    + " reading "
                    + encoder.featureNames().size()
                    + " features, as metadata.json says")
            .found(classifier.name() + " reading " + classifier.featureCount())
            .build();
      }
      return new TabularModel(spec, encoder, null, classifier);
    }
    if (encoder.featureNames().size() != spec.network().inputs()) {
      throw InvalidInputException.in(saved.dir().resolve(ModelStore.METADATA))
          .key("hyperparameters.network.inputs")
          .expected(encoder.featureNames().size() + " inputs, as the encoder makes")
          .found(String.valueOf(spec.network().inputs()))
          .build();
    }
    Lab.engine(run.threads());
    TabularMlp network = TabularMlp.create(spec.network(), 0, run.device());
    try {
      saved.loadWeights(network.block(), network.manager());
    } catch (RuntimeException e) {
      network.close();
      throw e;
    }
    return new TabularModel(spec, encoder, network, null);
  }

  /** Reads {@code data} with the model's column types (and the target, when {@code labelled}). */
  Table read(Path data, boolean labelled, Progress progress) {
    return TabularInput.readForModel(
        data, spec.columns(), labelled ? spec.target() : null, progress);
  }

  /**
   * The model's outputs for {@code rows} of {@code table}, encoded as in training: the network's
   * ({@link TabularMlp#predict}), or a classifier's probabilities of the second class.
   */
  float[] predict(Table table, int[] rows, int batchSize) {
    if (classifier != null) {
      double[] p = classifier.predictProbability(encoder.encode(table, rows));
      float[] out = new float[p.length];
      for (int i = 0; i < p.length; i++) out[i] = (float) p[i];
      return out;
    }
    return network.predict(TabularTraining.floats(encoder.encode(table, rows)), batchSize);
  }

  @Override
  public void close() {
    if (network != null) network.close();
  }
}
