package io.marketlens.core.io;

import java.util.Arrays;

/**
 * The raw text of one column while a file is being read: every cell's characters back to back in
 * one growable array, with the end offset of each cell. Reading cells this way creates no {@code
 * String} per cell, so numeric and date columns are parsed straight from the characters.
 *
 * <p>Not thread-safe: one reader thread fills it, then one converter thread reads it.
 */
final class CharColumn {

  private static final int MAX_ARRAY = Integer.MAX_VALUE - 16;

  private char[] data;
  private int length;
  private int[] ends;
  private int count;

  CharColumn(int charCapacity, int cellCapacity) {
    data = new char[Math.max(16, charCapacity)];
    ends = new int[Math.max(4, cellCapacity)];
  }

  /** Grows the arrays to hold at least {@code chars} characters and {@code cells} cells. */
  void reserve(long chars, long cells) {
    if (chars > data.length) data = Arrays.copyOf(data, (int) Math.min(chars, MAX_ARRAY));
    if (cells > ends.length) ends = Arrays.copyOf(ends, (int) Math.min(cells, MAX_ARRAY));
  }

  /** Appends {@code len} characters to the cell being built. */
  void append(char[] src, int off, int len) {
    if (length + len > data.length) growData(len);
    System.arraycopy(src, off, data, length, len);
    length += len;
  }

  void append(char c) {
    if (length == data.length) growData(1);
    data[length++] = c;
  }

  void append(String s) {
    int len = s.length();
    if (length + len > data.length) growData(len);
    s.getChars(0, len, data, length);
    length += len;
  }

  /** Ends the cell being built; its text is what was appended since the previous end. */
  void endCell() {
    if (count == ends.length) ends = Arrays.copyOf(ends, grow(ends.length, 1));
    ends[count++] = length;
  }

  int size() {
    return count;
  }

  char[] data() {
    return data;
  }

  int start(int cell) {
    return cell == 0 ? 0 : ends[cell - 1];
  }

  int end(int cell) {
    return ends[cell];
  }

  /** The characters of all cells together. */
  long totalChars() {
    return count == 0 ? 0 : ends[count - 1];
  }

  String cell(int cell) {
    int s = start(cell);
    return new String(data, s, ends[cell] - s);
  }

  /** Forgets all cells but keeps the arrays. */
  void clear() {
    length = 0;
    count = 0;
  }

  private void growData(int extra) {
    data = Arrays.copyOf(data, grow(data.length, (long) length + extra - data.length));
  }

  private static int grow(int capacity, long extra) {
    long wanted = Math.max((long) capacity + extra, capacity * 2L);
    if ((long) capacity + extra > MAX_ARRAY) {
      throw new IllegalStateException("a column holds more than 2 GB of text; split the file");
    }
    return (int) Math.min(wanted, MAX_ARRAY);
  }
}
