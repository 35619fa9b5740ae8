package io.marketlens.voc.sentiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads a saved sentiment model and prints the probability positive of each line of a UTF-8 text
 * file, one per line, as the hexadecimal bits of the double: what a new process makes of a model.
 * Arguments: the model directory, the texts file.
 */
public final class ScoreWithSavedModel {

  private ScoreWithSavedModel() {}

  public static void main(String[] args) throws IOException {
    List<String> texts = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8);
    try (SentimentModel model = SentimentModel.load(Path.of(args[0]))) {
      StringBuilder out = new StringBuilder();
      for (double p : model.score(texts)) {
        out.append(Long.toHexString(Double.doubleToRawLongBits(p))).append('\n');
      }
      System.out.print(out);
    }
  }
}
