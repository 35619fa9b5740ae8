package io.marketlens.customers.features;

/**
 * An open-addressing map from strings to dense int ids 0, 1, 2, ... in order of first insertion.
 * Keys are compared by identity first: the table reader pools categorical values (one {@code
 * String} per distinct value), so the usual hit costs one hash and one reference comparison. Not
 * thread-safe.
 */
final class StringIntMap {

  private String[] keys;
  private int[] hashes;
  private int[] values;
  private int size;
  private int mask;

  StringIntMap(int expected) {
    int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    keys = new String[cap];
    hashes = new int[cap];
    values = new int[cap];
    mask = cap - 1;
  }

  int size() {
    return size;
  }

  /** The id of {@code key}, adding it with the next id when new. */
  int idOf(String key) {
    int h = key.hashCode();
    int slot = mix(h) & mask;
    while (true) {
      String k = keys[slot];
      if (k == null) {
        keys[slot] = key;
        hashes[slot] = h;
        values[slot] = size++;
        if (size * 2 > keys.length) grow();
        return size - 1;
      }
      if (k == key || (hashes[slot] == h && k.equals(key))) return values[slot];
      slot = (slot + 1) & mask;
    }
  }

  private static int mix(int h) {
    int x = h * 0x9E3779B9;
    return x ^ (x >>> 16);
  }

  private void grow() {
    String[] oldKeys = keys;
    int[] oldHashes = hashes;
    int[] oldValues = values;
    keys = new String[oldKeys.length * 2];
    hashes = new int[oldKeys.length * 2];
    values = new int[oldKeys.length * 2];
    mask = keys.length - 1;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] == null) continue;
      int slot = mix(oldHashes[i]) & mask;
      while (keys[slot] != null) slot = (slot + 1) & mask;
      keys[slot] = oldKeys[i];
      hashes[slot] = oldHashes[i];
      values[slot] = oldValues[i];
    }
  }
}
