package io.marketlens.ml.lab.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import io.marketlens.core.progress.Progress;
import io.marketlens.ml.lab.Examples;
import io.marketlens.ml.lab.Lab;
import io.marketlens.ml.lab.LossFunction;
import io.marketlens.ml.lab.ModelMetadata;
import io.marketlens.ml.lab.ModelStore;
import io.marketlens.ml.lab.TrainConfig;
import io.marketlens.ml.lab.TrainingResult;
import io.marketlens.ml.tabular.Metrics;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TabularMlpTest {

  static TelcoSlice slice;

  @BeforeAll
  static void read() {
    slice = TelcoSlice.load();
  }

  private static TabularMlp.Spec spec(List<Integer> hidden) {
    return new TabularMlp.Spec(slice.encoder.featureNames().size(), hidden, 1, MlpHead.BINARY, 0.0);
  }

  private static TrainConfig config(int epochs, long seed) {
    return TrainConfig.builder().epochs(epochs).seed(seed).device("cpu").build();
  }

  @Test
  void fit_telcoSlice_lossFallsAndBeatsChance() {
    int[] train = slice.split.train();
    int[] test = slice.split.test();
    try (TabularMlp mlp = TabularMlp.create(spec(List.of(32, 16)), 42, "cpu")) {
      TrainingResult r =
          mlp.fit(slice.x(train), slice.y(train), null, null, config(6, 42), Progress.NONE);

      assertThat(r.history()).hasSize(6);
      assertThat(r.last().trainLoss()).isLessThan(r.history().get(0).trainLoss());
      float[] p = mlp.predict(slice.x(test), 1024);
      double[] pd = new double[p.length];
      for (int i = 0; i < p.length; i++) pd[i] = p[i];
      assertThat(Metrics.rocAuc(pd, slice.labels(test))).isGreaterThan(0.75);
    }
  }

  @Test
  void denseLayers_scoreInJavaAsTheNetworkPredicts() {
    int[] train = slice.split.train();
    float[][] x = slice.x(slice.split.test());
    try (TabularMlp mlp = TabularMlp.create(spec(List.of(16, 8)), 5, "cpu")) {
      mlp.fit(slice.x(train), slice.y(train), null, null, config(2, 5), Progress.NONE);
      float[] p = mlp.predict(x, 64);
      List<TabularMlp.Dense> layers = mlp.denseLayers();
      assertThat(layers).extracting(TabularMlp.Dense::outputs).containsExactly(16, 8, 1);
      assertThat(layers.get(0).inputs()).isEqualTo(x[0].length);
      for (int r = 0; r < x.length; r++) {
        double[] h = new double[x[r].length];
        for (int j = 0; j < h.length; j++) h[j] = x[r][j];
        for (int l = 0; l < layers.size(); l++) {
          TabularMlp.Dense d = layers.get(l);
          float[] w = d.weights();
          float[] b = d.bias();
          double[] out = new double[d.outputs()];
          for (int o = 0; o < out.length; o++) {
            double s = b[o];
            for (int i = 0; i < d.inputs(); i++) s += w[o * d.inputs() + i] * h[i];
            out[o] = l < layers.size() - 1 ? Math.max(0, s) : s;
          }
          h = out;
        }
        assertThat(1 / (1 + Math.exp(-h[0]))).isCloseTo(p[r], within(1e-5));
      }
    }
  }

  @Test
  void trainingThreads_oneWhileEveryProductIsSmall() {
    int width = slice.encoder.featureNames().size();
    try (TabularMlp mlp = TabularMlp.create(spec(List.of(128, 64)), 1, "cpu")) {
      // the churn MLP at batch 32: its largest product is 32 x 128 x 64 = 2^18 multiply-adds
      assertThat(mlp.trainingThreads(32, 2)).isEqualTo(1);
      assertThat(mlp.trainingThreads(32, 1)).isEqualTo(1);
      // at batch 1,024 the first layer's product is 1,024 x width x 128, over 2^20
      assertThat((long) 1024 * width * 128).isGreaterThanOrEqualTo(TabularMlp.SPLIT_PRODUCT);
      assertThat(mlp.trainingThreads(1024, 2)).isEqualTo(2);
    }
    TabularMlp.Spec wide = new TabularMlp.Spec(4096, List.of(512), 1, MlpHead.BINARY, 0.0);
    try (TabularMlp mlp = TabularMlp.create(wide, 1, "cpu")) {
      assertThat(mlp.trainingThreads(32, 4)).isEqualTo(4);
    }
  }

  @Test
  void fit_onOneThreadForASmallNetwork_setsTheThreadCountBack() {
    int[] train = slice.split.train();
    int before = Lab.intraOpThreads();
    try (TabularMlp mlp = TabularMlp.create(spec(List.of(16)), 3, "cpu")) {
      TrainConfig two = config(1, 3).toBuilder().threads(2).build();
      mlp.fit(slice.x(train), slice.y(train), null, null, two, Progress.NONE);
      assertThat(Lab.intraOpThreads()).isEqualTo(2);
      mlp.fit(slice.x(train), slice.y(train), null, null, two, Progress.NONE, true);
      assertThat(Lab.intraOpThreads()).isEqualTo(2);
    } finally {
      Lab.engine(before);
    }
  }

  @Test
  void epoch_stagedBatchesEqualBatchesCopiedOneByOne() {
    int[][] plan = {{3, 1, 4}, {1, 5}, {9, 2, 6, 0}};
    float[][] x = slice.x(slice.split.train());
    float[] y = slice.y(slice.split.train());
    float[] classes = new float[y.length];
    for (int i = 0; i < y.length; i++) classes[i] = i % 3;
    TabularMlp.Spec binary = spec(List.of(8));
    TabularMlp.Spec multi =
        new TabularMlp.Spec(x[0].length, List.of(8), 3, MlpHead.MULTICLASS, 0.0);
    for (TabularMlp.RowExamples examples :
        List.of(
            new TabularMlp.RowExamples(x, y, binary),
            new TabularMlp.RowExamples(x, classes, multi))) {
      try (NDManager epoch = NDManager.newBaseManager()) {
        Examples.EpochSource staged = examples.epoch(epoch, plan);
        for (int s = 0; s < plan.length; s++) {
          try (NDManager step = epoch.newSubManager()) {
            Examples.Batch a = staged.batch(step, s);
            Examples.Batch b = examples.batch(step, plan[s]);
            assertThat(a.inputs().head().getShape()).isEqualTo(b.inputs().head().getShape());
            assertThat(a.inputs().head().toFloatArray())
                .containsExactly(b.inputs().head().toFloatArray());
            assertThat(a.labels().getShape()).isEqualTo(b.labels().getShape());
            assertThat(a.labels().getDataType()).isEqualTo(b.labels().getDataType());
            assertThat(a.labels().toArray()).containsExactly(b.labels().toArray());
          }
        }
      }
    }
  }

  @Test
  void fit_sameSeed_samePredictions() {
    int[] train = slice.split.train();
    float[][] x = slice.x(slice.split.test());
    float[] a;
    float[] b;
    try (TabularMlp mlp = TabularMlp.create(spec(List.of(16)), 3, "cpu")) {
      mlp.fit(slice.x(train), slice.y(train), null, null, config(2, 3), Progress.NONE);
      a = mlp.predict(x, 64);
    }
    try (TabularMlp mlp = TabularMlp.create(spec(List.of(16)), 3, "cpu")) {
      mlp.fit(slice.x(train), slice.y(train), null, null, config(2, 3), Progress.NONE);
      b = mlp.predict(x, 64);
    }
    assertThat(b).containsExactly(a);
  }

  @Test
  void saveAndLoad_throughModelStore_predictsBitForBit(@TempDir Path dir) {
    int[] train = slice.split.train();
    float[][] x = slice.x(slice.split.test());
    TabularMlp.Spec spec = spec(List.of(16, 8));
    float[] before;
    Path model = dir.resolve("m");
    try (TabularMlp mlp = TabularMlp.create(spec, 5, "cpu")) {
      mlp.fit(slice.x(train), slice.y(train), null, null, config(2, 5), Progress.NONE);
      before = mlp.predict(x, 1024);
      ModelMetadata meta =
          new ModelMetadata(
              ModelStore.SCHEMA_VERSION,
              "tabular",
              "mlp",
              "now",
              5,
              "x",
              "",
              Map.of("network", ModelStore.toMap(spec)),
              null,
              null,
              null,
              null,
              null,
              null);
      ModelStore.save(model, meta, mlp.block(), Map.of());
    }
    ModelStore.SavedModel saved = ModelStore.load(model);
    TabularMlp.Spec read =
        ModelStore.convert(
            saved.metadata().hyperparameters().get("network"), TabularMlp.Spec.class);
    assertThat(read).isEqualTo(spec);
    try (TabularMlp loaded = TabularMlp.create(read, 999, "cpu")) {
      saved.loadWeights(loaded.block(), loaded.manager());
      assertThat(loaded.predict(x, 1024)).containsExactly(before);
    }
  }

  @Test
  void weights_roundTripIntoAFreshNetwork_predictsBitForBit() {
    float[][] x = slice.x(slice.split.test());
    try (TabularMlp a = TabularMlp.create(spec(List.of(8)), 1, "cpu");
        TabularMlp b = TabularMlp.create(spec(List.of(8)), 2, "cpu")) {
      assertThat(b.predict(x, 100)).isNotEqualTo(a.predict(x, 100));
      b.loadWeights(a.weights());
      assertThat(b.predict(x, 100)).containsExactly(a.predict(x, 100));
    }
  }

  @Test
  void create_glorotUniformWeightsAndZeroBiases() {
    try (TabularMlp mlp = TabularMlp.create(spec(List.of(128, 64)), 42, "cpu")) {
      int fanIn = slice.encoder.featureNames().size();
      double limit = Math.sqrt(6.0 / (fanIn + 128));
      mlp.block()
          .getParameters()
          .forEach(
              p -> {
                float[] v = p.getValue().getArray().toFloatArray();
                if (p.getKey().endsWith("bias")) {
                  assertThat(v).containsOnly(0f);
                } else if (p.getKey().startsWith("01")) {
                  float max = 0;
                  for (float w : v) max = Math.max(max, Math.abs(w));
                  assertThat((double) max).isLessThanOrEqualTo(limit).isGreaterThan(0.9 * limit);
                }
              });
    }
  }

  @Test
  void binaryCrossEntropy_matchesTheSharedTenOperationForm() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray logits = m.create(new float[] {-30f, -2.5f, -0.1f, 0f, 0.7f, 3f, 25f});
      NDArray labels = m.create(new float[] {0f, 1f, 0f, 1f, 1f, 0f, 1f});
      for (double w : new double[] {1.0, 2.7}) {
        float ours = MlpHead.binaryCrossEntropy(w).compute(new NDList(logits), labels).getFloat();
        float shared =
            LossFunction.binaryCrossEntropy(w).compute(new NDList(logits), labels).getFloat();
        assertThat((double) ours).isCloseTo(shared, within(1e-6));
      }
    }
  }

  @Test
  void fit_multiclassAndRegressionHeads_reduceTheirLoss() {
    int[] train = slice.split.train();
    float[][] x = slice.x(train);
    float[] classes = new float[train.length];
    float[] values = new float[train.length];
    for (int i = 0; i < train.length; i++) {
      classes[i] = i % 3;
      values[i] = x[i][0] * 2 + 1;
    }
    int f = slice.encoder.featureNames().size();
    try (TabularMlp multi =
            TabularMlp.create(
                new TabularMlp.Spec(f, List.of(16), 3, MlpHead.MULTICLASS, 0.1), 1, "cpu");
        TabularMlp reg =
            TabularMlp.create(
                new TabularMlp.Spec(f, List.of(16), 1, MlpHead.REGRESSION, 0.0), 1, "cpu")) {
      TrainConfig c = config(3, 1).toBuilder().balanceClasses(true).build();
      TrainingResult rm = multi.fit(x, classes, null, null, c, Progress.NONE);
      TrainingResult rr = reg.fit(x, values, null, null, config(3, 1), Progress.NONE);

      assertThat(rr.last().trainLoss()).isLessThan(rr.history().get(0).trainLoss());
      assertThat(rm.history()).hasSize(3);
      float[] p = multi.predict(x, 50);
      assertThat(p).hasSize(3 * x.length);
      assertThat((double) (p[0] + p[1] + p[2])).isCloseTo(1.0, within(1e-5));
    }
  }
}
