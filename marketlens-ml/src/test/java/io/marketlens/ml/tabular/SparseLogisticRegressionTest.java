package io.marketlens.ml.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

class SparseLogisticRegressionTest {

  /** The rows of {@code d} as dense float rows. */
  private static List<float[]> floats(TabularData d) {
    List<float[]> out = new ArrayList<>();
    for (double[] row : d.features()) {
      float[] f = new float[row.length];
      for (int j = 0; j < f.length; j++) f[j] = (float) row[j];
      out.add(f);
    }
    return out;
  }

  /** The same rows with every column in the sparse block (zeros left out). */
  private static SparseRows asSparse(List<float[]> rows, int columns) {
    List<int[]> idx = new ArrayList<>();
    List<float[]> val = new ArrayList<>();
    for (float[] r : rows) {
      int n = 0;
      for (float v : r) if (v != 0) n++;
      int[] i = new int[n];
      float[] v = new float[n];
      for (int j = 0, k = 0; j < r.length; j++) {
        if (r[j] != 0) {
          i[k] = j;
          v[k++] = r[j];
        }
      }
      idx.add(i);
      val.add(v);
    }
    return new SparseRows(0, columns, null, idx, val);
  }

  private static double[][] toDouble(List<float[]> rows) {
    double[][] out = new double[rows.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = new double[rows.get(i).length];
      for (int j = 0; j < out[i].length; j++) out[i][j] = rows.get(i)[j];
    }
    return out;
  }

  @Test
  void fit_matchesNewtonLogisticRegression_withTheSamePenalty() {
    TabularData d = LogisticRegressionTest.randomData(3_000, 3, 5);
    List<float[]> rows = floats(d);
    // Newton's method on the same (float-rounded) values is the exact optimum.
    TabularData same = TabularData.of(toDouble(rows), d.featureNames(), d.labels());
    LogisticRegression.Model newton = LogisticRegression.withLambda(2).fit(same, same, 0);
    SparseLogisticRegression.Model lbfgs =
        new SparseLogisticRegression(List.of(2.0), 1000)
            .fit(SparseRows.dense(rows, 3), d.labels(), null, null);
    assertThat(lbfgs.intercept()).isCloseTo(newton.intercept(), within(1e-3));
    assertThat(lbfgs.dense()).containsExactly(newton.coefficients(), within(1e-3));
    assertThat(lbfgs.sparse()).isEmpty();
  }

  @Test
  void sparseAndDenseColumns_giveTheSameModel() {
    TabularData d = LogisticRegressionTest.randomData(1_000, 3, 9);
    List<float[]> rows = floats(d);
    SparseLogisticRegression lr = new SparseLogisticRegression(List.of(1.0), 1000);
    SparseLogisticRegression.Model dense =
        lr.fit(SparseRows.dense(rows, 3), d.labels(), null, null);
    SparseLogisticRegression.Model sparse = lr.fit(asSparse(rows, 3), d.labels(), null, null);
    assertThat(sparse.dense()).isEmpty();
    assertThat(sparse.sparse()).containsExactly(dense.dense(), within(1e-4));
    assertThat(sparse.predictProbability(asSparse(rows, 3)))
        .containsExactly(dense.predictProbability(SparseRows.dense(rows, 3)), within(1e-4));
  }

  @Test
  void sameModel_atAnyThreadCount() throws Exception {
    // Enough rows for several parallel blocks.
    TabularData d = LogisticRegressionTest.randomData(6_000, 4, 3);
    SparseRows rows = SparseRows.dense(floats(d), 4);
    SparseLogisticRegression lr = new SparseLogisticRegression(List.of(3.0, 0.3), 1000);
    SparseLogisticRegression.Model parallel = lr.fit(rows, d.labels(), rows, d.labels());
    ForkJoinPool one = new ForkJoinPool(1);
    try {
      SparseLogisticRegression.Model single =
          one.submit(() -> lr.fit(rows, d.labels(), rows, d.labels())).get();
      assertThat(single).isEqualTo(parallel);
    } finally {
      one.shutdown();
    }
  }

  @Test
  void penalty_isChosenByValidationLogLoss() {
    TabularData train = LogisticRegressionTest.randomData(200, 3, 1);
    TabularData validation = LogisticRegressionTest.randomData(2_000, 3, 2);
    SparseRows t = SparseRows.dense(floats(train), 3);
    SparseRows v = SparseRows.dense(floats(validation), 3);
    List<Double> lambdas = List.of(1000.0, 1.0);
    SparseLogisticRegression.Model chosen =
        new SparseLogisticRegression(lambdas, 1000).fit(t, train.labels(), v, validation.labels());
    // A penalty of 1,000 on 200 rows shrinks the real effects away; 1 is far better held out.
    assertThat(chosen.lambda()).isEqualTo(1.0);
    for (double l : lambdas) {
      SparseLogisticRegression.Model m =
          new SparseLogisticRegression(List.of(l), 1000).fit(t, train.labels(), null, null);
      assertThat(Metrics.logLoss(m.predictProbability(v), validation.labels()))
          .isGreaterThanOrEqualTo(
              Metrics.logLoss(chosen.predictProbability(v), validation.labels()) - 1e-4);
    }
  }
}
