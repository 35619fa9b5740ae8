package io.marketlens.ml.cluster;

import io.marketlens.core.validate.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * HDBSCAN: hierarchical density-based clustering with noise (Campello, Moulavi and Sander 2013,
 * "Density-based clustering based on hierarchical density estimates", PAKDD), in the form of the
 * {@code hdbscan} Python library (McInnes, Healy and Astels 2017), Euclidean distance.
 *
 * <ol>
 *   <li>Core distance of a point: the distance to its {@code minSamples}-th nearest other point.
 *   <li>Mutual-reachability distance of two points: the largest of their distance and their two
 *       core distances.
 *   <li>A minimum spanning tree of the complete mutual-reachability graph, by Prim's algorithm on
 *       the dense graph: O(n²) time, O(n) memory, no distance matrix.
 *   <li>The single-linkage hierarchy of that tree (edges merged in increasing weight).
 *   <li>The condensed tree: walking the hierarchy from the top with λ = 1 / distance, a split where
 *       both sides have at least {@code minClusterSize} points gives two new clusters; a side
 *       smaller than that is points leaving the cluster at that λ.
 *   <li>Flat clusters by excess of mass (the non-overlapping clusters of largest total stability,
 *       the root excluded) or the leaves; every point that left the tree above the selected
 *       clusters is noise.
 * </ol>
 *
 * <p>Ties are broken by point index (Prim's next vertex, equal edge weights by the order Prim found
 * them), so the result is deterministic; the parallel passes compute per-point values or block
 * minima reduced in block order, so it does not depend on the thread count. Zero distances
 * (duplicate points) would give λ = ∞; they are given λ = 2 / (smallest positive tree edge)
 * instead, above every other λ, which keeps stabilities finite.
 *
 * <p>Above {@link HdbscanOptions#maxPoints()} points the tree is fitted on a sample drawn with the
 * seed, with minClusterSize and minSamples scaled by the sampling fraction (a cluster of the sample
 * then stands for about minClusterSize points of all), and every other point takes the label of its
 * nearest sampled point (noise if that point is noise); the model says so.
 *
 * <p>Thread-safe: calls share no state; each call owns its worker threads.
 */
public final class Hdbscan {

  /** Rows per block of the parallel passes. */
  static final int BLOCK_ROWS = 256;

  /** Prim steps with fewer vertices left than this run on the calling thread alone. */
  private static final int PARALLEL_PRIM_MIN = 8_192;

  private Hdbscan() {}

  /**
   * Clusters {@code points}.
   *
   * @throws IllegalArgumentException when there are no points or a coordinate is not finite
   */
  public static HdbscanModel fit(Points points, HdbscanOptions options) {
    Objects.requireNonNull(points, "points");
    Objects.requireNonNull(options, "options");
    points.requireFinite();
    int n = points.size();
    Checks.requireArgument(n >= 1, "expected at least one point, found none");
    if (n <= options.maxPoints()) {
      Fit f = fitAll(points, options.minClusterSize(), options.minSamples(), options);
      return new HdbscanModel(
          f.labels, f.k, f.tree, n, false, options.minClusterSize(), options.minSamples());
    }
    int[] sample = ClusterQuality.sample(n, options.maxPoints(), options.seed());
    int m = sample.length;
    int d = points.dims();
    double[] sub = new double[m * d];
    for (int i = 0; i < m; i++) {
      System.arraycopy(points.values(), sample[i] * d, sub, i * d, d);
    }
    int minClusterSize = (int) Math.max(2, Math.round((double) options.minClusterSize() * m / n));
    int minSamples = (int) Math.max(1, Math.round((double) options.minSamples() * m / n));
    Fit f = fitAll(new Points(sub, d), minClusterSize, minSamples, options);
    int[] labels = NearestSample.labels(points, sample, f.labels, options.threads());
    return new HdbscanModel(labels, f.k, f.tree, m, true, minClusterSize, minSamples);
  }

  /** The labels, cluster count and condensed tree of one exact fit. */
  record Fit(int[] labels, int k, List<CondensedCluster> tree) {}

  private static Fit fitAll(Points points, int minClusterSize, int minSamples, HdbscanOptions o) {
    int n = points.size();
    int d = points.dims();
    double[] cols = new double[n * d];
    double[] x = points.values();
    for (int i = 0; i < n; i++) for (int t = 0; t < d; t++) cols[t * n + i] = x[i * d + t];
    if (n == 1) {
      return new Fit(
          new int[] {HdbscanModel.NOISE}, 0, List.of(new CondensedCluster(0, -1, 0, 1, 0, false)));
    }
    int k = Math.min(minSamples, n - 1);
    double[] core2 = coreDistances2(cols, n, d, k, o.threads());
    Mst mst = prim(cols, n, d, core2, o.threads(), PARALLEL_PRIM_MIN);
    Dendrogram tree = Dendrogram.of(mst, n);
    return condense(tree, n, minClusterSize, o.selection());
  }

  /** Squared core distances: each point's squared distance to its k-th nearest other point. */
  static double[] coreDistances2(double[] cols, int n, int d, int k, int threads) {
    double[] core2 = new double[n];
    try (BlockRunner runner = new BlockRunner(n, BLOCK_ROWS, threads)) {
      double[][] buffers = new double[runner.threads()][n];
      runner.run(
          (b, w) -> {
            double[] buf = buffers[w];
            for (int i = runner.start(b), e = runner.end(b); i < e; i++) {
              Arrays.fill(buf, 0);
              for (int t = 0; t < d; t++) {
                int off = t * n;
                double xi = cols[off + i];
                for (int j = 0; j < n; j++) {
                  double diff = cols[off + j] - xi;
                  buf[j] += diff * diff;
                }
              }
              buf[i] = Double.POSITIVE_INFINITY;
              core2[i] = select(buf, n, k - 1);
            }
          });
    }
    return core2;
  }

  /**
   * The {@code kth} smallest (0-based) of {@code a[0..len)}, reordering {@code a}: quickselect with
   * a three-way partition (many equal distances are common), falling back to a sort if the pivots
   * keep being poor.
   */
  static double select(double[] a, int len, int kth) {
    int lo = 0;
    int hi = len - 1;
    int budget = 2 * (32 - Integer.numberOfLeadingZeros(len)) + 8;
    while (hi > lo) {
      if (budget-- == 0) {
        Arrays.sort(a, lo, hi + 1);
        return a[kth];
      }
      double p = median(a[lo], a[lo + (hi - lo) / 2], a[hi]);
      int lt = lo;
      int i = lo;
      int gt = hi;
      while (i <= gt) {
        double v = a[i];
        if (v < p) {
          a[i++] = a[lt];
          a[lt++] = v;
        } else if (v > p) {
          a[i] = a[gt];
          a[gt--] = v;
        } else {
          i++;
        }
      }
      if (kth < lt) hi = lt - 1;
      else if (kth > gt) lo = gt + 1;
      else return p;
    }
    return a[lo];
  }

  private static double median(double a, double b, double c) {
    return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
  }

  /**
   * A minimum spanning tree of the mutual-reachability graph, in the order Prim's algorithm adds
   * its edges: {@code to[e]} joined the tree through {@code from[e]} at squared weight {@code
   * weight2[e]}.
   */
  record Mst(int[] from, int[] to, double[] weight2) {}

  /**
   * Prim's algorithm from point 0 on the complete graph. Each step relaxes every vertex not yet in
   * the tree against the one just added and takes the closest (lowest index on ties). The vertices
   * left are kept packed (coordinates, core distance, best weight, position by position; the one
   * taken is replaced by the last), so the relaxation streams through memory; with at least {@code
   * parallelMin} vertices left it runs over fixed blocks of them on {@code threads} threads.
   */
  static Mst prim(double[] cols, int n, int d, double[] core2, int threads, int parallelMin) {
    int[] from = new int[n - 1];
    int[] to = new int[n - 1];
    double[] weight2 = new double[n - 1];
    int rows = n - 1;
    // Position p holds vertex id[p]: coordinates xs[t * rows + p], core pc[p], best weight pb[p]
    // reached through pv[p].
    double[] xs = new double[d * rows];
    double[] pc = new double[rows];
    double[] pb = new double[rows];
    int[] pv = new int[rows];
    int[] id = new int[rows];
    for (int p = 0; p < rows; p++) {
      id[p] = p + 1;
      pc[p] = core2[p + 1];
      for (int t = 0; t < d; t++) xs[t * rows + p] = cols[t * n + p + 1];
    }
    Arrays.fill(pb, Double.POSITIVE_INFINITY);
    double[] cur = new double[d];
    int[] state = {rows, 0}; // vertices left, the vertex just added
    try (BlockRunner runner = new BlockRunner(rows, BLOCK_ROWS, threads)) {
      int blocks = runner.blocks();
      double[] blockBest = new double[blocks];
      int[] blockPos = new int[blocks];
      BlockRunner.Task relax =
          (b, w) -> {
            int c = state[1];
            double cc = core2[c];
            double low = Double.POSITIVE_INFINITY;
            int lowPos = -1;
            for (int p = runner.start(b), e = Math.min(runner.end(b), state[0]); p < e; p++) {
              double s = 0;
              for (int t = 0; t < d; t++) {
                double diff = xs[t * rows + p] - cur[t];
                s += diff * diff;
              }
              double r = Math.max(Math.max(s, cc), pc[p]);
              if (r < pb[p]) {
                pb[p] = r;
                pv[p] = c;
              }
              double bv = pb[p];
              if (lowPos < 0 || bv < low || (bv == low && id[p] < id[lowPos])) {
                low = bv;
                lowPos = p;
              }
            }
            blockBest[b] = low;
            blockPos[b] = lowPos;
          };
      for (int step = 0; step < rows; step++) {
        int left = state[0];
        for (int t = 0; t < d; t++) cur[t] = cols[t * n + state[1]];
        int used = (left + BLOCK_ROWS - 1) / BLOCK_ROWS;
        if (left >= parallelMin && runner.threads() > 1) runner.run(relax);
        else for (int b = 0; b < used; b++) relax.run(b, 0);
        int pos = -1;
        double low = Double.POSITIVE_INFINITY;
        for (int b = 0; b < used; b++) {
          int q = blockPos[b];
          if (q < 0) continue;
          if (pos < 0 || blockBest[b] < low || (blockBest[b] == low && id[q] < id[pos])) {
            low = blockBest[b];
            pos = q;
          }
        }
        from[step] = pv[pos];
        to[step] = id[pos];
        weight2[step] = pb[pos];
        state[1] = id[pos];
        int last = left - 1;
        id[pos] = id[last];
        pc[pos] = pc[last];
        pb[pos] = pb[last];
        pv[pos] = pv[last];
        for (int t = 0; t < d; t++) xs[t * rows + pos] = xs[t * rows + last];
        state[0] = last;
      }
    }
    return new Mst(from, to, weight2);
  }

  /**
   * The single-linkage hierarchy of a spanning tree: merge {@code i} joins nodes {@code left[i]}
   * and {@code right[i]} (points are nodes 0..n-1, merge i is node n+i) at squared distance {@code
   * dist2[i]} into {@code size[i]} points.
   */
  record Dendrogram(int[] left, int[] right, double[] dist2, int[] size) {

    static Dendrogram of(Mst mst, int n) {
      int edges = n - 1;
      Integer[] order = new Integer[edges];
      for (int e = 0; e < edges; e++) order[e] = e;
      double[] w = mst.weight2();
      Arrays.sort(order, Comparator.<Integer>comparingDouble(e -> w[e]).thenComparingInt(e -> e));
      int[] parent = new int[n];
      int[] setSize = new int[n];
      int[] node = new int[n];
      for (int i = 0; i < n; i++) {
        parent[i] = i;
        setSize[i] = 1;
        node[i] = i;
      }
      int[] left = new int[edges];
      int[] right = new int[edges];
      double[] dist2 = new double[edges];
      int[] size = new int[edges];
      for (int i = 0; i < edges; i++) {
        int e = order[i];
        int a = find(parent, mst.from()[e]);
        int b = find(parent, mst.to()[e]);
        left[i] = node[a];
        right[i] = node[b];
        dist2[i] = w[e];
        size[i] = setSize[a] + setSize[b];
        if (setSize[a] < setSize[b]) {
          int t = a;
          a = b;
          b = t;
        }
        parent[b] = a;
        setSize[a] += setSize[b];
        node[a] = n + i;
      }
      return new Dendrogram(left, right, dist2, size);
    }

    private static int find(int[] parent, int i) {
      int r = i;
      while (parent[r] != r) r = parent[r];
      while (parent[i] != r) {
        int next = parent[i];
        parent[i] = r;
        i = next;
      }
      return r;
    }
  }

  /** Builds the condensed tree, its stabilities, the selection and the point labels. */
  static Fit condense(Dendrogram tree, int n, int minClusterSize, ClusterSelection selection) {
    int merges = n - 1;
    double minPositive = Double.POSITIVE_INFINITY;
    for (double v : tree.dist2()) if (v > 0) minPositive = Math.min(minPositive, v);
    // λ for a zero distance: above every other λ, finite (1 when every distance is 0).
    double maxLambda = minPositive < Double.POSITIVE_INFINITY ? 2 / Math.sqrt(minPositive) : 1;
    double[] lambda = new double[merges];
    for (int i = 0; i < merges; i++) {
      double dd = tree.dist2()[i];
      lambda[i] = dd > 0 ? 1 / Math.sqrt(dd) : maxLambda;
    }
    IntList cParent = new IntList();
    DoubleList cBirth = new DoubleList();
    IntList cSize = new IntList();
    cParent.add(-1);
    cBirth.add(0);
    cSize.add(n);
    int[] leftAt = new int[n];
    double[] leftLambda = new double[n];
    // Work list of (dendrogram node, cluster) pairs to walk down.
    IntList work = new IntList();
    work.add(n + merges - 1);
    work.add(0);
    IntList scratch = new IntList();
    while (work.size() > 0) {
      int c = work.pop();
      int node = work.pop();
      while (true) {
        int i = node - n;
        double l = lambda[i];
        int a = tree.left()[i];
        int b = tree.right()[i];
        int sa = a < n ? 1 : tree.size()[a - n];
        int sb = b < n ? 1 : tree.size()[b - n];
        boolean bigA = sa >= minClusterSize;
        boolean bigB = sb >= minClusterSize;
        if (bigA && bigB) {
          int ca = cParent.size();
          cParent.add(c);
          cBirth.add(l);
          cSize.add(sa);
          int cb = cParent.size();
          cParent.add(c);
          cBirth.add(l);
          cSize.add(sb);
          work.add(b);
          work.add(cb);
          work.add(a);
          work.add(ca);
          break;
        }
        if (!bigA) leave(tree, n, a, c, l, leftAt, leftLambda, scratch);
        if (!bigB) leave(tree, n, b, c, l, leftAt, leftLambda, scratch);
        if (bigA) node = a;
        else if (bigB) node = b;
        else break;
      }
    }
    int clusters = cParent.size();
    double[] stability = new double[clusters];
    for (int p = 0; p < n; p++) {
      int c = leftAt[p];
      stability[c] += leftLambda[p] - cBirth.get(c);
    }
    int[] children = new int[clusters];
    for (int c = 1; c < clusters; c++) {
      int parent = cParent.get(c);
      stability[parent] += (cBirth.get(c) - cBirth.get(parent)) * cSize.get(c);
      children[parent]++;
    }
    boolean[] chosen = new boolean[clusters];
    if (selection == ClusterSelection.LEAF) {
      for (int c = 1; c < clusters; c++) chosen[c] = children[c] == 0;
    } else {
      double[] score = new double[clusters];
      double[] childSum = new double[clusters];
      // Children are numbered after their parents: walk up from the last.
      for (int c = clusters - 1; c >= 1; c--) {
        if (children[c] == 0 || !(childSum[c] > stability[c])) {
          chosen[c] = true;
          score[c] = stability[c];
        } else {
          score[c] = childSum[c];
        }
        childSum[cParent.get(c)] += score[c];
      }
      boolean[] covered = new boolean[clusters];
      for (int c = 1; c < clusters; c++) {
        int parent = cParent.get(c);
        covered[c] = parent != 0 && (covered[parent] || chosen[parent]);
        if (covered[c]) chosen[c] = false;
      }
    }
    int[] labelOf = new int[clusters];
    int k = 0;
    labelOf[0] = HdbscanModel.NOISE;
    for (int c = 1; c < clusters; c++) {
      labelOf[c] = chosen[c] ? k++ : labelOf[cParent.get(c)];
    }
    int[] labels = new int[n];
    for (int p = 0; p < n; p++) labels[p] = labelOf[leftAt[p]];
    List<CondensedCluster> out = new ArrayList<>(clusters);
    for (int c = 0; c < clusters; c++) {
      out.add(
          new CondensedCluster(
              c, cParent.get(c), cBirth.get(c), cSize.get(c), stability[c], chosen[c]));
    }
    return new Fit(labels, k, out);
  }

  /** Every point under {@code node} leaves cluster {@code c} at {@code l}. */
  private static void leave(
      Dendrogram tree,
      int n,
      int node,
      int c,
      double l,
      int[] leftAt,
      double[] leftLambda,
      IntList stack) {
    stack.clear();
    stack.add(node);
    while (stack.size() > 0) {
      int v = stack.pop();
      if (v < n) {
        leftAt[v] = c;
        leftLambda[v] = l;
      } else {
        stack.add(tree.left()[v - n]);
        stack.add(tree.right()[v - n]);
      }
    }
  }

  /** A growable int array used as a list and a stack. */
  private static final class IntList {
    private int[] a = new int[16];
    private int size;

    void add(int v) {
      if (size == a.length) a = Arrays.copyOf(a, 2 * size);
      a[size++] = v;
    }

    int pop() {
      return a[--size];
    }

    int get(int i) {
      return a[i];
    }

    int size() {
      return size;
    }

    void clear() {
      size = 0;
    }
  }

  /** A growable double array. */
  private static final class DoubleList {
    private double[] a = new double[16];
    private int size;

    void add(double v) {
      if (size == a.length) a = Arrays.copyOf(a, 2 * size);
      a[size++] = v;
    }

    double get(int i) {
      return a[i];
    }
  }
}
