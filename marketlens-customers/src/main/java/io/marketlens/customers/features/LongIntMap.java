package io.marketlens.customers.features;

/**
 * An open-addressing map from long keys to dense int ids 0, 1, 2, ... in order of first insertion:
 * the hot path of cleaning, where boxing every key would cost more than the work itself. Not
 * thread-safe.
 */
final class LongIntMap {

  private long[] keys;
  private int[] values;
  private int size;
  private int mask;

  LongIntMap(int expected) {
    int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    keys = new long[cap];
    values = new int[cap];
    mask = cap - 1;
  }

  int size() {
    return size;
  }

  /** The id of {@code key}, adding it with the next id when new. */
  int idOf(long key) {
    int slot = slot(key);
    while (true) {
      int v = values[slot];
      if (v == 0) {
        values[slot] = ++size;
        keys[slot] = key;
        if (size * 2 > keys.length) grow();
        return size - 1;
      }
      if (keys[slot] == key) return v - 1;
      slot = (slot + 1) & mask;
    }
  }

  /** Whether {@code key} was new (then it is added). */
  boolean add(long key) {
    int before = size;
    idOf(key);
    return size > before;
  }

  private int slot(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new int[oldKeys.length * 2];
    mask = keys.length - 1;
    for (int i = 0; i < oldKeys.length; i++) {
      int v = oldValues[i];
      if (v == 0) continue;
      int slot = slot(oldKeys[i]);
      while (values[slot] != 0) slot = (slot + 1) & mask;
      keys[slot] = oldKeys[i];
      values[slot] = v;
    }
  }
}
