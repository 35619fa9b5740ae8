package io.marketlens.ml.lab.textgen;

import java.util.List;

/**
 * Generated text.
 *
 * @param prompt the prompt as given
 * @param continuation the generated text after the prompt (word level: joined with spaces)
 * @param generatedTokens how many tokens were drawn
 * @param unknownWords word level: prompt words the vocabulary lacks, fed to the model as {@code
 *     <unk>} (empty at character level, where unknown characters are an error)
 * @param seconds time spent feeding the prompt and drawing the tokens (model loading excluded)
 */
public record Generation(
    String prompt,
    String continuation,
    int generatedTokens,
    List<String> unknownWords,
    double seconds) {

  public Generation {
    unknownWords = List.copyOf(unknownWords);
  }

  /** The prompt followed by the continuation. */
  public String text() {
    return prompt + continuation;
  }
}
