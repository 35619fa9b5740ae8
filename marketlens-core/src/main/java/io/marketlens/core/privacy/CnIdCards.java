package io.marketlens.core.privacy;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * The shape of a Chinese resident ID-card number (GB 11643-1999): 18 characters (a 6-digit region
 * code, the birth date as yyyyMMdd, a 3-digit sequence number and an ISO 7064 MOD 11-2 check
 * character, 0-9 or X), or the older 15 digits (birth date as yyMMdd, no check character). Besides
 * the check character, a valid number must start with a non-zero region digit and hold a real birth
 * date, which keeps random 15- and 18-digit identifiers from passing.
 */
final class CnIdCards {

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
  private static final Pattern SHAPE = Pattern.compile("\\d{17}[0-9Xx]|\\d{15}");
  private static final int FIRST_YEAR = 1800;
  private static final int LAST_YEAR = 2099;

  /** A candidate number inside text, to be confirmed with {@link #isValid}. */
  static final Pattern IN_TEXT =
      Pattern.compile("(?<![A-Za-z0-9_])(?:\\d{17}[0-9Xx]|\\d{15})(?![A-Za-z0-9_])");

  private CnIdCards() {}

  /** Whether the value is a well-formed ID-card number: shape, region digit, birth date, check. */
  static boolean isValid(String value) {
    String s = value.strip();
    if (!SHAPE.matcher(s).matches() || s.charAt(0) == '0') return false;
    if (s.length() == 15)
      return isDate(1900 + number(s, 6, 8), number(s, 8, 10), number(s, 10, 12));
    return isDate(number(s, 6, 10), number(s, 10, 12), number(s, 12, 14))
        && Character.toUpperCase(s.charAt(17)) == checkCharacter(s);
  }

  /** The ISO 7064 MOD 11-2 check character for the first 17 digits of {@code number}. */
  static char checkCharacter(CharSequence number) {
    int sum = 0;
    for (int i = 0; i < WEIGHTS.length; i++) sum += (number.charAt(i) - '0') * WEIGHTS[i];
    return CHECK[sum % 11];
  }

  private static boolean isDate(int year, int month, int day) {
    if (year < FIRST_YEAR || year > LAST_YEAR) return false;
    try {
      LocalDate.of(year, month, day);
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  private static int number(String s, int from, int to) {
    return Integer.parseInt(s, from, to, 10);
  }
}
