package io.marketlens.core.io;

/**
 * Recognises the date and date-time formats that type inference accepts, straight from characters.
 * A value is a date part in one of the {@link Family families}, optionally followed by a space or
 * {@code T} and a time {@code H:mm}, {@code H:mm:ss} or {@code H:mm:ss.fff}, optionally ending in
 * {@code Z}. Fractions of a second are dropped.
 *
 * <p>{@link #parse} packs the fields into one {@code long} so that a column can be scanned once to
 * find its family and day/month order, then converted without parsing again. Not thread-safe.
 */
final class DateShapes {

  /** The date part's layout; the day/month order of {@code SLASH} is decided per column. */
  enum Family {
    YMD_DASH("yyyy-MM-dd"),
    YMD_SLASH("yyyy/MM/dd"),
    SLASH("dd/MM/yyyy or MM/dd/yyyy"),
    DMY_DOT("dd.MM.yyyy"),
    DMY_DASH("dd-MM-yyyy"),
    YEAR_MONTH("yyyy-MM");

    final String pattern;

    Family(String pattern) {
      this.pattern = pattern;
    }
  }

  static final long NONE = -1;
  private static final Family[] FAMILIES = Family.values();

  private int pos;

  /**
   * Parses {@code b[s..e)} (trimmed) into a packed value, or {@link #NONE}. Fields are not range
   * checked here; {@link #epochSecond} does that.
   */
  long parse(char[] b, int s, int e) {
    int len = e - s;
    if ((len == 10 || len == 16 || len == 19) && b[s + 4] == '-' && b[s + 7] == '-') {
      long p = iso(b, s, len);
      if (p != NONE) return p;
    }
    pos = s;
    int first = digits(b, e, 4);
    int firstLen = pos - s;
    if (first < 0 || pos >= e) return NONE;
    char sep = b[pos];
    if (sep != '-' && sep != '/' && sep != '.') return NONE;
    pos++;
    int second = digits(b, e, 2);
    if (second < 0) return NONE;
    Family family;
    int year;
    int a;
    int c;
    if (firstLen == 4) {
      year = first;
      a = second;
      if (pos == e && sep == '-' && pos - s == 7)
        return pack(Family.YEAR_MONTH, year, a, 1, 0, false);
      if (sep == '.' || pos >= e || b[pos] != sep) return NONE;
      pos++;
      c = digits(b, e, 2);
      if (c < 0) return NONE;
      family = sep == '-' ? Family.YMD_DASH : Family.YMD_SLASH;
    } else if (firstLen <= 2) {
      a = first;
      c = second;
      if (pos >= e || b[pos] != sep) return NONE;
      pos++;
      int yearStart = pos;
      year = digits(b, e, 4);
      if (year < 0 || pos - yearStart != 4) return NONE;
      family = sep == '/' ? Family.SLASH : sep == '.' ? Family.DMY_DOT : Family.DMY_DASH;
    } else {
      return NONE;
    }
    if (pos == e) return pack(family, year, a, c, 0, false);
    if (b[pos] != ' ' && b[pos] != 'T') return NONE;
    pos++;
    int seconds = time(b, e);
    return seconds < 0 ? NONE : pack(family, year, a, c, seconds, true);
  }

  /** The fixed-width ISO forms yyyy-MM-dd[( |T)HH:mm[:ss]], parsed by position; else NONE. */
  private static long iso(char[] b, int s, int len) {
    int year = digit(b, s) * 1000 + digit(b, s + 1) * 100 + digit(b, s + 2) * 10 + digit(b, s + 3);
    int month = digit(b, s + 5) * 10 + digit(b, s + 6);
    int day = digit(b, s + 8) * 10 + digit(b, s + 9);
    if ((year | month | day) < 0) return NONE;
    if (len == 10) return pack(Family.YMD_DASH, year, month, day, 0, false);
    char t = b[s + 10];
    if ((t != ' ' && t != 'T') || b[s + 13] != ':') return NONE;
    int h = digit(b, s + 11) * 10 + digit(b, s + 12);
    int m = digit(b, s + 14) * 10 + digit(b, s + 15);
    int sec = 0;
    if (len == 19) {
      if (b[s + 16] != ':') return NONE;
      sec = digit(b, s + 17) * 10 + digit(b, s + 18);
    }
    if ((h | m | sec) < 0 || h > 23 || m > 59 || sec > 59) return NONE;
    return pack(Family.YMD_DASH, year, month, day, h * 3600 + m * 60 + sec, true);
  }

  /** The digit at {@code b[i]}, or a large negative number when it is not one. */
  private static int digit(char[] b, int i) {
    int d = b[i] - '0';
    return d >= 0 && d <= 9 ? d : -100_000;
  }

  /** Seconds of the day of {@code H:mm[:ss[.fff]][Z]} ending at {@code e}, or -1. */
  private int time(char[] b, int e) {
    int h = digits(b, e, 2);
    if (h < 0 || pos >= e || b[pos] != ':') return -1;
    pos++;
    int mStart = pos;
    int m = digits(b, e, 2);
    if (m < 0 || pos - mStart != 2) return -1;
    int sec = 0;
    if (pos < e && b[pos] == ':') {
      pos++;
      int sStart = pos;
      sec = digits(b, e, 2);
      if (sec < 0 || pos - sStart != 2) return -1;
      if (pos < e && b[pos] == '.') {
        pos++;
        if (digits(b, e, 9) < 0) return -1;
      }
    }
    if (pos < e && b[pos] == 'Z') pos++;
    if (pos != e || h > 23 || m > 59 || sec > 59) return -1;
    return h * 3600 + m * 60 + sec;
  }

  /** Reads 1 to {@code max} digits at {@code pos}; -1 when there are none. */
  private int digits(char[] b, int e, int max) {
    int v = 0;
    int start = pos;
    while (pos < e && pos - start < max) {
      int d = b[pos] - '0';
      if (d < 0 || d > 9) break;
      v = v * 10 + d;
      pos++;
    }
    return pos == start ? -1 : v;
  }

  private static long pack(Family f, int year, int a, int c, int seconds, boolean hasTime) {
    return ((long) f.ordinal() << 60)
        | (hasTime ? 1L << 59 : 0)
        | ((long) year << 40)
        | ((long) a << 32)
        | ((long) c << 24)
        | seconds;
  }

  static Family family(long packed) {
    return FAMILIES[(int) (packed >>> 60)];
  }

  static boolean hasTime(long packed) {
    return (packed & (1L << 59)) != 0;
  }

  /** The first number of the date part after the year, or the first number of a SLASH date. */
  static int first(long packed) {
    return (int) (packed >>> 32) & 0xff;
  }

  static int second(long packed) {
    return (int) (packed >>> 24) & 0xff;
  }

  /**
   * Seconds since 1970-01-01T00:00 of a packed value, or {@link Long#MIN_VALUE} when the day or
   * month is out of range.
   *
   * @param dayFirst for {@link Family#SLASH}: whether the first number is the day
   */
  static long epochSecond(long packed, boolean dayFirst) {
    Family f = family(packed);
    int year = (int) (packed >>> 40) & 0x3fff;
    int a = first(packed);
    int c = second(packed);
    int month;
    int day;
    if (f == Family.YMD_DASH || f == Family.YMD_SLASH || f == Family.YEAR_MONTH) {
      month = a;
      day = c;
    } else if (f == Family.SLASH && !dayFirst) {
      month = a;
      day = c;
    } else {
      day = a;
      month = c;
    }
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return Long.MIN_VALUE;
    return epochDay(year, month, day) * 86_400L + (packed & 0xffffff);
  }

  private static int daysInMonth(int year, int month) {
    if (month == 2) return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
    return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
  }

  /** Days since 1970-01-01 (the civil-from-days inverse of H. Hinnant's algorithm). */
  static long epochDay(int year, int month, int day) {
    long y = month <= 2 ? year - 1 : year;
    long era = Math.floorDiv(y, 400);
    long yoe = y - era * 400;
    long doy = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146_097 + doe - 719_468;
  }
}
