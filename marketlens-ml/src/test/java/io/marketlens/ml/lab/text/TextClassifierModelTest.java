package io.marketlens.ml.lab.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketlens.core.progress.Progress;
import io.marketlens.ml.lab.TrainConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextClassifierModelTest {

  @Test
  void trainedInMemory_rebuiltFromItsParts_scoresBitForBit_oneTextAtATime() throws IOException {
    List<String> lines = Files.readAllLines(TextTestData.sst2(), StandardCharsets.UTF_8);
    List<String> texts = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    for (String l : lines.subList(1, lines.size())) {
      int tab = l.lastIndexOf('\t');
      texts.add(l.substring(0, tab).strip());
      labels.add(Integer.parseInt(l.substring(tab + 1).strip()));
    }
    List<String> train = texts.subList(0, 240);
    int[] y = labels.subList(0, 240).stream().mapToInt(Integer::intValue).toArray();
    List<String> held = texts.subList(240, 300);
    int[] heldY = labels.subList(240, 300).stream().mapToInt(Integer::intValue).toArray();
    TextSettings small =
        new TextSettings(
            "transformer", "auto", true, 1, 32, 16, 2, 1, 32, 0.0, 0.2, 0.0, 0.02, true);
    TrainConfig config =
        TrainConfig.builder()
            .epochs(2)
            .batchSize(32)
            .restoreBest(true)
            .seed(7)
            .device("cpu")
            .build();

    try (TextClassifierModel model =
        TextClassifierModel.train(
            train, y, List.of("negative", "positive"), held, heldY, small, config, Progress.NONE)) {
      assertThat(model.settings().tokens()).isEqualTo("word");
      assertThat(model.training().history()).hasSize(2);
      float[][] all = model.probabilities(held, Progress.NONE);
      float[][] alone = model.probabilities(List.of(held.get(5)), Progress.NONE);
      assertThat(alone[0]).containsExactly(all[5]);

      TextClassifierModel.Parts parts = model.parts();
      assertThat(parts.labels()).containsExactly("negative", "positive");
      try (TextClassifierModel rebuilt = TextClassifierModel.fromParts(parts)) {
        float[][] again = rebuilt.probabilities(held, Progress.NONE);
        for (int i = 0; i < all.length; i++) assertThat(again[i]).containsExactly(all[i]);
      }
    }
  }
}
