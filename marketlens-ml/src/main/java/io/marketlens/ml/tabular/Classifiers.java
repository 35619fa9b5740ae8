package io.marketlens.ml.tabular;

import io.marketlens.core.validate.Checks;
import io.marketlens.core.validate.InvalidInputException;
import io.marketlens.ml.lab.tabular.MlpClassifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The classifiers available by name, each in its default configuration. A new candidate (the model
 * lab's MLP, once it exists) is added here with one line.
 */
public final class Classifiers {

  private static final Map<String, Supplier<BinaryClassifier>> BY_NAME = new LinkedHashMap<>();

  static {
    BY_NAME.put(LogisticRegression.NAME, LogisticRegression::defaults);
    BY_NAME.put(GradientBoostedTrees.NAME, GradientBoostedTrees::defaults);
    BY_NAME.put(MlpClassifier.NAME, MlpClassifier::defaults);
  }

  private Classifiers() {}

  /** The names, in the default candidate order. */
  public static List<String> names() {
    return List.copyOf(BY_NAME.keySet());
  }

  /** Every available classifier in its default configuration. */
  public static List<BinaryClassifier> defaults() {
    List<BinaryClassifier> out = new ArrayList<>();
    for (Supplier<BinaryClassifier> s : BY_NAME.values()) out.add(s.get());
    return out;
  }

  /**
   * The default configuration of the classifier called {@code name}.
   *
   * @throws InvalidInputException naming the valid names when there is none by that name
   */
  public static BinaryClassifier named(String name) {
    Supplier<BinaryClassifier> s = BY_NAME.get(name);
    if (s == null) {
      throw InvalidInputException.in(null)
          .key("churn.candidates")
          .expected("a classifier name")
          .found(name)
          .hint(Checks.suggestion(name, BY_NAME.keySet()))
          .build();
    }
    return s.get();
  }
}
