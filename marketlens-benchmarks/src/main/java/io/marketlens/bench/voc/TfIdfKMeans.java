package io.marketlens.bench.voc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The classic theme baseline the themes benchmark is measured against: TF-IDF vectors of the
 * reviews' words clustered by k-means, as scikit-learn's {@code TfidfVectorizer(min_df=2)} followed
 * by {@code KMeans(init="k-means++", n_init=restarts)} computes it: raw term counts, smoothed idf
 * {@code ln((1 + n) / (1 + df)) + 1}, rows scaled to unit length, Euclidean k-means on the sparse
 * rows with dense centres, plain (not greedy) k-means++ seeding and Lloyd iterations until no
 * assignment changes. Deterministic for a seed; single-threaded.
 */
final class TfIdfKMeans {

  static final int MAX_ITERATIONS = 100;

  /** One sparse row: ascending term indices and their unit-length TF-IDF weights. */
  record Row(int[] terms, double[] weights) {}

  private TfIdfKMeans() {}

  /**
   * The unit-length TF-IDF rows of {@code docs} over the terms in at least {@code minDf} of them; a
   * document with no such term gets an empty row.
   */
  static List<Row> vectors(List<List<String>> docs, int minDf) {
    Map<String, Integer> df = new HashMap<>();
    for (List<String> d : docs) {
      for (String t : new java.util.HashSet<>(d)) df.merge(t, 1, Integer::sum);
    }
    String[] terms =
        df.entrySet().stream()
            .filter(e -> e.getValue() >= minDf)
            .map(Map.Entry::getKey)
            .sorted()
            .toArray(String[]::new);
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < terms.length; i++) index.put(terms[i], i);
    double n = docs.size();
    double[] idf = new double[terms.length];
    for (int i = 0; i < terms.length; i++) idf[i] = Math.log((1 + n) / (1 + df.get(terms[i]))) + 1;
    List<Row> rows = new ArrayList<>(docs.size());
    for (List<String> d : docs) {
      Map<Integer, Integer> counts = new HashMap<>();
      for (String t : d) {
        Integer i = index.get(t);
        if (i != null) counts.merge(i, 1, Integer::sum);
      }
      int[] ts = counts.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
      double[] ws = new double[ts.length];
      double norm = 0;
      for (int j = 0; j < ts.length; j++) {
        ws[j] = counts.get(ts[j]) * idf[ts[j]];
        norm += ws[j] * ws[j];
      }
      norm = Math.sqrt(norm);
      if (norm > 0) for (int j = 0; j < ws.length; j++) ws[j] /= norm;
      rows.add(new Row(ts, ws));
    }
    return rows;
  }

  /** The number of distinct terms the rows use (the vocabulary size). */
  static int dims(List<Row> rows) {
    int max = -1;
    for (Row r : rows)
      if (r.terms().length > 0) max = Math.max(max, r.terms()[r.terms().length - 1]);
    return max + 1;
  }

  /**
   * K-means labels of {@code rows}: the restart with the lowest inertia (the earliest on ties).
   *
   * @param k clusters, at most the number of rows
   * @param restarts k-means++ seedings
   * @param seed the seed; restart r uses a generator split from it in order
   */
  static int[] cluster(List<Row> rows, int k, int restarts, long seed) {
    int dims = dims(rows);
    SplittableRandom root = new SplittableRandom(seed);
    int[] best = null;
    double bestInertia = Double.POSITIVE_INFINITY;
    for (int r = 0; r < restarts; r++) {
      SplittableRandom rnd = root.split();
      double[][] centres = seed(rows, k, dims, rnd);
      int[] labels = new int[rows.size()];
      Arrays.fill(labels, -1);
      double inertia = 0;
      for (int it = 0; it < MAX_ITERATIONS; it++) {
        double[] norms = squaredNorms(centres);
        boolean changed = false;
        inertia = 0;
        for (int i = 0; i < rows.size(); i++) {
          Row row = rows.get(i);
          double self = selfDot(row);
          int arg = 0;
          double min = Double.POSITIVE_INFINITY;
          for (int c = 0; c < k; c++) {
            double d = self + norms[c] - 2 * dot(row, centres[c]);
            if (d < min) {
              min = d;
              arg = c;
            }
          }
          inertia += Math.max(0, min);
          if (labels[i] != arg) {
            labels[i] = arg;
            changed = true;
          }
        }
        if (!changed) break;
        centres = means(rows, labels, k, dims, centres);
      }
      if (inertia < bestInertia) {
        bestInertia = inertia;
        best = labels;
      }
    }
    return best;
  }

  /** k-means++: the first centre uniformly, each next with probability ∝ squared distance. */
  private static double[][] seed(List<Row> rows, int k, int dims, SplittableRandom rnd) {
    int n = rows.size();
    double[][] centres = new double[k][];
    centres[0] = dense(rows.get(rnd.nextInt(n)), dims);
    double[] d2 = new double[n];
    double norm0 = squaredNorm(centres[0]);
    for (int i = 0; i < n; i++) d2[i] = distance(rows.get(i), centres[0], norm0);
    for (int c = 1; c < k; c++) {
      double total = 0;
      for (double v : d2) total += v;
      int pick;
      if (total <= 0) {
        pick = rnd.nextInt(n);
      } else {
        double u = rnd.nextDouble() * total;
        pick = n - 1;
        for (int i = 0; i < n; i++) {
          u -= d2[i];
          if (u < 0) {
            pick = i;
            break;
          }
        }
      }
      centres[c] = dense(rows.get(pick), dims);
      double norm = squaredNorm(centres[c]);
      for (int i = 0; i < n; i++) {
        d2[i] = Math.min(d2[i], distance(rows.get(i), centres[c], norm));
      }
    }
    return centres;
  }

  private static double[][] means(
      List<Row> rows, int[] labels, int k, int dims, double[][] previous) {
    double[][] sums = new double[k][dims];
    int[] counts = new int[k];
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      double[] s = sums[labels[i]];
      counts[labels[i]]++;
      for (int j = 0; j < r.terms().length; j++) s[r.terms()[j]] += r.weights()[j];
    }
    for (int c = 0; c < k; c++) {
      if (counts[c] == 0) {
        sums[c] = previous[c]; // an emptied cluster keeps its centre
        continue;
      }
      for (int d = 0; d < dims; d++) sums[c][d] /= counts[c];
    }
    return sums;
  }

  private static double distance(Row row, double[] centre, double centreSquaredNorm) {
    return Math.max(0, selfDot(row) + centreSquaredNorm - 2 * dot(row, centre));
  }

  private static double[] squaredNorms(double[][] centres) {
    double[] out = new double[centres.length];
    for (int c = 0; c < centres.length; c++) out[c] = squaredNorm(centres[c]);
    return out;
  }

  private static double squaredNorm(double[] v) {
    double s = 0;
    for (double x : v) s += x * x;
    return s;
  }

  private static double selfDot(Row r) {
    double s = 0;
    for (double w : r.weights()) s += w * w;
    return s;
  }

  private static double dot(Row r, double[] centre) {
    double s = 0;
    for (int j = 0; j < r.terms().length; j++) s += r.weights()[j] * centre[r.terms()[j]];
    return s;
  }

  private static double[] dense(Row r, int dims) {
    double[] out = new double[dims];
    for (int j = 0; j < r.terms().length; j++) out[r.terms()[j]] = r.weights()[j];
    return out;
  }
}
