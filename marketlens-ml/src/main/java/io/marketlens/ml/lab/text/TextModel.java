package io.marketlens.ml.lab.text;

import ai.djl.Device;
import io.marketlens.core.progress.Progress;
import io.marketlens.ml.lab.ModelStore;
import java.util.List;

/**
 * A loaded text classifier of any architecture: the token models ({@link TextClassifier}:
 * Transformer, GRU) and the sentence-encoder head ({@link TextEmbedHead}). One thread at a time;
 * close it to free its native memory.
 */
interface TextModel extends AutoCloseable {

  /** The class labels in output order. */
  List<String> labels();

  /** The class probabilities of each text, in {@link #labels()} order. */
  float[][] probabilities(List<String> texts, int batch, Progress progress);

  @Override
  void close();

  /** The classifier saved in {@code model}, of whichever architecture it records. */
  static TextModel load(ModelStore.SavedModel model, Device device) {
    return TextSettings.EMBED_HEAD.equals(model.metadata().architecture())
        ? TextEmbedHead.load(model, device)
        : TextClassifier.load(model, device);
  }
}
