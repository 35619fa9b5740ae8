package io.marketlens.core.privacy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds e-mail addresses, phone numbers and Chinese ID-card numbers inside free text and replaces
 * them, leaving the rest of the text as it was.
 *
 * <p>Phone numbers in text are Chinese mobile numbers, international numbers ({@code +} and 8 to 15
 * digits) and national numbers written in groups with at least 9 digits; prices, years, dates,
 * amounts and other short numbers are left alone. Where finds overlap, e-mail addresses win over
 * ID-card numbers, which win over phone numbers ({@code 13812345678@qq.com} is one address).
 */
final class TextScanner {

  /** One find: characters {@code [start, end)} of the text hold personal data of {@code kind}. */
  record Span(int start, int end, PiiKind kind) {}

  private static final int CN_ID_DIGITS = 15;
  private static final int CN_MOBILE_DIGITS = 11;

  private TextScanner() {}

  /** The finds in {@code text}, in order, without overlaps. */
  static List<Span> find(String text) {
    List<Span> spans = new ArrayList<>();
    Clues clues = Clues.of(text);
    if (clues.at) add(spans, text, Emails.IN_TEXT, PiiKind.EMAIL, s -> true);
    if (clues.longestRun >= CN_ID_DIGITS)
      add(spans, text, CnIdCards.IN_TEXT, PiiKind.CN_ID_CARD, CnIdCards::isValid);
    if (clues.digits >= CN_MOBILE_DIGITS)
      add(spans, text, PhoneNumbers.CN_MOBILE_IN_TEXT, PiiKind.PHONE, s -> true);
    if (clues.plus && clues.digits >= PhoneNumbers.MIN_INTERNATIONAL_TEXT_DIGITS) {
      add(
          spans,
          text,
          PhoneNumbers.INTERNATIONAL_IN_TEXT,
          PiiKind.PHONE,
          PhoneNumbers::isInternationalInText);
    }
    if (clues.digits >= PhoneNumbers.MIN_TEXT_DIGITS)
      add(
          spans,
          text,
          PhoneNumbers.NATIONAL_IN_TEXT,
          PiiKind.PHONE,
          PhoneNumbers::isNationalInText);
    spans.sort(Comparator.comparingInt(Span::start));
    return spans;
  }

  /**
   * {@code text} with every find replaced by {@code replacement.apply(kind, found)}; the same
   * instance when there is nothing to replace.
   */
  static String replace(String text, BiFunction<PiiKind, String, String> replacement) {
    List<Span> spans = find(text);
    if (spans.isEmpty()) return text;
    StringBuilder out = new StringBuilder(text.length());
    int at = 0;
    for (Span s : spans) {
      out.append(text, at, s.start());
      out.append(replacement.apply(s.kind(), text.substring(s.start(), s.end())));
      at = s.end();
    }
    return out.append(text, at, text.length()).toString();
  }

  /**
   * What one pass over the text says about which patterns can match at all, so that most text (no
   * '@', few digits) skips the regular expressions.
   */
  private static final class Clues {
    boolean at;
    boolean plus;
    int digits;
    int longestRun;

    static Clues of(String text) {
      Clues c = new Clues();
      int run = 0;
      for (int i = 0; i < text.length(); i++) {
        char ch = text.charAt(i);
        if (isAsciiDigit(ch)) {
          c.digits++;
          c.longestRun = Math.max(c.longestRun, ++run);
          continue;
        }
        run = 0;
        if (ch == '@') c.at = true;
        else if (ch == '+') c.plus = true;
      }
      return c;
    }
  }

  /**
   * Adds the confirmed finds of {@code pattern} that overlap no earlier find. A candidate that
   * fails confirmation is retried without its last group of digits, so that a number followed by an
   * unrelated one ("call 555-123-4567 2 times") is still found.
   */
  private static void add(
      List<Span> spans, String text, Pattern pattern, PiiKind kind, Predicate<String> confirm) {
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      int end = m.end();
      while (end > m.start() && !confirm.test(text.substring(m.start(), end))) {
        end = withoutLastGroup(text, m.start(), end);
      }
      if (end > m.start() && !overlaps(spans, m.start(), end)) {
        spans.add(new Span(m.start(), end, kind));
      }
    }
  }

  /**
   * The end of {@code text[start, end)} once its last run of digits and separators before it go.
   */
  private static int withoutLastGroup(String text, int start, int end) {
    int i = end;
    while (i > start && isAsciiDigit(text.charAt(i - 1))) i--;
    while (i > start && !isAsciiDigit(text.charAt(i - 1))) i--;
    return i;
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean overlaps(List<Span> spans, int start, int end) {
    for (Span s : spans) if (start < s.end() && s.start() < end) return true;
    return false;
  }
}
