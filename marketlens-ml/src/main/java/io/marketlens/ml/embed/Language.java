package io.marketlens.ml.embed;

/**
 * The language of a text, which decides the encoder that embeds it. Neither encoder separates
 * meanings in the other language, so every text is routed by its own language.
 */
public enum Language {
  /** English (and any text that is not mostly Chinese): bge-small-en-v1.5, 384 dimensions. */
  EN,
  /** Chinese: bge-small-zh-v1.5, 512 dimensions. */
  ZH;

  /**
   * A text is Chinese when at least this share of its letters are Han characters. A Han character
   * carries about as much as a short English word, so the bar sits below one half: "这个product的
   * quality非常好" is Chinese, "I bought the 小米 phone" is English.
   */
  static final double HAN_SHARE_FOR_CHINESE = 0.25;

  /**
   * The language of {@code text}: {@link #ZH} when Han characters make up at least a quarter of its
   * letters, otherwise {@link #EN} (also for text without letters).
   *
   * @throws NullPointerException when text is null
   */
  public static Language detect(String text) {
    int letters = 0;
    int han = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (!Character.isLetter(cp)) continue;
      letters++;
      if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) han++;
    }
    return letters > 0 && han >= HAN_SHARE_FOR_CHINESE * letters ? ZH : EN;
  }
}
