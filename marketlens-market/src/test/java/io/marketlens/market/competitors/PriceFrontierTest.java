package io.marketlens.market.competitors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PriceFrontierTest {

  @Test
  void frontier_keepsOnlyProductsNoOneBeatsOnValueForPrice() {
    double[] value = {10, 12, 11, 20, 20, 5};
    double[] price = {100, 100, 150, 300, 300, Double.NaN};

    boolean[] f = PriceFrontier.frontier(value, price);

    // 0 loses to 1 (more value, same price); 2 loses to 1 (more value, cheaper);
    // 3 and 4 tie exactly, so neither dominates the other; 5 has no price.
    assertThat(f).containsExactly(false, true, false, true, true, false);
  }
}
