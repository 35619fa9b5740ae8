package io.marketlens.ml.lab.tabular;

import io.marketlens.core.progress.Progress;
import io.marketlens.core.table.Table;
import io.marketlens.core.validate.InvalidInputException;
import io.marketlens.ml.lab.Lab;
import io.marketlens.ml.lab.ModelStore;
import io.marketlens.ml.lab.RunOptions;
import io.marketlens.ml.tabular.TabularEncoder;
import java.nio.file.Path;

/**
 * A saved tabular MLP loaded for evaluation or prediction: its spec, its encoder and the network
 * with the saved weights. Not thread-safe; close it to free the native memory.
 */
final class TabularModel implements AutoCloseable {

  final TabularModelSpec spec;
  final TabularEncoder encoder;
  final TabularMlp network;

  private TabularModel(TabularModelSpec spec, TabularEncoder encoder, TabularMlp network) {
    this.spec = spec;
    this.encoder = encoder;
    this.network = network;
  }

  /**
   * Loads {@code saved} on the device and thread count of {@code run}.
   *
   * @throws InvalidInputException when the model is not a tabular MLP this build can read
   */
  static TabularModel load(ModelStore.SavedModel saved, RunOptions run) {
    if (!"mlp".equals(saved.metadata().architecture())) {
      throw InvalidInputException.in(saved.dir().resolve(ModelStore.METADATA))
          .key("architecture")
          .expected("mlp (the only tabular architecture saved as a model)")
          .found(saved.metadata().architecture())
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
    return new TabularModel(spec, encoder, network);
  }

  /** Reads {@code data} with the model's column types (and the target, when {@code labelled}). */
  Table read(Path data, boolean labelled, Progress progress) {
    return TabularInput.readForModel(
        data, spec.columns(), labelled ? spec.target() : null, progress);
  }

  /** Network outputs for {@code rows} of {@code table}, encoded as in training. */
  float[] predict(Table table, int[] rows, int batchSize) {
    return network.predict(TabularTraining.floats(encoder.encode(table, rows)), batchSize);
  }

  @Override
  public void close() {
    network.close();
  }
}
