package io.marketlens.cli;

import io.marketlens.core.validate.InvalidInputException;
import io.marketlens.ml.lab.TrainConfig;
import io.marketlens.ml.lab.image.ImageCnn;
import io.marketlens.ml.lab.image.ImageTrainer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code marketlens train image --data DIR_OR_FILE [--arch cnn] --out MODEL_DIR}: the seed CNN on
 * IDX files or PNG class folders; the last stdout line is the train report.
 */
@Command(
    name = "image",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Train an image classifier: the seed CNN (Conv 32@3x3 -> ReLU -> Dense 128 -> ReLU ->"
          + " Dense classes; Glorot-uniform weights; pixels / 255). Defaults are the peer's: 2"
          + " epochs, batch 64, SGD lr 0.01 momentum 0.9, seed 42. Prints one JSON line.",
      "",
      "--data is one of:",
      "  an IDX folder: train-images-idx3-ubyte + train-labels-idx1-ubyte (each may end in"
          + " .gz); t10k-images-idx3-ubyte + t10k-labels-idx1-ubyte beside them are the test"
          + " set. A folder with only one of the two pairs uses it as all the data.",
      "  an IDX image file (...images-idx3-ubyte[.gz]); its labels are the file named with"
          + " labels-idx1 for images-idx3.",
      "  a PNG class-folder tree DIR/<class name>/*.png (grey; colour becomes luma; all images"
          + " one size), or DIR/train/<class>/*.png with DIR/test/<class>/*.png as the test"
          + " set.",
      "Without a test set, a stratified --test-fraction of the images (seeded) is held out.",
      "With --patience, a stratified 10%% of the training images is also held out for the"
          + " validation loss (early stopping, best epoch restored).",
      "Classes: IDX labels 0..max named \"0\", \"1\", ...; PNG classes are the folder names in"
          + " name order.",
      ""
    })
final class TrainImageCommand implements Callable<Integer> {

  @Option(
      names = "--data",
      required = true,
      paramLabel = "DIR_OR_FILE",
      description = "Training images (see above).")
  Path data;

  @Option(
      names = "--arch",
      defaultValue = "cnn",
      description = "Architecture: cnn (default: ${DEFAULT-VALUE}).")
  String arch;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "MODEL_DIR",
      description = "Model directory to write.")
  Path out;

  @Option(
      names = "--test-fraction",
      defaultValue = "0.2",
      description = "Share held out when the data have no test set (default: ${DEFAULT-VALUE}).")
  double testFraction;

  @Option(
      names = "--filters",
      defaultValue = "32",
      description = "Convolution filters (default: ${DEFAULT-VALUE}).")
  int filters;

  @Option(
      names = "--kernel",
      defaultValue = "3",
      description = "Convolution kernel side (default: ${DEFAULT-VALUE}).")
  int kernel;

  @Option(
      names = "--hidden",
      defaultValue = "128",
      description = "Dense hidden units (default: ${DEFAULT-VALUE}).")
  int hidden;

  @CommandLine.Mixin TrainingOptions training;

  @Override
  public Integer call() {
    if (!"cnn".equals(arch)) throw InvalidInputException.usage("--arch cnn", arch);
    ImageCnn architecture = new ImageCnn(filters, kernel, hidden);
    TrainConfig config = training.apply(ImageTrainer.defaults(), out);
    ImageTrainer.Result result =
        ImageTrainer.train(data, architecture, testFraction, config, out, training.progress());
    JsonLine.print(result.report());
    return ExitCodes.OK;
  }
}
