package io.marketlens.market.claims;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Cuts marketing text into claims: one per sentence or bullet. Sentences end at {@code . ! ? ;}
 * followed by a space (so "1.5 kg" and "v2.0" stay whole, and abbreviations such as "e.g.", "U.S."
 * and "No." do not end one), at Chinese {@code 。！？；} and at line breaks. Bullets and list numbers
 * at the start of a line are dropped, as are pieces without a letter or digit, and repeats.
 */
final class ClaimSplitter {

  private static final Pattern BULLET =
      Pattern.compile("^\\s*(?:[-*•·▪►✓✔–—]+|\\(?\\d{1,2}[.)、]|[（(]\\d{1,2}[)）])\\s*");
  private static final Set<String> ABBREVIATIONS =
      Set.of("etc", "vs", "approx", "incl", "no", "mr", "mrs", "dr", "st", "inc");

  private ClaimSplitter() {}

  static List<String> split(String text) {
    Set<String> claims = new LinkedHashSet<>();
    for (String line : text.split("\\R")) {
      String body = BULLET.matcher(line).replaceFirst("");
      for (String sentence : sentences(body)) {
        String s = sentence.strip();
        if (hasLetterOrDigit(s)) claims.add(s);
      }
    }
    return new ArrayList<>(claims);
  }

  private static List<String> sentences(String line) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      boolean end;
      if (c == '。' || c == '！' || c == '？' || c == '；') {
        end = true;
      } else if (c == '.' || c == '!' || c == '?' || c == ';') {
        boolean spaceAfter = i + 1 >= line.length() || Character.isWhitespace(line.charAt(i + 1));
        end = spaceAfter && !(c == '.' && abbreviationBefore(line, i));
      } else {
        end = false;
      }
      if (end) {
        // Keep runs such as "!!" or "?!" with their sentence.
        while (i + 1 < line.length() && "。！？；.!?;".indexOf(line.charAt(i + 1)) >= 0) i++;
        out.add(line.substring(start, i + 1));
        start = i + 1;
      }
    }
    if (start < line.length()) out.add(line.substring(start));
    return out;
  }

  private static boolean abbreviationBefore(String line, int dot) {
    int from = dot;
    while (from > 0 && (Character.isLetter(line.charAt(from - 1)) || line.charAt(from - 1) == '.'))
      from--;
    String word = line.substring(from, dot).toLowerCase(Locale.ROOT);
    return word.length() == 1 || word.indexOf('.') >= 0 || ABBREVIATIONS.contains(word);
  }

  private static boolean hasLetterOrDigit(String s) {
    return s.codePoints().anyMatch(Character::isLetterOrDigit);
  }
}
