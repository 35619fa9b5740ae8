package io.marketlens.voc.sentiment;

import io.marketlens.ml.embed.Language;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TF-IDF n-gram features of one language's texts, as scikit-learn's {@code TfidfVectorizer} with
 * {@code sublinear_tf=True} computes them: English texts are lower-cased and cut into words
 * (letters and digits, with in-word apostrophes: {@code n't}, {@code 's}) and runs of punctuation,
 * and their 1- and 2-grams counted; Chinese texts are lower-cased, whitespace runs become one
 * space, and their character 1- to 3-grams counted. A term's weight in a text is {@code (1 + ln
 * count) × idf}, {@code idf = ln((1 + n) / (1 + df)) + 1} over the n training texts, and each
 * text's vector is scaled to unit length. Terms seen in fewer than {@code minDf} training texts are
 * dropped. Terms are numbered in code-point order, so the same texts give the same features.
 * Immutable and thread-safe.
 */
final class TfIdf {

  /** Words (with in-word apostrophes), an apostrophe-led clitic, or a run of punctuation. */
  private static final Pattern WORD =
      Pattern.compile("[\\p{L}\\p{N}]+(?:['’][\\p{L}\\p{N}]+)*|['’][\\p{L}]+|[^\\s\\p{L}\\p{N}]+");

  private static final Pattern SPACES = Pattern.compile("\\s+");

  private final Language language;
  private final int minDf;
  private final List<String> terms;
  private final double[] idf;
  private final Map<String, Integer> index;

  private TfIdf(Language language, int minDf, List<String> terms, double[] idf) {
    this.language = language;
    this.minDf = minDf;
    this.terms = List.copyOf(terms);
    this.idf = idf.clone();
    if (this.idf.length != this.terms.size()) {
      throw new IllegalArgumentException(terms.size() + " terms but " + idf.length + " idf values");
    }
    this.index = new HashMap<>(terms.size() * 2);
    for (int i = 0; i < terms.size(); i++) {
      if (index.put(terms.get(i), i) != null) {
        throw new IllegalArgumentException("term '" + terms.get(i) + "' appears twice");
      }
    }
  }

  /**
   * The minimum document frequency used for both languages: 2, so that no term of a single training
   * text (a name the redaction missed, a typo) is kept in a saved model.
   */
  static int defaultMinDf(Language language) {
    return 2;
  }

  /** Learns the vocabulary and idf weights of {@code texts}. */
  static TfIdf fit(Language language, List<String> texts, int minDf) {
    Objects.requireNonNull(language, "language");
    if (minDf < 1) throw new IllegalArgumentException("minDf must be >= 1, found " + minDf);
    Map<String, int[]> df = new HashMap<>();
    for (String t : texts) {
      for (String term : distinct(terms(language, t))) {
        df.computeIfAbsent(term, k -> new int[1])[0]++;
      }
    }
    List<String> kept = new ArrayList<>();
    for (Map.Entry<String, int[]> e : df.entrySet()) {
      if (e.getValue()[0] >= minDf) kept.add(e.getKey());
    }
    kept.sort(TfIdf::compareCodePoints);
    double n = texts.size();
    double[] idf = new double[kept.size()];
    for (int i = 0; i < idf.length; i++) {
      idf[i] = Math.log((1 + n) / (1 + df.get(kept.get(i))[0])) + 1;
    }
    return new TfIdf(language, minDf, kept, idf);
  }

  /** A vectorizer with the given vocabulary (in code-point order) and idf weights. */
  static TfIdf of(Language language, int minDf, List<String> terms, double[] idf) {
    return new TfIdf(language, minDf, terms, idf);
  }

  Language language() {
    return language;
  }

  int minDf() {
    return minDf;
  }

  /** The vocabulary, in feature order. */
  List<String> terms() {
    return terms;
  }

  /** The idf weight of each term. */
  double[] idf() {
    return idf.clone();
  }

  /** The number of features. */
  int size() {
    return terms.size();
  }

  /**
   * The features of {@code text}: increasing feature indices and their weights (unit length, or
   * none when no term of the text is in the vocabulary).
   */
  Row transform(String text) {
    Map<Integer, Integer> counts = new HashMap<>();
    for (String term : terms(language, text)) {
      Integer i = index.get(term);
      if (i != null) counts.merge(i, 1, Integer::sum);
    }
    int[] idx = counts.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
    double[] w = new double[idx.length];
    double norm = 0;
    for (int k = 0; k < idx.length; k++) {
      w[k] = (1 + Math.log(counts.get(idx[k]))) * idf[idx[k]];
      norm += w[k] * w[k];
    }
    norm = Math.sqrt(norm);
    float[] values = new float[idx.length];
    for (int k = 0; k < idx.length; k++) values[k] = (float) (w[k] / norm);
    return new Row(idx, values);
  }

  /**
   * One text's TF-IDF features.
   *
   * @param indices increasing feature indices
   * @param values their weights
   */
  record Row(int[] indices, float[] values) {}

  /** The terms of {@code text} in order, repeats included. */
  static List<String> terms(Language language, String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    List<String> out = new ArrayList<>();
    if (language == Language.ZH) {
      String s = SPACES.matcher(lower).replaceAll(" ");
      int[] cps = s.codePoints().toArray();
      for (int size = 1; size <= 3; size++) {
        for (int i = 0; i + size <= cps.length; i++) {
          out.add(new String(cps, i, size));
        }
      }
    } else {
      List<String> words = new ArrayList<>();
      Matcher m = WORD.matcher(lower);
      while (m.find()) words.add(m.group());
      out.addAll(words);
      for (int i = 0; i + 1 < words.size(); i++) out.add(words.get(i) + " " + words.get(i + 1));
    }
    return out;
  }

  private static List<String> distinct(List<String> terms) {
    return new ArrayList<>(new java.util.HashSet<>(terms));
  }

  private static int compareCodePoints(String a, String b) {
    int[] x = a.codePoints().toArray();
    int[] y = b.codePoints().toArray();
    return Arrays.compare(x, y);
  }
}
