package io.marketlens.core.io;

import io.marketlens.core.validate.InvalidInputException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;

/**
 * The cells of one column being converted: their raw text, which of them are missing, trimming, and
 * errors and warnings that name the column and the row. A cell is missing when it is blank (only
 * whitespace, a lone space included) or, after trimming, equals one of the missing tokens.
 *
 * <p>Not thread-safe: one converter thread owns it.
 */
final class Cells {

  final String name;
  final RowNumbers rows;
  private final CharColumn column;
  private final char[] data;
  private final char[][] tokens;

  /** Bit sets of the tokens' lengths and first characters (mod 64), to rule most cells out fast. */
  private final long tokenLengths;

  private final long tokenFirstChars;
  private final BitSet missing = new BitSet();
  private final List<String> warnings = new ArrayList<>();

  /** Cells below this index have been classified as missing or present. */
  private int scanned;

  /** Start and end of the last cell trimmed by {@link #trim(int)}. */
  int ts;

  int te;

  Cells(CharColumn column, String name, Set<String> missingTokens, RowNumbers rows) {
    this.column = column;
    this.data = column.data();
    this.name = name;
    this.rows = rows;
    this.tokens = new char[missingTokens.size()][];
    long lengths = 0;
    long firsts = 0;
    int k = 0;
    for (String t : missingTokens) {
      char[] c = t.trim().toCharArray();
      tokens[k++] = c;
      lengths |= 1L << Math.min(63, c.length);
      if (c.length > 0) firsts |= 1L << c[0];
    }
    this.tokenLengths = lengths;
    this.tokenFirstChars = firsts;
  }

  int size() {
    return column.size();
  }

  char[] data() {
    return data;
  }

  /** The missing cells (all classified, so call it once conversion is done). */
  BitSet missing() {
    while (scanned < size()) classify(scanned++);
    return missing;
  }

  /**
   * The first non-missing row at or after {@code i}, or {@link #size()} when none; its trimmed
   * bounds are left in {@link #ts} and {@link #te}. Cells are classified as missing on the way, so
   * the first pass over a column also finds its missing values.
   */
  int nextPresent(int i) {
    int n = size();
    while (scanned < i) classify(scanned++);
    while (i < n) {
      if (i < scanned) {
        i = missing.nextClearBit(i);
        if (i < scanned) {
          trim(i);
          return i;
        }
        continue;
      }
      scanned++;
      if (!classify(i)) return i;
      i++;
    }
    return n;
  }

  int start(int i) {
    return column.start(i);
  }

  int end(int i) {
    return column.end(i);
  }

  /** Sets {@link #ts} and {@link #te} to the bounds of cell {@code i} without outer whitespace. */
  void trim(int i) {
    int s = column.start(i);
    int e = column.end(i);
    while (s < e && isBlank(data[s])) s++;
    while (e > s && isBlank(data[e - 1])) e--;
    ts = s;
    te = e;
  }

  /** The trimmed text of cell {@code i}. */
  String text(int i) {
    trim(i);
    return new String(data, ts, te - ts);
  }

  /** Whether the trimmed cell last passed to {@link #trim(int)} equals {@code s}. */
  boolean trimmedEquals(String s) {
    if (s.length() != te - ts) return false;
    for (int k = ts; k < te; k++) if (data[k] != s.charAt(k - ts)) return false;
    return true;
  }

  /** An error about cell {@code i}, its value already filled in as what was found. */
  InvalidInputException.Builder error(int i) {
    return rows.at(i, name).found(column.cell(i));
  }

  void warn(String message) {
    warnings.add("column '" + name + "': " + message);
  }

  List<String> warnings() {
    return warnings;
  }

  /** Trims cell {@code i} and marks it when missing; returns whether it is. */
  private boolean classify(int i) {
    trim(i);
    if (ts == te || isToken()) {
      missing.set(i);
      return true;
    }
    return false;
  }

  private boolean isToken() {
    int len = te - ts;
    if ((tokenLengths & (1L << Math.min(63, len))) == 0) return false;
    if ((tokenFirstChars & (1L << data[ts])) == 0) return false;
    for (char[] t : tokens) {
      if (t.length != len) continue;
      int j = 0;
      while (j < len && t[j] == data[ts + j]) j++;
      if (j == len) return true;
    }
    return false;
  }

  static boolean isBlank(char c) {
    return c <= ' ' || c == '\u00a0' || c == '\u3000' || c == '\ufeff';
  }
}
