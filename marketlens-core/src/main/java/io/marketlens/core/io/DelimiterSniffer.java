package io.marketlens.core.io;

/**
 * Guesses the field delimiter of delimited text from its first records. For each candidate (comma,
 * semicolon, tab, pipe) it counts the fields of up to 50 records, ignoring delimiters inside double
 * quotes. A candidate is consistent when every record has the same number of fields, more than one.
 * The consistent candidate with the most fields wins (ties go to the earlier candidate); when none
 * is consistent, the one whose most common field count covers the most records wins, and a comma
 * when nothing splits at all.
 */
final class DelimiterSniffer {

  private static final char[] CANDIDATES = {',', ';', '\t', '|'};
  private static final int MAX_RECORDS = 50;

  private DelimiterSniffer() {}

  /**
   * The best delimiter for {@code sample}, which holds whole records (a cut last one is ignored).
   */
  static char sniff(String sample, boolean complete) {
    char best = ',';
    double bestScore = 0;
    for (char d : CANDIDATES) {
      double score = score(fieldCounts(sample, d, complete));
      if (score > bestScore) {
        bestScore = score;
        best = d;
      }
    }
    return best;
  }

  /** The best candidate other than {@code given} that splits every record consistently, or 0. */
  static char consistentAlternative(String sample, char given, boolean complete) {
    char best = 0;
    int bestFields = 1;
    for (char d : CANDIDATES) {
      if (d == given) continue;
      int[] counts = fieldCounts(sample, d, complete);
      if (isConsistent(counts) && counts[0] > bestFields) {
        bestFields = counts[0];
        best = d;
      }
    }
    return best;
  }

  /** The number of fields of the first record when split by {@code d}. */
  static int headerFields(String sample, char d) {
    int[] counts = fieldCounts(sample, d, true);
    return counts.length == 0 ? 0 : counts[0];
  }

  /**
   * Consistent candidates score 1000 + their field count, so they beat any inconsistent one, which
   * scores the share of records having its most common count (only when that count exceeds one).
   */
  private static double score(int[] counts) {
    if (counts.length == 0) return 0;
    if (isConsistent(counts)) return 1000 + counts[0];
    int bestCount = 0;
    int bestFreq = 0;
    for (int c : counts) {
      int freq = 0;
      for (int o : counts) if (o == c) freq++;
      if (freq > bestFreq) {
        bestFreq = freq;
        bestCount = c;
      }
    }
    return bestCount > 1 ? (double) bestFreq / counts.length : 0;
  }

  private static boolean isConsistent(int[] counts) {
    if (counts.length == 0 || counts[0] < 2) return false;
    for (int c : counts) if (c != counts[0]) return false;
    return true;
  }

  /** Fields per record for the first records; blank lines are skipped. */
  private static int[] fieldCounts(String s, char d, boolean complete) {
    int[] counts = new int[MAX_RECORDS];
    int n = 0;
    int fields = 1;
    boolean inQuotes = false;
    boolean atFieldStart = true;
    boolean empty = true;
    int len = s.length();
    for (int i = 0; i < len && n < MAX_RECORDS; i++) {
      char c = s.charAt(i);
      if (inQuotes) {
        if (c == '"') {
          if (i + 1 < len && s.charAt(i + 1) == '"') i++;
          else inQuotes = false;
        }
        continue;
      }
      if (c == '"' && atFieldStart) {
        inQuotes = true;
        atFieldStart = false;
        empty = false;
      } else if (c == d) {
        fields++;
        atFieldStart = true;
        empty = false;
      } else if (c == '\n' || c == '\r') {
        if (!empty) counts[n++] = fields;
        if (c == '\r' && i + 1 < len && s.charAt(i + 1) == '\n') i++;
        fields = 1;
        atFieldStart = true;
        empty = true;
      } else {
        atFieldStart = false;
        empty = false;
      }
    }
    if (!empty && n < MAX_RECORDS && complete && !inQuotes) counts[n++] = fields;
    return java.util.Arrays.copyOf(counts, n);
  }
}
