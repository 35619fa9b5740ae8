package io.marketlens.ml.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ClusterQualityTest {

  @Test
  void silhouette_fourPointsOnALine_matchesHandComputation() {
    Points p = Points.of(new double[][] {{0}, {1}, {10}, {11}});
    Silhouette s = ClusterQuality.silhouette(p, new int[] {0, 0, 1, 1}, 1, 1);
    // a = 1 for every point; b = 10.5, 9.5, 9.5, 10.5; s = (b - a) / b.
    assertThat(s.value()).isCloseTo((9.5 / 10.5 + 8.5 / 9.5) / 2, within(1e-15));
    assertThat(s.exact()).isTrue();
    assertThat(s.points()).isEqualTo(4);
  }

  @Test
  void silhouetteAndCalinskiHarabasz_matchScikitLearn() {
    double[][] rows = new double[60][];
    int[] labels = new int[60];
    for (int i = 0; i < 60; i++) {
      rows[i] = new double[] {i % 7, (i * 3) % 11, (i * i) % 5};
      labels[i] = i % 3;
    }
    Points p = Points.of(rows);
    // sklearn 1.2.1: silhouette_score, calinski_harabasz_score on the same points and labels.
    assertThat(ClusterQuality.silhouette(p, labels, 1, 2).value())
        .isCloseTo(-0.04609006142603491, within(1e-14));
    assertThat(ClusterQuality.calinskiHarabasz(p, labels))
        .isCloseTo(0.1040864672786499, within(1e-12));
  }

  @Test
  void silhouette_singletonCluster_countsAsZero() {
    Points p = Points.of(new double[][] {{0}, {1}, {50}});
    // Points 0 and 1: a = 1, b = 50 and 49; point 2 alone: 0.
    double expected = ((49.0 / 50) + (48.0 / 49)) / 3;
    assertThat(ClusterQuality.silhouette(p, new int[] {0, 0, 1}, 1, 1).value())
        .isCloseTo(expected, within(1e-15));
  }

  @Test
  void silhouette_aboveTheExactLimit_usesAStatedSeededSample() {
    Points p = TestData.blobs(new double[][] {{0, 0}, {8, 8}}, 300, 1, 3);
    int[] labels = new int[600];
    for (int i = 0; i < 600; i++) labels[i] = i % 2;
    Silhouette a = ClusterQuality.silhouette(p, labels, 100, 80, 5, 1);
    Silhouette b = ClusterQuality.silhouette(p, labels, 100, 80, 5, 2);
    Silhouette exact = ClusterQuality.silhouette(p, labels, 1000, 80, 5, 2);
    assertThat(a.exact()).isFalse();
    assertThat(a.points()).isEqualTo(80);
    assertThat(b).isEqualTo(a);
    assertThat(exact.exact()).isTrue();
    assertThat(a.value()).isCloseTo(exact.value(), within(0.05));
  }

  @Test
  void silhouette_anyThreadCount_isBitIdentical() {
    Points p = TestData.normal(1_000, 5, 2);
    int[] labels = new int[1_000];
    for (int i = 0; i < labels.length; i++) labels[i] = (i * 7) % 4;
    double one = ClusterQuality.silhouette(p, labels, 1, 1).value();
    assertThat(ClusterQuality.silhouette(p, labels, 1, 3).value()).isEqualTo(one);
  }

  @Test
  void silhouette_oneCluster_isRejected() {
    Points p = Points.of(new double[][] {{0}, {1}, {2}});
    assertThatThrownBy(() -> ClusterQuality.silhouette(p, new int[] {0, 0, 0}, 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2 to n-1 clusters");
  }

  @Test
  void calinskiHarabasz_tightClusters_isOneWhenWithinIsZero() {
    Points p = Points.of(new double[][] {{0}, {0}, {5}, {5}});
    assertThat(ClusterQuality.calinskiHarabasz(p, new int[] {0, 0, 1, 1})).isEqualTo(1.0);
  }
}
