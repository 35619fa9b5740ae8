package io.marketlens.ml.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StratifiedSplitTest {

  private static int[] labels(int n, int positives) {
    int[] y = new int[n];
    for (int i = 0; i < positives; i++) y[i * (n / positives)] = 1;
    return y;
  }

  @Test
  void of_keepsClassSharesAndCoversEveryRowOnce() {
    int[] y = labels(1000, 250);
    StratifiedSplit s = StratifiedSplit.of(y, 0.6, 0.2, 42);
    assertThat(s.train()).hasSize(600);
    assertThat(s.validation()).hasSize(200);
    assertThat(s.test()).hasSize(200);
    assertThat(count(y, s.train())).isEqualTo(150);
    assertThat(count(y, s.validation())).isEqualTo(50);
    assertThat(count(y, s.test())).isEqualTo(50);
    int[] all =
        IntStream.concat(
                IntStream.concat(Arrays.stream(s.train()), Arrays.stream(s.validation())),
                Arrays.stream(s.test()))
            .sorted()
            .toArray();
    assertThat(all).isEqualTo(IntStream.range(0, 1000).toArray());
  }

  @Test
  void of_sameSeedSameSplit_otherSeedOtherSplit() {
    int[] y = labels(500, 100);
    StratifiedSplit a = StratifiedSplit.of(y, 0.6, 0.2, 7);
    StratifiedSplit b = StratifiedSplit.of(y, 0.6, 0.2, 7);
    StratifiedSplit c = StratifiedSplit.of(y, 0.6, 0.2, 8);
    assertThat(a.test()).isEqualTo(b.test());
    assertThat(a.test()).isNotEqualTo(c.test());
  }

  @Test
  void of_onlyGivenRows() {
    int[] y = labels(100, 20);
    int[] rows = IntStream.range(0, 100).filter(i -> i % 2 == 0).toArray();
    StratifiedSplit s = StratifiedSplit.of(y, rows, 0.6, 0.2, 1);
    assertThat(Arrays.stream(s.train()).allMatch(i -> i % 2 == 0)).isTrue();
    assertThat(s.train().length + s.validation().length + s.test().length).isEqualTo(50);
  }

  @Test
  void of_fractionsWithoutTest_rejected() {
    assertThatThrownBy(() -> StratifiedSplit.of(new int[] {0, 1}, 0.8, 0.2, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("test");
  }

  private static int count(int[] y, int[] rows) {
    return Arrays.stream(rows).map(r -> y[r]).sum();
  }
}
