package io.marketlens.ml.tabular;

import io.marketlens.core.validate.InvalidInputException;
import io.marketlens.ml.lab.Lab;
import io.marketlens.ml.lab.ModelStore;
import io.marketlens.ml.lab.tabular.MlpClassifier;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The trained models of {@link Classifiers} and the {@link Calibrator}s as files of a model
 * directory, read back into objects that predict bit for bit as the saved ones did.
 *
 * <p>Files: {@value #CLASSIFIER} ({@link Header}: name, description, feature count) and the
 * classifier's own: {@value #LOGISTIC} for logistic regression (intercept, coefficients, lambda,
 * iterations); {@value #LIGHTGBM} for gradient-boosted trees (LightGBM's text model: the trained
 * model predicts from the same text); {@code mlp.json} and {@code weights.params} for the MLP (see
 * {@link MlpClassifier#save}). Doubles are JSON numbers in Java's round-trip form ({@link
 * Double#toString}), so they read back to the same bits.
 */
public final class BinaryModelFiles {

  /** The file naming the classifier. */
  public static final String CLASSIFIER = "classifier.json";

  /** Logistic regression's coefficients. */
  public static final String LOGISTIC = "logistic.json";

  /** Gradient-boosted trees as LightGBM's text model. */
  public static final String LIGHTGBM = "lightgbm.txt";

  /**
   * What every saved classifier records.
   *
   * @param name the classifier's name ({@link BinaryModel#name()})
   * @param description its chosen hyper-parameters in words
   * @param featureCount the features it reads
   */
  public record Header(String name, String description, int featureCount) {}

  /** {@value #LOGISTIC}: the fields of {@link LogisticRegression.Model}. */
  record LogisticFile(double intercept, double[] coefficients, double lambda, int iterations) {}

  private BinaryModelFiles() {}

  /**
   * The files of {@code model}, by name.
   *
   * @throws IllegalArgumentException for a model not trained by one of {@link Classifiers}
   */
  public static Map<String, byte[]> save(BinaryModel model) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put(
        CLASSIFIER,
        ModelStore.json(new Header(model.name(), model.description(), model.featureCount())));
    if (model instanceof LogisticRegression.Model m) {
      files.put(
          LOGISTIC,
          ModelStore.json(
              new LogisticFile(m.intercept(), m.coefficients(), m.lambda(), m.iterations())));
    } else if (model instanceof LightGbmModel m) {
      files.put(LIGHTGBM, m.modelText().getBytes(StandardCharsets.UTF_8));
    } else if (MlpClassifier.trained(model)) {
      files.putAll(MlpClassifier.save(model));
    } else {
      throw new IllegalArgumentException(
          "cannot save a " + model.name() + " model (" + model.getClass().getName() + ")");
    }
    return files;
  }

  /**
   * Reads the classifier saved in {@code dir} by {@link #save}.
   *
   * @throws InvalidInputException when a file is missing or malformed, or names a classifier this
   *     build does not know
   */
  public static BinaryModel load(Path dir) {
    Path headerFile = dir.resolve(CLASSIFIER);
    Header h = ModelStore.readJson(headerFile, Header.class);
    if (h.name() == null || h.featureCount() < 1) {
      throw InvalidInputException.in(headerFile)
          .expected("a classifier name and its feature count (at least 1)")
          .found(h.name() + ", " + h.featureCount() + " features")
          .build();
    }
    String description = h.description() == null ? "" : h.description();
    switch (h.name()) {
      case LogisticRegression.NAME:
        {
          Path file = dir.resolve(LOGISTIC);
          LogisticFile f = ModelStore.readJson(file, LogisticFile.class);
          if (f.coefficients() == null || f.coefficients().length != h.featureCount()) {
            throw InvalidInputException.in(file)
                .key("coefficients")
                .expected(h.featureCount() + " coefficients, one per feature")
                .found(f.coefficients() == null ? "none" : f.coefficients().length + "")
                .build();
          }
          return new LogisticRegression.Model(
              f.intercept(), f.coefficients(), f.lambda(), f.iterations());
        }
      case GradientBoostedTrees.NAME:
        {
          Path file = dir.resolve(LIGHTGBM);
          String text;
          try {
            text = Files.readString(file, StandardCharsets.UTF_8);
          } catch (IOException e) {
            throw InvalidInputException.in(file)
                .expected("the LightGBM model text")
                .found("missing or unreadable (" + e.getMessage() + ")")
                .build();
          }
          return new LightGbmModel(GradientBoostedTrees.NAME, description, h.featureCount(), text);
        }
      case MlpClassifier.NAME:
        return MlpClassifier.load(dir, description, h.featureCount());
      default:
        throw InvalidInputException.in(headerFile)
            .key("name")
            .expected("a classifier this build reads: " + String.join(", ", Classifiers.names()))
            .found(h.name())
            .build();
    }
  }

  /** {@code calibrator} as plain JSON values: its method and parameters. */
  public static Map<String, Object> describe(Calibrator calibrator) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("method", calibrator.method());
    if (calibrator instanceof PlattScaling p) {
      m.put("a", p.a());
      m.put("b", p.b());
    } else if (calibrator instanceof IsotonicRegression i) {
      m.put("x", i.x());
      m.put("y", i.y());
    } else if (!"none".equals(calibrator.method())) {
      throw new IllegalArgumentException("cannot save the calibrator " + calibrator.method());
    }
    return m;
  }

  /**
   * The calibrator described by {@code description} ({@link #describe}); {@code file} and {@code
   * key} say where it was read, for errors.
   *
   * @throws InvalidInputException when the description is incomplete or names an unknown method
   */
  public static Calibrator calibrator(Map<String, Object> description, Path file, String key) {
    Object method = description == null ? null : description.get("method");
    try {
      if ("platt".equals(method)) {
        return new PlattScaling(number(description.get("a")), number(description.get("b")));
      }
      if ("isotonic".equals(method)) {
        return new IsotonicRegression(
            ModelStore.convert(description.get("x"), double[].class),
            ModelStore.convert(description.get("y"), double[].class));
      }
      if ("none".equals(method)) return Calibration.none();
    } catch (IllegalArgumentException | NullPointerException e) {
      throw InvalidInputException.in(file)
          .key(key)
          .expected("the parameters of " + method + " calibration")
          .found(String.valueOf(e.getMessage()))
          .build(e);
    }
    throw InvalidInputException.in(file)
        .key(key + ".method")
        .expected("platt, isotonic or none")
        .found(String.valueOf(method))
        .build();
  }

  private static double number(Object value) {
    if (!(value instanceof Number n)) {
      throw new IllegalArgumentException("expected a number, found " + value);
    }
    return n.doubleValue();
  }

  /**
   * The versions that matter for {@code model}'s predictions: Marketlens, Java, and LightGBM (
   * lightgbm4j) or DJL / PyTorch when the model uses them.
   */
  public static Map<String, String> versions(BinaryModel model) {
    Map<String, String> v = new LinkedHashMap<>();
    if (MlpClassifier.trained(model)) {
      v.putAll(Lab.versions());
    } else {
      v.put(
          "marketlens",
          String.valueOf(BinaryModelFiles.class.getPackage().getImplementationVersion()));
      v.put("java", System.getProperty("java.version"));
    }
    if (model instanceof LightGbmModel) v.put("lightgbm4j", lightgbm4jVersion());
    return v;
  }

  private static String lightgbm4jVersion() {
    Properties p = new Properties();
    try (InputStream in =
        BinaryModelFiles.class.getResourceAsStream(
            "/META-INF/maven/io.github.metarank/lightgbm4j/pom.properties")) {
      if (in == null) return "unknown";
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
