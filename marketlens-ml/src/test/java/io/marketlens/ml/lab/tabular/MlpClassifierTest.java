package io.marketlens.ml.lab.tabular;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketlens.ml.tabular.BinaryModel;
import io.marketlens.ml.tabular.Classifiers;
import io.marketlens.ml.tabular.Metrics;
import io.marketlens.ml.tabular.TabularData;
import java.util.List;
import org.junit.jupiter.api.Test;

class MlpClassifierTest {

  private static final MlpClassifier SMALL =
      new MlpClassifier(new TabularMlpOptions(List.of(16)), 8, 32, 1e-3, 2);

  @Test
  void classifiers_registerTheMlpByName() {
    assertThat(Classifiers.names()).contains("mlp");
    assertThat(Classifiers.named("mlp")).isEqualTo(MlpClassifier.defaults());
  }

  @Test
  void fit_telcoSlice_beatsChanceAndIsDeterministic() {
    TelcoSlice s = TelcoSlice.load();
    TabularData train = s.data(s.split.train());
    TabularData validation = s.data(s.split.validation());
    TabularData test = s.data(s.split.test());

    BinaryModel a = SMALL.fit(train, validation, 9);
    BinaryModel b = SMALL.fit(train, validation, 9);
    double[] pa = a.predictProbability(test.features());

    assertThat(a.name()).isEqualTo("mlp");
    assertThat(a.featureCount()).isEqualTo(train.columns());
    assertThat(a.description()).startsWith("16 ReLU");
    assertThat(b.predictProbability(test.features())).containsExactly(pa);
    assertThat(Metrics.rocAuc(pa, test.labels())).isGreaterThan(0.75);
  }
}
