package io.marketlens.ml.lab.tabular;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketlens.ml.tabular.StratifiedSplit;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TabularSplitTest {

  @Test
  void stratified_twoClasses_sameAsStratifiedSplit() {
    Random r = new Random(3);
    int[] labels = new int[500];
    for (int i = 0; i < labels.length; i++) labels[i] = r.nextDouble() < 0.27 ? 1 : 0;
    int[] all = new int[labels.length];
    for (int i = 0; i < all.length; i++) all[i] = i;

    StratifiedSplit ours = TabularSplit.stratified(labels, all, 2, 0.6, 0.2, 42);
    StratifiedSplit theirs = StratifiedSplit.of(labels, 0.6, 0.2, 42);

    assertThat(ours.train()).containsExactly(theirs.train());
    assertThat(ours.validation()).containsExactly(theirs.validation());
    assertThat(ours.test()).containsExactly(theirs.test());
  }

  @Test
  void stratified_threeClassesNoValidation_keepsEachShare() {
    int[] labels = new int[300];
    for (int i = 0; i < labels.length; i++) labels[i] = i % 3;
    int[] all = new int[labels.length];
    for (int i = 0; i < all.length; i++) all[i] = i;

    StratifiedSplit s = TabularSplit.stratified(labels, all, 3, 0.8, 0.0, 1);

    assertThat(s.train()).hasSize(240);
    assertThat(s.validation()).isEmpty();
    assertThat(s.test()).hasSize(60);
    for (int c = 0; c < 3; c++) {
      int k = c;
      assertThat(java.util.Arrays.stream(s.test()).filter(i -> labels[i] == k).count())
          .isEqualTo(20);
    }
  }

  @Test
  void shuffled_sameSeedSameSplit_differentSeedDifferent() {
    int[] rows = new int[100];
    for (int i = 0; i < rows.length; i++) rows[i] = i;

    assertThat(TabularSplit.shuffled(rows, 0.7, 0.1, 5).test())
        .containsExactly(TabularSplit.shuffled(rows, 0.7, 0.1, 5).test())
        .isNotEqualTo(TabularSplit.shuffled(rows, 0.7, 0.1, 6).test())
        .hasSize(20);
  }
}
