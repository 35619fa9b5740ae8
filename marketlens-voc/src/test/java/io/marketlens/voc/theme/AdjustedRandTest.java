package io.marketlens.voc.theme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AdjustedRandTest {

  @Test
  void matchesHandComputedExample() {
    // a = {0,0,0,1,1,1}, b = {0,0,1,1,2,2}: contingency [[2,1,0],[0,1,2]]
    // sum C(n_ij,2) = 1 + 1 = 2; rows C(3,2)*2 = 6; cols C(2,2)*3 = 3; C(6,2) = 15
    // expected = 6 * 3 / 15 = 1.2; max = (6 + 3) / 2 = 4.5; ARI = (2 - 1.2) / (4.5 - 1.2)
    double ari = AdjustedRand.index(new int[] {0, 0, 0, 1, 1, 1}, new int[] {0, 0, 1, 1, 2, 2});
    assertThat(ari).isCloseTo(0.8 / 3.3, within(1e-12));
  }

  @Test
  void isOneForTheSamePartitionUnderOtherNames() {
    assertThat(AdjustedRand.index(new int[] {0, 0, 1, 1, 2}, new int[] {5, 5, 3, 3, 9}))
        .isEqualTo(1.0);
  }

  @Test
  void isNegativeForAnAntiCorrelatedSplit() {
    assertThat(AdjustedRand.index(new int[] {0, 0, 1, 1}, new int[] {0, 1, 0, 1})).isLessThan(0);
  }
}
