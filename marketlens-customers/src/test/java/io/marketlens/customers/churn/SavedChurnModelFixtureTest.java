package io.marketlens.customers.churn;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketlens.core.table.Column;
import io.marketlens.core.table.Table;
import io.marketlens.customers.features.CustomerSlices;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The churn models saved by an earlier build (src/test/resources/churn-models, see the README
 * there) still load and give the probabilities recorded when they were trained, bit for bit.
 */
class SavedChurnModelFixtureTest {

  @ParameterizedTest
  @ValueSource(strings = {"logistic-regression", "gradient-boosted-trees"})
  void load_modelSavedByAnEarlierBuild_givesTheRecordedProbabilities(String name) throws Exception {
    Path dir = fixture(name);
    List<String> expected = Files.readAllLines(dir.resolve(ChurnModelFixture.EXPECTED));

    SavedChurnModel model = SavedChurnModel.load(dir);
    Table customers = model.read(CustomerSlices.path("telco_slice.csv"));
    double[] p = model.score(customers);

    assertThat(model.classifier()).isEqualTo(name);
    assertThat(model.metadata().schemaVersion()).isEqualTo(1);
    assertThat(expected).hasSize(p.length + 1);
    Column id = customers.column("customerID");
    for (int row = 0; row < p.length; row++) {
      String[] cells = expected.get(row + 1).split(",");
      assertThat(id.getString(row)).isEqualTo(cells[0]);
      assertThat(Double.toHexString(p[row])).as(cells[0]).isEqualTo(cells[2]);
    }
  }

  private static Path fixture(String name) throws URISyntaxException {
    return Path.of(SavedChurnModelFixtureTest.class.getResource("/churn-models/" + name).toURI());
  }
}
