package io.marketlens.customers.churn;

import java.nio.file.Path;

/**
 * Loads saved churn models and prints each one's probabilities for a customers file, one {@link
 * Double#toHexString} per line, then {@code --}: arguments are pairs of model directory and file.
 * Run by the tests in a fresh JVM.
 */
public final class ScoreSavedChurnModel {

  private ScoreSavedChurnModel() {}

  public static void main(String[] args) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i + 1 < args.length; i += 2) {
      SavedChurnModel model = SavedChurnModel.load(Path.of(args[i]));
      for (double p : model.score(model.read(Path.of(args[i + 1])))) {
        out.append(Double.toHexString(p)).append('\n');
      }
      out.append("--\n");
    }
    System.out.print(out);
  }
}
