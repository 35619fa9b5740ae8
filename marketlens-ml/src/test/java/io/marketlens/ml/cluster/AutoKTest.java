package io.marketlens.ml.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AutoKTest {

  private static final AutoKOptions OPTIONS =
      AutoKOptions.defaults().withKMeans(KMeansOptions.of(2).withThreads(2));

  @Test
  void choose_threeBlobs_choosesThreeAndTheChecksAgree() {
    Points p = TestData.blobs(new double[][] {{0, 0}, {12, 0}, {6, 10}}, 80, 1, 4);
    AutoKResult r = AutoK.choose(p, OPTIONS);
    assertThat(r.k()).isEqualTo(3);
    assertThat(r.checksAgree()).isTrue();
    assertThat(r.scores()).extracting(KScore::k).containsExactly(2, 3, 4, 5, 6, 7, 8);
    assertThat(r.chosen().silhouette()).isGreaterThan(0.7);
    assertThat(r.model().k()).isEqualTo(3);
    assertThat(r.silhouetteExact()).isTrue();
  }

  @Test
  void choose_sameSeed_isDeterministic() {
    Points p = TestData.normal(800, 3, 8);
    assertThat(AutoK.choose(p, OPTIONS)).isEqualTo(AutoK.choose(p, OPTIONS));
  }

  @Test
  void choose_fewDistinctPoints_lowersTheRange() {
    double[][] rows = {{0}, {0}, {1}, {1}, {9}, {9}, {9}};
    AutoKResult r = AutoK.choose(Points.of(rows), OPTIONS);
    assertThat(r.scores()).extracting(KScore::k).containsExactly(2, 3);
    assertThat(r.k()).isEqualTo(3);
  }

  @Test
  void choose_tooFewOrIdenticalPoints_isRejected() {
    assertThatThrownBy(() -> AutoK.choose(Points.of(new double[][] {{1}, {2}}), OPTIONS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 3 points");
    assertThatThrownBy(() -> AutoK.choose(Points.of(new double[][] {{1}, {1}, {1}}), OPTIONS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 2 distinct points");
  }

  @Test
  void options_badRange_isRejected() {
    assertThatThrownBy(() -> AutoKOptions.defaults().withRange(1, 4))
        .hasMessageContaining("minK must be at least 2");
    assertThatThrownBy(() -> AutoKOptions.defaults().withRange(5, 4))
        .hasMessageContaining("maxK (4) must be at least minK (5)");
  }
}
