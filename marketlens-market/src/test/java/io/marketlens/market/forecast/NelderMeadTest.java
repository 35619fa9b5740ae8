package io.marketlens.market.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NelderMeadTest {

  @Test
  void minimise_rosenbrock_findsTheMinimumAtOneOne() {
    NelderMead.Objective rosenbrock =
        x -> 100 * Math.pow(x[1] - x[0] * x[0], 2) + Math.pow(1 - x[0], 2);
    double[] x = {-1.2, 1.0};

    double f = new NelderMead(2).minimise(rosenbrock, x, new double[] {0.1, 0.1}, 1e-12, 5000);

    assertThat(f).isLessThan(1e-8);
    assertThat(x[0]).isCloseTo(1.0, within(1e-3));
    assertThat(x[1]).isCloseTo(1.0, within(1e-3));
  }

  @Test
  void minimise_infeasibleRegion_staysInside() {
    // Minimum of (x - 2)^2 subject to x <= 1, imposed with +Infinity as the estimators do.
    NelderMead.Objective f = x -> x[0] > 1 ? Double.POSITIVE_INFINITY : (x[0] - 2) * (x[0] - 2);
    double[] x = {0.0};

    new NelderMead(1).minimise(f, x, new double[] {0.5}, 1e-12, 1000);

    assertThat(x[0]).isLessThanOrEqualTo(1.0).isCloseTo(1.0, within(1e-4));
  }
}
