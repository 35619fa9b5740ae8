package io.marketlens.core.io;

import io.marketlens.core.validate.InvalidInputException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Maps a data row's index to the row and physical line numbers shown in messages. Rows are numbered
 * from {@code firstRow} (2 in a file with a header, which is row 1). The physical line differs from
 * the row only after a quoted value spanning lines or a skipped blank line, so only the places
 * where the difference changes are stored.
 *
 * <p>Not thread-safe while being filled; read-only afterwards.
 */
final class RowNumbers {

  private final Path file;
  private final int firstRow;
  private int[] changeAt = new int[4];
  private long[] deltas = new long[4];
  private int changes;
  private long lastDelta;

  RowNumbers(Path file, int firstRow) {
    this.file = file;
    this.firstRow = firstRow;
  }

  Path file() {
    return file;
  }

  /** Records that data row {@code index} starts on physical line {@code line}. */
  void started(int index, long line) {
    long delta = line - row(index);
    if (delta == lastDelta) return;
    if (changes == changeAt.length) {
      changeAt = Arrays.copyOf(changeAt, changes * 2);
      deltas = Arrays.copyOf(deltas, changes * 2);
    }
    changeAt[changes] = index;
    deltas[changes++] = delta;
    lastDelta = delta;
  }

  long row(int index) {
    return (long) index + firstRow;
  }

  long line(int index) {
    int pos = Arrays.binarySearch(changeAt, 0, changes, index);
    if (pos < 0) pos = -pos - 2;
    return row(index) + (pos < 0 ? 0 : deltas[pos]);
  }

  /** An error about the cell of {@code column} in data row {@code index}. */
  InvalidInputException.Builder at(int index, String column) {
    return InvalidInputException.in(file).row(row(index)).line(line(index)).column(column);
  }
}
