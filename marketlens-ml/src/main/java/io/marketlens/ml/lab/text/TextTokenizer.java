package io.marketlens.ml.lab.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a text into tokens: every character for Chinese (CJK) text, lower-cased words and single
 * punctuation marks ({@code \w+|[^\w\s]}) for English and other space-separated languages.
 * Optionally the adjacent pairs (bigrams) of those tokens follow the tokens themselves, as extra
 * tokens of the same sequence.
 *
 * @param mode characters or words
 * @param bigrams whether adjacent token pairs are appended after the tokens
 */
public record TextTokenizer(Mode mode, boolean bigrams) {

  /** What a token is. */
  public enum Mode {
    /** Every Unicode code point, as written (no lower-casing), spaces included. */
    CHAR,
    /** Lower-cased runs of word characters, and every other non-space character on its own. */
    WORD;

    /** The lower-case name used in options and metadata. */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The mode called {@code id} ({@code char} or {@code word}), or null for another name. */
    public static Mode of(String id) {
      for (Mode m : values()) if (m.id().equals(id)) return m;
      return null;
    }
  }

  /** Share of CJK letters among all letters from which a corpus is tokenised by character. */
  public static final double CJK_SHARE_FOR_CHARS = 0.3;

  private static final Pattern WORD =
      Pattern.compile("\\w+|[^\\w\\s]", Pattern.UNICODE_CHARACTER_CLASS);

  public TextTokenizer {
    if (mode == null) throw new IllegalArgumentException("mode is required");
  }

  /**
   * The mode a corpus calls for: {@link Mode#CHAR} when at least {@link #CJK_SHARE_FOR_CHARS} of
   * its letters are Chinese, Japanese or Korean, else {@link Mode#WORD}.
   */
  public static Mode detect(List<String> texts) {
    long letters = 0;
    long cjk = 0;
    for (String t : texts) {
      if (t == null) continue;
      for (int i = 0; i < t.length(); ) {
        int cp = t.codePointAt(i);
        i += Character.charCount(cp);
        if (!Character.isLetter(cp)) continue;
        letters++;
        if (isCjk(cp)) cjk++;
      }
    }
    return letters > 0 && cjk >= CJK_SHARE_FOR_CHARS * letters ? Mode.CHAR : Mode.WORD;
  }

  /** Whether {@code codePoint} is written in a CJK script (Han, kana, Hangul). */
  static boolean isCjk(int codePoint) {
    Character.UnicodeScript s = Character.UnicodeScript.of(codePoint);
    return s == Character.UnicodeScript.HAN
        || s == Character.UnicodeScript.HIRAGANA
        || s == Character.UnicodeScript.KATAKANA
        || s == Character.UnicodeScript.HANGUL;
  }

  /** The tokens of {@code text} (none for null or empty text), then their bigrams if enabled. */
  public List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    if (text == null || text.isEmpty()) return out;
    if (mode == Mode.CHAR) {
      for (int i = 0; i < text.length(); ) {
        int cp = text.codePointAt(i);
        int n = Character.charCount(cp);
        out.add(text.substring(i, i + n));
        i += n;
      }
    } else {
      Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
      while (m.find()) out.add(m.group());
    }
    if (bigrams) {
      int n = out.size();
      String sep = mode == Mode.CHAR ? "" : " ";
      for (int i = 0; i + 1 < n; i++) {
        String a = out.get(i);
        String b = out.get(i + 1);
        if (mode == Mode.CHAR && (a.isBlank() || b.isBlank())) continue;
        out.add(a + sep + b);
      }
    }
    return out;
  }
}
