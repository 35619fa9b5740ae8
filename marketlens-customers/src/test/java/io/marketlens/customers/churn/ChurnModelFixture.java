package io.marketlens.customers.churn;

import io.marketlens.core.table.Column;
import io.marketlens.core.table.Table;
import io.marketlens.customers.features.CustomerSlices;
import io.marketlens.ml.lab.ModelStore;
import io.marketlens.ml.tabular.BinaryClassifier;
import io.marketlens.ml.tabular.Classifiers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the saved churn models kept in {@code src/test/resources/churn-models/} (see the README
 * there): for each classifier named in the arguments, the model trained on the Telco slice with
 * seed 42 and only that candidate, and {@code expected.csv} with the probability the analysis gave
 * each customer. Run once per model format; {@link SavedChurnModelFixtureTest} then checks that
 * every later build still reads them to the same probabilities.
 */
public final class ChurnModelFixture {

  /** The file of recorded probabilities beside each model. */
  static final String EXPECTED = "expected.csv";

  private ChurnModelFixture() {}

  /** Arguments: the output folder, then classifier names. */
  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    Table customers = CustomerSlices.telco();
    for (int i = 1; i < args.length; i++) {
      ChurnOptions options =
          ChurnOptions.defaults("customerID", "Churn")
              .withCandidates(List.<BinaryClassifier>of(Classifiers.named(args[i])));
      ChurnResult r = ChurnAnalysis.run(customers, options);
      Path dir = out.resolve(args[i]);
      SavedChurnModel.save(
          r, dir, "telco_slice.csv", ModelStore.sha256(CustomerSlices.path("telco_slice.csv")));
      double[] p = r.score(customers);
      Column id = customers.column("customerID");
      StringBuilder csv = new StringBuilder("customerID,probability,hex\n");
      for (int row = 0; row < p.length; row++) {
        csv.append(id.getString(row))
            .append(',')
            .append(p[row])
            .append(',')
            .append(Double.toHexString(p[row]))
            .append('\n');
      }
      Files.writeString(dir.resolve(EXPECTED), csv, StandardCharsets.UTF_8);
    }
  }
}
