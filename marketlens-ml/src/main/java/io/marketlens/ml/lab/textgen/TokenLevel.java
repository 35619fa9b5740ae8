package io.marketlens.ml.lab.textgen;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one token of a language model is: a character (Unicode code point) or a word.
 *
 * <p>Word level splits text into runs of letters and digits (with inner apostrophes, as in {@code
 * don't}), single punctuation characters and line breaks; spaces and tabs separate tokens and are
 * not tokens themselves. Generated words are joined with one space, without a space before closing
 * punctuation or around line breaks, so the spacing of the original text is only approximated.
 */
public enum TokenLevel {
  /** One Unicode code point per token. */
  CHAR,
  /** Words, punctuation marks and line breaks. */
  WORD;

  private static final Pattern WORD_TOKEN =
      Pattern.compile("\\n|[\\p{L}\\p{N}\\p{M}]+(?:'[\\p{L}\\p{N}\\p{M}]+)*|[^\\s]");

  private static final String NO_SPACE_BEFORE = ".,;:!?)]}";
  private static final String NO_SPACE_AFTER = "([{";

  /** The lower-case name used on the command line and in the metadata. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** {@code char} or {@code word}; null for anything else. */
  public static TokenLevel parse(String s) {
    for (TokenLevel l : values()) if (l.id().equalsIgnoreCase(s)) return l;
    return null;
  }

  /** The tokens of {@code text}, in order. */
  public List<String> tokenize(String text) {
    List<String> out = new ArrayList<>();
    if (this == CHAR) {
      text.codePoints().forEach(cp -> out.add(new String(Character.toChars(cp))));
      return out;
    }
    Matcher m = WORD_TOKEN.matcher(text);
    while (m.find()) out.add(m.group());
    return out;
  }

  /**
   * Joins tokens back into text. {@code afterPrevious} is the token before the first one (null at
   * the start of the text), which decides whether a separating space comes first.
   */
  public String join(List<String> tokens, String afterPrevious) {
    StringBuilder sb = new StringBuilder();
    String prev = afterPrevious;
    for (String t : tokens) {
      if (this == WORD && prev != null && needsSpace(prev, t)) sb.append(' ');
      sb.append(t);
      prev = t;
    }
    return sb.toString();
  }

  private static boolean needsSpace(String prev, String next) {
    if (prev.equals("\n") || next.equals("\n")) return false;
    if (next.length() == 1 && NO_SPACE_BEFORE.indexOf(next.charAt(0)) >= 0) return false;
    return !(prev.length() == 1 && NO_SPACE_AFTER.indexOf(prev.charAt(0)) >= 0);
  }
}
