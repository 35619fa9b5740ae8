package io.marketlens.voc.theme;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Class-based TF-IDF (Grootendorst 2022, BERTopic): all documents of a class joined into one;
 * {@code score(t, c) = tf(t, c) * log(1 + A / f(t))} where tf is the term's count in the class over
 * the class's token count, A the mean token count per class and f(t) the term's count over all
 * classes.
 */
final class ClassTfIdf {

  /** A keyword and its score. */
  record Keyword(String term, double score) {}

  private ClassTfIdf() {}

  /**
   * The top {@code top} keywords of each class.
   *
   * @param docs the tokens of each document
   * @param classOf the class of each document, or -1 to leave it out
   * @param classes the number of classes
   * @param minDocs the fewest documents a term must occur in to be kept
   */
  static List<List<Keyword>> keywords(
      List<List<String>> docs, int[] classOf, int classes, int top, int minDocs) {
    List<Map<String, Integer>> counts = new ArrayList<>();
    for (int c = 0; c < classes; c++) counts.add(new TreeMap<>());
    Map<String, Integer> docFreq = new HashMap<>();
    for (List<String> d : docs) {
      for (String t : new java.util.HashSet<>(d)) docFreq.merge(t, 1, Integer::sum);
    }
    for (int i = 0; i < docs.size(); i++) {
      if (classOf[i] < 0) continue;
      for (String t : docs.get(i)) counts.get(classOf[i]).merge(t, 1, Integer::sum);
    }
    Map<String, Integer> total = new HashMap<>();
    long tokens = 0;
    long[] classTokens = new long[classes];
    for (int c = 0; c < classes; c++) {
      for (Map.Entry<String, Integer> e : counts.get(c).entrySet()) {
        total.merge(e.getKey(), e.getValue(), Integer::sum);
        classTokens[c] += e.getValue();
      }
      tokens += classTokens[c];
    }
    double a = classes == 0 ? 0 : (double) tokens / classes;
    List<List<Keyword>> out = new ArrayList<>();
    for (int c = 0; c < classes; c++) {
      List<Keyword> ks = new ArrayList<>();
      for (Map.Entry<String, Integer> e : counts.get(c).entrySet()) {
        if (docFreq.getOrDefault(e.getKey(), 0) < minDocs) continue;
        double tf = (double) e.getValue() / classTokens[c];
        double idf = Math.log(1 + a / total.get(e.getKey()));
        ks.add(new Keyword(e.getKey(), tf * idf));
      }
      ks.sort(Comparator.comparingDouble(Keyword::score).reversed().thenComparing(Keyword::term));
      out.add(List.copyOf(ks.subList(0, Math.min(top, ks.size()))));
    }
    return out;
  }
}
