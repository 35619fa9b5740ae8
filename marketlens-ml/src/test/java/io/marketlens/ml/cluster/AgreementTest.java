package io.marketlens.ml.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AgreementTest {

  @Test
  void adjustedRandMatchesHandComputedExample() {
    // a = {0,0,0,1,1,1}, b = {0,0,1,1,2,2}: contingency [[2,1,0],[0,1,2]]
    // sum C(n_ij,2) = 1 + 1 = 2; rows C(3,2)*2 = 6; cols C(2,2)*3 = 3; C(6,2) = 15
    // expected = 6 * 3 / 15 = 1.2; max = (6 + 3) / 2 = 4.5; ARI = (2 - 1.2) / (4.5 - 1.2)
    double ari = Agreement.adjustedRand(new int[] {0, 0, 0, 1, 1, 1}, new int[] {0, 0, 1, 1, 2, 2});
    assertThat(ari).isCloseTo(0.8 / 3.3, within(1e-12));
  }

  @Test
  void adjustedRandIsOneForTheSamePartitionUnderOtherNames() {
    assertThat(Agreement.adjustedRand(new int[] {0, 0, 1, 1, 2}, new int[] {5, 5, 3, 3, 9}))
        .isEqualTo(1.0);
  }

  @Test
  void adjustedRandIsNegativeForAnAntiCorrelatedSplit() {
    assertThat(Agreement.adjustedRand(new int[] {0, 0, 1, 1}, new int[] {0, 1, 0, 1}))
        .isLessThan(0);
  }

  @Test
  void nmiMatchesTheDefinition() {
    // same contingency as above: H(a) = ln 2, H(b) = ln 3,
    // I = 2 * (2/6) ln((2/6) / (3/6 * 2/6)) + 2 * (1/6) ln((1/6) / (3/6 * 2/6))
    //   = (2/3) ln 2 + (1/3) ln 1; NMI = I / ((ln 2 + ln 3) / 2)
    double expected = (2.0 / 3 * Math.log(2)) / ((Math.log(2) + Math.log(3)) / 2);
    assertThat(
            Agreement.normalizedMutualInformation(
                new int[] {0, 0, 0, 1, 1, 1}, new int[] {0, 0, 1, 1, 2, 2}))
        .isCloseTo(expected, within(1e-12))
        .isCloseTo(0.5158037429793888, within(1e-12));
    // a second example checked with an independent Python transcription of the definition
    assertThat(
            Agreement.normalizedMutualInformation(
                new int[] {0, 0, 1, 1, 2, 2, 2, 0}, new int[] {1, 1, 0, 0, 0, 2, 2, 1}))
        .isCloseTo(0.7794365191085163, within(1e-12));
  }

  @Test
  void nmiIsOneForRenamedPartitionsAndZeroForIndependentOnes() {
    assertThat(
            Agreement.normalizedMutualInformation(
                new int[] {0, 0, 1, 1, 2}, new int[] {-1, -1, 7, 7, 3}))
        .isCloseTo(1.0, within(1e-12));
    assertThat(
            Agreement.normalizedMutualInformation(new int[] {0, 0, 1, 1}, new int[] {0, 1, 0, 1}))
        .isCloseTo(0.0, within(1e-12));
    assertThat(Agreement.normalizedMutualInformation(new int[] {0, 0, 0}, new int[] {0, 1, 2}))
        .isZero();
  }

  @Test
  void rejectsLabelingsOfDifferentLength() {
    assertThatThrownBy(() -> Agreement.adjustedRand(new int[] {0}, new int[] {0, 1}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Agreement.normalizedMutualInformation(new int[] {0}, new int[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
