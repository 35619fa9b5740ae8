package io.marketlens.core.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The shapes of a phone number: Chinese mobile numbers ({@code 1[3-9]} and nine more digits,
 * optionally after {@code +86}), international numbers ({@code +} and a country code) and national
 * numbers written in groups ({@code (555) 123-4567}, {@code 020 7946 0958}, {@code 010-12345678}).
 *
 * <p>A run of digits without separators is only taken for a phone number when it is a Chinese
 * mobile number or the header says the column holds phone numbers: otherwise it is more likely an
 * amount, an identifier or a code. Grouped numbers that are really dates, decimals,
 * thousands-grouped amounts, ZIP+4 codes, IPv4 addresses or lists of years are rejected.
 */
final class PhoneNumbers {

  static final int MIN_DIGITS = 7;
  static final int MAX_DIGITS = 15;
  static final int MIN_TEXT_DIGITS = 9;
  static final int MIN_INTERNATIONAL_TEXT_DIGITS = 8;

  private static final String CN_PREFIX = "(?:(?:\\+|00)?86[ -]?)?";
  private static final String CN_MOBILE_CORE = "1[3-9]\\d(?:[ -]?\\d{4}){2}";
  private static final Pattern CN_MOBILE = Pattern.compile(CN_PREFIX + CN_MOBILE_CORE);
  private static final Pattern CN_MOBILE_DIGITS = Pattern.compile("1[3-9]\\d{9}");
  private static final Pattern PHONE_CHARACTERS = Pattern.compile("\\+?[0-9 ().-]+");
  private static final Pattern NON_DIGITS = Pattern.compile("[^0-9]+");

  /** Removes digits and a parenthesised area code with the space after it, leaving separators. */
  private static final Pattern SEPARATOR_KINDS = Pattern.compile("^\\(\\d+\\) ?|\\d+");

  private static final Pattern YEAR = Pattern.compile("(?:19|20)\\d\\d");
  private static final Pattern NOT_A_PHONE =
      Pattern.compile(
          String.join(
              "|",
              "\\d{4}[-./ ]\\d{1,2}[-./ ]\\d{1,2}", // 2019-01-05
              "\\d{1,2}[-./ ]\\d{1,2}[-./ ]\\d{4}", // 05.01.2019
              "\\d{5}-\\d{4}", // ZIP+4
              "-?\\d+\\.\\d+", // 12345.678
              "\\d{1,3}(?: \\d{3})+(?:[.,]\\d+)?", // 1 234 567,89
              "\\d{1,3}(?:\\.\\d{3})+(?:,\\d+)?", // 1.234.567,89
              "\\d{1,3}(?:\\.\\d{1,3}){3}")); // 192.168.10.1

  /** A Chinese mobile number inside text. */
  static final Pattern CN_MOBILE_IN_TEXT =
      Pattern.compile(
          "(?<![A-Za-z0-9_+])" + CN_PREFIX + CN_MOBILE_CORE + "(?![A-Za-z0-9_]|[.,-]\\d)");

  /** A candidate international number inside text, to be confirmed. */
  static final Pattern INTERNATIONAL_IN_TEXT =
      Pattern.compile(
          "(?<![A-Za-z0-9_+])\\+\\d{1,3}(?:[ .-]?\\(\\d{1,5}\\))?[ .-]?\\d{1,12}"
              + "(?:[ .-]\\d{1,12}){0,5}(?![A-Za-z0-9_])");

  /** A candidate grouped national number inside text, to be confirmed. */
  static final Pattern NATIONAL_IN_TEXT =
      Pattern.compile(
          "(?<![A-Za-z0-9_.,+/:-])(?:\\(\\d{1,5}\\)[ .-]?|\\d{1,6}[ .-])\\d{1,8}"
              + "(?:[ .-]\\d{1,8}){0,4}(?![A-Za-z0-9_]|[.,/:-]\\d)");

  private PhoneNumbers() {}

  /**
   * Whether a whole value is a phone number of 7 to 15 digits. With {@code hinted} (the header
   * names a phone column) a plain run of digits is enough; without, it must be a Chinese mobile
   * number, start with {@code +}, or be a grouped national number.
   */
  static boolean isPhone(String value, boolean hinted) {
    String s = value.strip();
    if (s.isEmpty() || !PHONE_CHARACTERS.matcher(s).matches()) return false;
    if (CN_MOBILE.matcher(s).matches()) return true;
    int digits = countDigits(s);
    if (digits < MIN_DIGITS || digits > MAX_DIGITS) return false;
    return s.charAt(0) == '+' || hinted || isGroupedNational(s);
  }

  /** Whether a whole value is a Chinese mobile number or an international number ({@code +CC}). */
  static boolean isUnambiguousPhone(String value) {
    String s = value.strip();
    return isPhone(s, false) && (s.charAt(0) == '+' || CN_MOBILE.matcher(s).matches());
  }

  /** Confirms a candidate found by {@link #INTERNATIONAL_IN_TEXT}. */
  static boolean isInternationalInText(String candidate) {
    int digits = countDigits(candidate);
    return digits >= MIN_INTERNATIONAL_TEXT_DIGITS && digits <= MAX_DIGITS;
  }

  /**
   * Confirms a candidate found by {@link #NATIONAL_IN_TEXT}: at least 9 digits, phone grouping, and
   * one separator between the groups after a parenthesised area code, so that a number that merely
   * follows a phone number ("555-123-4567 12 times") is not taken as part of it.
   */
  static boolean isNationalInText(String candidate) {
    return countDigits(candidate) >= MIN_TEXT_DIGITS
        && isGroupedNational(candidate)
        && SEPARATOR_KINDS.matcher(candidate).replaceAll("").chars().distinct().count() <= 1;
  }

  /**
   * The digits of a phone number, without the Chinese country code in front of a mobile number, so
   * that {@code +86 138 1234 5678} and {@code 13812345678} agree.
   */
  static String canonicalDigits(String value) {
    String d = NON_DIGITS.matcher(value).replaceAll("");
    if (d.length() == 15
        && d.startsWith("0086")
        && CN_MOBILE_DIGITS.matcher(d).region(4, 15).matches()) return d.substring(4);
    if (d.length() == 13
        && d.startsWith("86")
        && CN_MOBILE_DIGITS.matcher(d).region(2, 13).matches()) return d.substring(2);
    return d;
  }

  /**
   * Whether digits in two or more groups read as a national phone number: every group after the
   * first has two digits or more, one group has three or more (or the number starts with a trunk 0,
   * as in {@code 06 12 34 56 78}), and it is not one of the number shapes that are not phones.
   */
  private static boolean isGroupedNational(String s) {
    if (countDigits(s) > MAX_DIGITS || NOT_A_PHONE.matcher(s).matches()) return false;
    List<String> groups = new ArrayList<>();
    for (String g : NON_DIGITS.split(s)) if (!g.isEmpty()) groups.add(g);
    if (groups.size() < 2) return false;
    boolean longGroup = false;
    boolean allYears = true;
    for (int i = 0; i < groups.size(); i++) {
      String g = groups.get(i);
      if (i > 0 && g.length() < 2) return false;
      longGroup |= g.length() >= 3;
      allYears &= YEAR.matcher(g).matches();
    }
    return !allYears && (longGroup || groups.get(0).charAt(0) == '0');
  }

  private static int countDigits(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) if (s.charAt(i) >= '0' && s.charAt(i) <= '9') n++;
    return n;
  }
}
