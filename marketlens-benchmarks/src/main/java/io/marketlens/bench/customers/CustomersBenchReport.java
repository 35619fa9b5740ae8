package io.marketlens.bench.customers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marketlens.ml.cluster.KScore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every figure {@link CustomersBenchmark} printed.
 *
 * @param rows invoice lines read
 * @param cleanRows lines kept by the cleaning rules
 * @param customers customers with RFM features
 * @param threads our worker threads (and the peer's)
 * @param seed the seed
 * @param loadSeconds reading the CSV into a typed table (not part of the comparison's ratios)
 * @param rfmFirstSeconds the first (cold) run of cleaning + RFM + log1p + standardise
 * @param rfmSeconds the median of the timed runs after it
 * @param chosenK the k with the best silhouette in 2..8
 * @param silhouette its mean silhouette (exact, on all customers)
 * @param calinskiHarabaszK the k the Calinski-Harabasz index prefers
 * @param perK the per-k table
 * @param autoKSeconds the 7 k-means fits (10 restarts each) and silhouettes
 * @param scaleRows rows of the scale case
 * @param scalePoints where the scale points came from
 * @param kmeansFirstSeconds the first k-means (k=8, one k-means++ restart) on the scale points
 * @param kmeansSeconds the median of the timed runs after it
 * @param kmeansIterations Lloyd iterations of that run
 * @param kmeansInertia its inertia
 * @param analysis the untimed analysis (segments with personas, CLV holdout), or null
 * @param peer the peer's figures, or null when it did not run
 * @param peerNote why the peer did not run, or null
 */
public record CustomersBenchReport(
    int rows,
    int cleanRows,
    int customers,
    int threads,
    long seed,
    double loadSeconds,
    double rfmFirstSeconds,
    double rfmSeconds,
    int chosenK,
    double silhouette,
    int calinskiHarabaszK,
    List<KScore> perK,
    double autoKSeconds,
    int scaleRows,
    String scalePoints,
    double kmeansFirstSeconds,
    double kmeansSeconds,
    int kmeansIterations,
    double kmeansInertia,
    Analysis analysis,
    Peer peer,
    String peerNote) {

  public CustomersBenchReport {
    perK = List.copyOf(perK);
  }

  /**
   * The untimed analysis of the full Online Retail features.
   *
   * @param segments one line per segment: id, size, label and sentence
   * @param k the number of segments chosen
   * @param silhouette their silhouette
   * @param holdout the CLV holdout figures: calibrationEnd, holdoutDays, customers,
   *     predictedPurchases, actualPurchases, correlation, mae, baselineCorrelation, baselineMae,
   *     spendCorrelation, spendMae
   * @param model the fitted parameters (BG/NBD r, alpha, a, b; Gamma-Gamma p, q, gamma)
   * @param meanClv the mean 12-month lifetime value per customer
   */
  public record Analysis(
      List<String> segments,
      int k,
      double silhouette,
      Map<String, Object> holdout,
      Map<String, Double> model,
      double meanClv) {

    public Analysis {
      segments = List.copyOf(segments);
      holdout = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(holdout));
      model = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(model));
    }
  }

  /**
   * The peer's figures from its JSON line.
   *
   * @param loadSeconds {@code pandas.read_csv}
   * @param featuresSeconds cleaning + RFM + log1p + standardise
   * @param clusterSeconds the 7 k-means fits and silhouettes
   * @param kmeansSeconds {@code KMeans(8, n_init=1)} on the scale points
   * @param kmeansIterations its iterations
   * @param chosenK its chosen k
   * @param silhouette its silhouette at that k
   * @param customers its customers
   * @param cleanRows its clean lines
   * @param sklearn the scikit-learn version
   */
  public record Peer(
      double loadSeconds,
      double featuresSeconds,
      double clusterSeconds,
      double kmeansSeconds,
      int kmeansIterations,
      int chosenK,
      double silhouette,
      int customers,
      int cleanRows,
      String sklearn) {}

  /** Our RFM time over the peer's (below 1 is faster); NaN without the peer. */
  public double rfmRatio() {
    return peer == null ? Double.NaN : rfmSeconds / peer.featuresSeconds();
  }

  /** Our k-means time on the scale points over the peer's; NaN without the peer. */
  public double kmeansRatio() {
    return peer == null ? Double.NaN : kmeansSeconds / peer.kmeansSeconds();
  }

  /** Our choice of k (fits + silhouettes) over the peer's; NaN without the peer. */
  public double autoKRatio() {
    return peer == null ? Double.NaN : autoKSeconds / peer.clusterSeconds();
  }

  /** One JSON object with every figure (the benchmark's last output line). */
  public String toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("benchmark", "customers");
    m.put("dataset", "online_retail");
    m.put("seed", seed);
    m.put("threads", threads);
    m.put("n_rows", rows);
    m.put("n_clean_rows", cleanRows);
    m.put("n_customers", customers);
    m.put("load_s", round(loadSeconds, 3));
    m.put("features_first_s", round(rfmFirstSeconds, 4));
    m.put("features_s", round(rfmSeconds, 4));
    m.put("chosen_k", chosenK);
    m.put("silhouette", round(silhouette, 6));
    m.put("calinski_harabasz_k", calinskiHarabaszK);
    Map<String, Object> ks = new LinkedHashMap<>();
    for (KScore s : perK) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("silhouette", round(s.silhouette(), 6));
      row.put("calinski_harabasz", round(s.calinskiHarabasz(), 3));
      row.put("inertia", round(s.inertia(), 3));
      row.put("iterations", s.iterations());
      row.put("sizes", s.sizes());
      ks.put(String.valueOf(s.k()), row);
    }
    m.put("per_k", ks);
    m.put("cluster_s_k2_8", round(autoKSeconds, 3));
    m.put("scale_rows", scaleRows);
    m.put("scale_points", scalePoints);
    m.put("scale_kmeans8_first_s", round(kmeansFirstSeconds, 3));
    m.put("scale_kmeans8_s", round(kmeansSeconds, 3));
    m.put("scale_kmeans8_iters", kmeansIterations);
    m.put("scale_kmeans8_inertia", round(kmeansInertia, 2));
    if (analysis != null) {
      Map<String, Object> a = new LinkedHashMap<>();
      a.put("k", analysis.k());
      a.put("silhouette", round(analysis.silhouette(), 6));
      a.put("segments", analysis.segments());
      a.put("clv_holdout", analysis.holdout());
      a.put("clv_model", analysis.model());
      a.put("mean_clv_12m", round(analysis.meanClv(), 2));
      m.put("analysis", a);
    }
    if (peer != null) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("load_s", peer.loadSeconds());
      p.put("features_s", peer.featuresSeconds());
      p.put("cluster_s_k2_8", peer.clusterSeconds());
      p.put("scale_kmeans8_s", peer.kmeansSeconds());
      p.put("scale_kmeans8_iters", peer.kmeansIterations());
      p.put("chosen_k", peer.chosenK());
      p.put("silhouette", peer.silhouette());
      p.put("n_customers", peer.customers());
      p.put("n_clean_rows", peer.cleanRows());
      p.put("sklearn", peer.sklearn());
      m.put("peer", p);
      m.put("features_ratio", round(rfmRatio(), 3));
      m.put("cluster_ratio", round(autoKRatio(), 3));
      m.put("scale_kmeans8_ratio", round(kmeansRatio(), 3));
    } else {
      m.put("peer_note", peerNote);
    }
    try {
      return new ObjectMapper().writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static double round(double v, int digits) {
    if (!Double.isFinite(v)) return v;
    double f = Math.pow(10, digits);
    return Math.round(v * f) / f;
  }
}
