package io.marketlens.core.privacy;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The shapes of a person's name. Two tests of different strength: {@link #hasNameShape} (two or
 * three capitalised words of letters, like "Mary Smith" or "José García", used when nothing but the
 * values suggests names) and {@link #isNameLike} (any short run of letter words, or two to four
 * Chinese characters, used when the header already says the column holds names).
 */
final class PersonNames {

  private static final int MAX_LENGTH = 60;

  /** A capitalised word: "Smith", "McDonald", "O'Brien", "Jean-Luc", "García". */
  private static final Pattern WORD =
      Pattern.compile("\\p{Lu}[\\p{L}\\p{M}]*(?:['’-]\\p{Lu}?[\\p{L}\\p{M}]+)*");

  private static final Pattern LOWER = Pattern.compile(".*\\p{Ll}.*");
  private static final Pattern INITIAL = Pattern.compile("\\p{Lu}\\.?");

  /** Lower-case particles inside names ("Ludwig van Beethoven", "Juan de la Cruz"). */
  private static final Set<String> PARTICLES =
      Set.of(
          "al", "bin", "binti", "da", "das", "de", "del", "della", "den", "der", "di", "do", "dos",
          "du", "el", "la", "le", "ten", "ter", "van", "von", "y");

  private static final Pattern LETTER_WORDS =
      Pattern.compile("[\\p{L}\\p{M}]+(?:(?:[ '’.-]|, ?)+[\\p{L}\\p{M}]+){0,4}\\.?");

  /** Two to four Han characters, or a transliterated name with a middle dot (阿沛·阿旺晋美). */
  private static final Pattern HAN = Pattern.compile(".*\\p{IsHan}.*");

  private static final Pattern HAN_NAME =
      Pattern.compile("\\p{IsHan}{2,4}|\\p{IsHan}{1,6}[·•・]\\p{IsHan}{1,10}");

  private PersonNames() {}

  /**
   * Whether the value is two or three capitalised words of letters, optionally with one initial
   * ("John F. Kennedy"), lower-case particles, or a comma after the family name ("Smith, Mary").
   * Words in capitals only ("NEW YORK") do not count.
   */
  static boolean hasNameShape(String value) {
    String s = value.strip();
    if (s.isEmpty() || s.length() > MAX_LENGTH) return false;
    String[] words = s.split(" +");
    int names = 0;
    int initials = 0;
    for (int i = 0; i < words.length; i++) {
      String w = i == 0 && words.length > 1 && words[0].endsWith(",") ? chop(words[0]) : words[i];
      if (WORD.matcher(w).matches() && LOWER.matcher(w).matches()) names++;
      else if (INITIAL.matcher(w).matches() && i > 0 && i < words.length - 1) initials++;
      else if (!PARTICLES.contains(w) || i == 0 || i == words.length - 1) return false;
    }
    return names >= 2 && names <= 3 && initials <= 1;
  }

  /**
   * Whether the value is a short run of letter words in any capitalisation or, when it holds
   * Chinese characters, two to four of them.
   */
  static boolean isNameLike(String value) {
    String s = value.strip();
    if (s.isEmpty() || s.length() > MAX_LENGTH) return false;
    if (HAN.matcher(s).matches()) return HAN_NAME.matcher(s).matches();
    return LETTER_WORDS.matcher(s).matches();
  }

  private static String chop(String s) {
    return s.substring(0, s.length() - 1);
  }
}
