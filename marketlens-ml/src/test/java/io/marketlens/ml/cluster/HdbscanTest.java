package io.marketlens.ml.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HdbscanTest {

  /**
   * A case checked by hand (minClusterSize 3, minSamples 1, so every core distance is 1 but for the
   * far point, whose is 27): runs {0..3} and {4.5..7.5} 1.5 apart, a run {20..23} 12.5 away, and a
   * lone point at 50.
   */
  private static final double[] LINE = {0, 1, 2, 3, 4.5, 5.5, 6.5, 7.5, 20, 21, 22, 23, 50};

  private static Points line() {
    double[][] rows = new double[LINE.length][];
    for (int i = 0; i < rows.length; i++) rows[i] = new double[] {LINE[i]};
    return Points.of(rows);
  }

  private static HdbscanOptions tiny() {
    return HdbscanOptions.of(3).withMinSamples(1).withThreads(1);
  }

  @Test
  void fit_handCheckedLine_condensedTreeAndExcessOfMassSelection() {
    HdbscanModel m = Hdbscan.fit(line(), tiny());
    // The lone point leaves the root at λ = 1/27; the root splits at distance 12.5 (λ = 0.08) into
    // {0..7.5} and {20..23}; the first splits at 1.5 (λ = 2/3) into its two runs, which dissolve
    // at λ = 1. Stabilities: runs 4 × (1 − 2/3) each, {20..23} 4 × (1 − 0.08), {0..7.5}
    // 8 × (2/3 − 0.08) = 4.693 > 4/3 + 4/3, so excess of mass keeps {0..7.5} whole.
    List<CondensedCluster> t = m.tree();
    assertThat(t).hasSize(5);
    assertThat(t).extracting(CondensedCluster::parent).containsExactly(-1, 0, 0, 1, 1);
    assertThat(t).extracting(CondensedCluster::size).containsExactly(13, 8, 4, 4, 4);
    assertThat(t.get(1).birthLambda()).isCloseTo(0.08, within(1e-12));
    assertThat(t.get(3).birthLambda()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(t.get(0).stability()).isCloseTo(1.0 / 27 + 12 * 0.08, within(1e-12));
    assertThat(t.get(1).stability()).isCloseTo(8 * (2.0 / 3 - 0.08), within(1e-12));
    assertThat(t.get(2).stability()).isCloseTo(4 * (1 - 0.08), within(1e-12));
    assertThat(t.get(3).stability()).isCloseTo(4.0 / 3, within(1e-12));
    assertThat(t.get(4).stability()).isCloseTo(4.0 / 3, within(1e-12));
    assertThat(t)
        .extracting(CondensedCluster::selected)
        .containsExactly(false, true, true, false, false);
    assertThat(m.k()).isEqualTo(2);
    assertThat(m.labels()).containsExactly(0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, -1);
    assertThat(m.noise()).isEqualTo(1);
    assertThat(m.sampled()).isFalse();
  }

  @Test
  void fit_handCheckedLine_leafSelectionTakesTheFinestClusters() {
    HdbscanModel m = Hdbscan.fit(line(), tiny().withSelection(ClusterSelection.LEAF));
    assertThat(m.tree())
        .extracting(CondensedCluster::selected)
        .containsExactly(false, false, true, true, true);
    assertThat(m.k()).isEqualTo(3);
    assertThat(m.labels()).containsExactly(1, 1, 1, 1, 2, 2, 2, 2, 0, 0, 0, 0, -1);
  }

  @Test
  void fit_defaultMinSamples_callsTheSparseEndsNoise() {
    // minSamples 3: core distances grow at the ends of each run, and the runs 1.5 apart merge.
    HdbscanModel m = Hdbscan.fit(line(), HdbscanOptions.of(3).withThreads(1));
    int[] labels = m.labels();
    assertThat(labels[12]).isEqualTo(HdbscanModel.NOISE);
    assertThat(labels[1]).isNotEqualTo(labels[9]);
    assertThat(m.k()).isEqualTo(2);
  }

  /**
   * Three blobs of 100 points (interleaved: point i is in blob i % 3) and 20 points scattered at
   * least 12 from every blob centre, sparser than the blobs are apart, so they leave the tree
   * before the blobs split.
   */
  private static Points blobsAndNoise() {
    double[][] centres = {{0, 0}, {6, 0}, {0, 6}};
    Points blobs = TestData.blobs(centres, 100, 0.5, 1);
    Random r = new Random(5);
    double[] v = Arrays.copyOf(blobs.values(), blobs.values().length + 40);
    int o = blobs.values().length;
    while (o < v.length) {
      double x = -30 + 66 * r.nextDouble();
      double y = -30 + 66 * r.nextDouble();
      boolean near = false;
      for (double[] c : centres) near |= Math.hypot(x - c[0], y - c[1]) < 12;
      if (near) continue;
      v[o++] = x;
      v[o++] = y;
    }
    return new Points(v, 2);
  }

  @Test
  void fit_threeBlobsAndScatter_recoversTheBlobsAndMarksTheScatterAsNoise() {
    HdbscanModel m = Hdbscan.fit(blobsAndNoise(), HdbscanOptions.of(10).withThreads(2));
    int[] labels = m.labels();
    assertThat(m.k()).isEqualTo(3);
    for (int i = 300; i < 320; i++) assertThat(labels[i]).isEqualTo(HdbscanModel.NOISE);
    int blobNoise = 0;
    Set<Integer> blobLabels = new HashSet<>();
    for (int b = 0; b < 3; b++) {
      Set<Integer> seen = new HashSet<>();
      for (int i = b; i < 300; i += 3) {
        if (labels[i] == HdbscanModel.NOISE) blobNoise++;
        else seen.add(labels[i]);
      }
      assertThat(seen).as("labels of blob %d", b).hasSize(1);
      blobLabels.addAll(seen);
    }
    assertThat(blobLabels).containsExactlyInAnyOrder(0, 1, 2);
    assertThat(blobNoise).isLessThanOrEqualTo(15);
    assertThat(m.noise()).isEqualTo(20 + blobNoise);
  }

  @Test
  void fit_sameInput_givesEqualModelsWhateverTheThreads() {
    Points p = TestData.blobs(new double[][] {{0, 0}, {4, 0}, {0, 4}}, 600, 1.0, 3);
    HdbscanOptions o = HdbscanOptions.of(50).withMinSamples(10);
    HdbscanModel one = Hdbscan.fit(p, o.withThreads(1));
    assertThat(Hdbscan.fit(p, o.withThreads(3))).isEqualTo(one);
    assertThat(Hdbscan.fit(p, o.withThreads(1))).isEqualTo(one);
    assertThat(one.k()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void prim_parallelFromTheFirstStep_givesTheSameTree() {
    Points p = TestData.normal(2_000, 3, 4);
    int n = p.size();
    double[] cols = new double[3 * n];
    for (int i = 0; i < n; i++) for (int t = 0; t < 3; t++) cols[t * n + i] = p.get(i, t);
    double[] core2 = Hdbscan.coreDistances2(cols, n, 3, 5, 1);
    assertThat(Hdbscan.coreDistances2(cols, n, 3, 5, 3)).containsExactly(core2);
    Hdbscan.Mst one = Hdbscan.prim(cols, n, 3, core2, 1, 0);
    Hdbscan.Mst three = Hdbscan.prim(cols, n, 3, core2, 3, 0);
    assertThat(three.from()).containsExactly(one.from());
    assertThat(three.to()).containsExactly(one.to());
    assertThat(three.weight2()).containsExactly(one.weight2());
    // A spanning tree: every point but the first joins exactly once.
    assertThat(Arrays.stream(one.to()).sorted().toArray())
        .containsExactly(java.util.stream.IntStream.range(1, n).toArray());
  }

  @Test
  void fit_aboveMaxPoints_fitsASampleAndGivesOthersTheLabelOfTheirNearestSampledPoint() {
    Points p = blobsAndNoise();
    HdbscanOptions o = HdbscanOptions.of(10).withMaxPoints(150).withSeed(9);
    HdbscanModel m = Hdbscan.fit(p, o.withThreads(1));
    assertThat(m.sampled()).isTrue();
    assertThat(m.fitPoints()).isEqualTo(150);
    // 10 of 320 points scaled to the sample of 150.
    assertThat(m.fitMinClusterSize()).isEqualTo(5);
    assertThat(Hdbscan.fit(p, o.withThreads(3))).isEqualTo(m);
    int[] labels = m.labels();
    int[] sample = ClusterQuality.sample(p.size(), 150, 9);
    boolean[] inSample = new boolean[p.size()];
    for (int s : sample) inSample[s] = true;
    for (int i = 0; i < p.size(); i++) {
      if (inSample[i]) continue;
      int nearest = -1;
      double best = Double.POSITIVE_INFINITY;
      for (int s : sample) {
        double dx = p.get(i, 0) - p.get(s, 0);
        double dy = p.get(i, 1) - p.get(s, 1);
        double d2 = dx * dx + dy * dy;
        if (d2 < best) {
          best = d2;
          nearest = s;
        }
      }
      assertThat(labels[i]).as("point %d", i).isEqualTo(labels[nearest]);
    }
    assertThat(m.k()).isEqualTo(3);
  }

  @Test
  void fit_fewerPointsThanTwoClusters_isAllNoise() {
    Points p = Points.of(new double[][] {{0}, {1}, {2}, {10}});
    HdbscanModel m = Hdbscan.fit(p, HdbscanOptions.of(3).withThreads(1));
    assertThat(m.k()).isZero();
    assertThat(m.labels()).containsOnly(HdbscanModel.NOISE);
    assertThat(Hdbscan.fit(Points.of(new double[][] {{1}}), tiny()).noise()).isEqualTo(1);
  }

  @Test
  void fit_duplicatePoints_keepsStabilitiesFinite() {
    double[][] rows = new double[40][];
    for (int i = 0; i < 20; i++) rows[i] = new double[] {0, 0};
    for (int i = 20; i < 40; i++) rows[i] = new double[] {5 + 0.1 * (i % 4), 5};
    HdbscanModel m = Hdbscan.fit(Points.of(rows), HdbscanOptions.of(5).withThreads(1));
    for (CondensedCluster c : m.tree()) assertThat(c.stability()).isFinite();
    int[] labels = m.labels();
    assertThat(m.k()).isEqualTo(2);
    for (int i = 1; i < 20; i++) assertThat(labels[i]).isEqualTo(labels[0]);
    for (int i = 21; i < 40; i++) assertThat(labels[i]).isEqualTo(labels[20]);
    assertThat(labels[0]).isNotEqualTo(labels[20]);
  }

  @Test
  void select_matchesSorting() {
    SplittableRandom r = new SplittableRandom(1);
    for (int trial = 0; trial < 200; trial++) {
      int len = 1 + r.nextInt(300);
      double[] a = new double[len];
      for (int i = 0; i < len; i++) a[i] = r.nextInt(trial % 2 == 0 ? 5 : 1_000);
      if (trial % 7 == 0) Arrays.sort(a);
      double[] sorted = a.clone();
      Arrays.sort(sorted);
      int k = r.nextInt(len);
      assertThat(Hdbscan.select(a, len, k)).isEqualTo(sorted[k]);
    }
  }

  @Test
  void options_badValues_areRejected() {
    assertThatThrownBy(() -> HdbscanOptions.of(1)).hasMessageContaining("minClusterSize");
    assertThatThrownBy(() -> HdbscanOptions.of(5).withMinSamples(0))
        .hasMessageContaining("minSamples");
    assertThatThrownBy(() -> Hdbscan.fit(Points.of(new double[][] {{Double.NaN}}), tiny()))
        .hasMessageContaining("finite");
  }
}
