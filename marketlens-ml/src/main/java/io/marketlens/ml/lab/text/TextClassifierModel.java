package io.marketlens.ml.lab.text;

import io.marketlens.core.progress.Progress;
import io.marketlens.core.validate.InvalidInputException;
import io.marketlens.ml.lab.Lab;
import io.marketlens.ml.lab.ModelStore;
import io.marketlens.ml.lab.TrainConfig;
import io.marketlens.ml.lab.Trainer;
import io.marketlens.ml.lab.TrainingResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code text} task's Transformer classifier trained on texts in memory, for callers that hold
 * their texts already (sentiment candidates) rather than a file ({@link TextTrainer}). It scores
 * <em>one text per forward pass</em>, so a text's probabilities never depend on the texts scored
 * with it and are bit-for-bit the same when the model is rebuilt from {@link #parts()} in another
 * process on the same machine. One thread at a time; holds native memory until {@link #close()}.
 */
public final class TextClassifierModel implements AutoCloseable {

  private final TextClassifier classifier;
  private final double dropout;
  private final TrainingResult training;

  private TextClassifierModel(TextClassifier classifier, double dropout, TrainingResult training) {
    this.classifier = classifier;
    this.dropout = dropout;
    this.training = training;
  }

  /**
   * What rebuilds a trained model: its settings (token mode resolved), dropout, class labels,
   * vocabulary ({@link TextVocabulary#toJson()}) and weights (DJL's parameter format).
   */
  public record Parts(
      Map<String, Object> settings,
      double dropout,
      List<String> labels,
      byte[] vocabulary,
      byte[] weights) {
    public Parts {
      settings = Map.copyOf(settings);
      labels = List.copyOf(labels);
      vocabulary = vocabulary.clone();
      weights = weights.clone();
    }

    @Override
    public byte[] vocabulary() {
      return vocabulary.clone();
    }

    @Override
    public byte[] weights() {
      return weights.clone();
    }
  }

  /**
   * Trains a classifier on {@code texts}.
   *
   * @param texts the training texts
   * @param classes the class index of each, in [0, labels.size())
   * @param labels the class labels in output order (at least two)
   * @param validationTexts texts for early stopping and the best-epoch choice ({@code
   *     config.patience()} and {@code config.restoreBest()}), or null
   * @param validationClasses their classes, or null
   * @param settings architecture and preprocessing; {@code auto} tokens are resolved on the
   *     training texts
   * @param config the training loop; {@code config.dropout()} is the model's dropout
   */
  public static TextClassifierModel train(
      List<String> texts,
      int[] classes,
      List<String> labels,
      List<String> validationTexts,
      int[] validationClasses,
      TextSettings settings,
      TrainConfig config,
      Progress progress) {
    Objects.requireNonNull(texts, "texts");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(config, "config");
    if (classes.length != texts.size()) {
      throw new IllegalArgumentException(
          classes.length + " classes for " + texts.size() + " texts");
    }
    if (labels.size() < 2) throw new IllegalArgumentException("at least two labels are needed");
    Progress p = progress == null ? Progress.NONE : progress;
    TextSettings s =
        settings.tokens().equals("auto")
            ? settings.withTokens(TextTokenizer.detect(texts))
            : settings;
    TextTokenizer tokenizer = s.tokenizer();
    List<List<String>> tokens = new ArrayList<>(texts.size());
    for (String t : texts) tokens.add(tokenizer.tokens(t));
    TextVocabulary vocabulary = TextVocabulary.build(tokens, s.minCount());
    int[][] ids = new int[texts.size()][];
    for (int i = 0; i < ids.length; i++) ids[i] = vocabulary.encode(tokens.get(i), s.maxLength());
    TextExamples train = new TextExamples(ids, classes.clone(), s.maxLength(), s.padToLongest());
    TextExamples validation = null;
    if (validationTexts != null && !validationTexts.isEmpty()) {
      int[][] v = new int[validationTexts.size()][];
      for (int i = 0; i < v.length; i++) {
        v[i] = vocabulary.encode(tokenizer.tokens(validationTexts.get(i)), s.maxLength());
      }
      validation = new TextExamples(v, validationClasses.clone(), s.maxLength(), s.padToLongest());
    }
    Lab.engine(config.threads());
    TextClassifier classifier =
        TextClassifier.create(
            s, vocabulary, labels, config.dropout(), Lab.device(config.device()), config.seed());
    try {
      TrainingResult result =
          Trainer.fit(
              classifier.manager,
              classifier.block,
              train,
              validation,
              TextTrainer.loss(s.labelSmoothing(), null),
              config,
              p);
      return new TextClassifierModel(classifier, config.dropout(), result);
    } catch (RuntimeException e) {
      classifier.close();
      throw e;
    }
  }

  /**
   * Rebuilds a model from its {@link Parts} on the CPU.
   *
   * @throws InvalidInputException when the parts do not fit together
   */
  public static TextClassifierModel fromParts(Parts parts) {
    TextSettings settings;
    try {
      Map<String, Object> all = new LinkedHashMap<>(ModelStore.toMap(TextSettings.defaults()));
      all.putAll(parts.settings());
      settings = ModelStore.convert(all, TextSettings.class);
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.in(null)
          .key("settings")
          .expected("the text classifier's settings")
          .found(String.valueOf(e.getMessage()).lines().findFirst().orElse(""))
          .build();
    }
    TextVocabulary vocabulary;
    try {
      vocabulary = TextVocabulary.fromJson(parts.vocabulary());
    } catch (IOException e) {
      throw InvalidInputException.in(null)
          .key("vocabulary")
          .expected("the text classifier's vocabulary as JSON")
          .found(e.getMessage())
          .build();
    }
    Lab.engine(-1);
    TextClassifier classifier =
        TextClassifier.fromWeights(
            settings, vocabulary, parts.labels(), parts.dropout(), parts.weights());
    return new TextClassifierModel(classifier, parts.dropout(), null);
  }

  /** Everything {@link #fromParts} needs. */
  public Parts parts() {
    return new Parts(
        ModelStore.toMap(classifier.settings),
        dropout,
        classifier.labels,
        classifier.vocabulary.toJson(),
        Trainer.saveParams(classifier.block));
  }

  /** The class labels in output order. */
  public List<String> labels() {
    return classifier.labels;
  }

  /** The settings, token mode resolved. */
  public TextSettings settings() {
    return classifier.settings;
  }

  /** The training history; null for a model rebuilt with {@link #fromParts}. */
  public TrainingResult training() {
    return training;
  }

  /** The vocabulary size, padding and unknown included. */
  public int vocabularySize() {
    return classifier.vocabulary.size();
  }

  /** The class probabilities of each text, one text per forward pass. */
  public float[][] probabilities(List<String> texts, Progress progress) {
    return classifier.probabilities(
        classifier.encode(texts), 1, progress == null ? Progress.NONE : progress);
  }

  @Override
  public void close() {
    classifier.close();
  }
}
