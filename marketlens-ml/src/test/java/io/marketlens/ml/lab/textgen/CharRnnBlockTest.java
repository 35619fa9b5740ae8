package io.marketlens.ml.lab.textgen;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CharRnnBlockTest {

  /** The peer's sizes (65 characters, embedding 64, hidden 256) and parameter counts. */
  @ParameterizedTest
  @CsvSource({"GRU, 268161", "LSTM, 350593"})
  void sameSizesAndPyTorchDefaultInitialisation(CharRnnBlock.Architecture arch, long params) {
    List<String> chars = new ArrayList<>();
    for (int i = 0; i < 65; i++) chars.add(String.valueOf((char) ('A' + i)));
    try (LanguageModel m =
        LanguageModel.create(arch, Vocabulary.ofChars(chars), 64, 256, 100, 42, Device.cpu())) {
      assertThat(m.parameterCount()).isEqualTo(params);
      double bound = 1 / Math.sqrt(256);
      for (var p : m.block().getParameters()) {
        float[] w = p.getValue().getArray().toFloatArray();
        double sum = 0;
        double sq = 0;
        double max = 0;
        for (float f : w) {
          sum += f;
          sq += (double) f * f;
          max = Math.max(max, Math.abs(f));
        }
        double std = Math.sqrt(sq / w.length - Math.pow(sum / w.length, 2));
        if (p.getKey().equals("embedding")) {
          // N(0, 1), as torch.nn.Embedding
          assertThat(std).as(p.getKey()).isCloseTo(1.0, Offset.offset(0.05));
        } else {
          // U(-1/sqrt(H), 1/sqrt(H)) for every recurrent and output weight and bias
          assertThat(max).as(p.getKey()).isLessThanOrEqualTo(bound);
          assertThat(std).as(p.getKey()).isCloseTo(bound / Math.sqrt(3), Offset.offset(0.006));
        }
      }
    }
  }
}
