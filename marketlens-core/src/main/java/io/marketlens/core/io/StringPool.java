package io.marketlens.core.io;

import java.util.Arrays;

/**
 * Interns cell text looked up by character range, so a categorical column of a million rows holds
 * one {@code String} per distinct value and no temporary string is created per cell. An open
 * addressing table with linear probing that keeps each value's characters beside it for fast
 * comparison; it refuses new values beyond a limit, which is how a column is found to have too many
 * distinct values to be categorical.
 *
 * <p>Not thread-safe.
 */
final class StringPool {

  private final int limit;
  private String[] values = new String[64];
  private char[][] keys = new char[64][];
  private int[] hashes = new int[64];
  private int size;

  /** A pool that holds at most {@code limit} distinct values. */
  StringPool(int limit) {
    this.limit = limit;
  }

  /** The pooled string equal to {@code b[s..e)}, or null when it is new and the pool is full. */
  String intern(char[] b, int s, int e) {
    int h = 0;
    for (int i = s; i < e; i++) h = 31 * h + b[i];
    int mask = values.length - 1;
    int slot = mix(h) & mask;
    int len = e - s;
    while (true) {
      char[] k = keys[slot];
      if (k == null) break;
      if (hashes[slot] == h && k.length == len && Arrays.equals(k, 0, len, b, s, e)) {
        return values[slot];
      }
      slot = (slot + 1) & mask;
    }
    if (size >= limit) return null;
    return add(slot, h, Arrays.copyOfRange(b, s, e), new String(b, s, len));
  }

  /**
   * The pooled string equal to {@code v} (adding it), or null when it is new and the pool is full.
   */
  String intern(String v) {
    int h = v.hashCode();
    int mask = values.length - 1;
    int slot = mix(h) & mask;
    while (true) {
      String t = values[slot];
      if (t == null) break;
      if (hashes[slot] == h && t.equals(v)) return t;
      slot = (slot + 1) & mask;
    }
    if (size >= limit) return null;
    return add(slot, h, v.toCharArray(), v);
  }

  private String add(int slot, int hash, char[] key, String value) {
    values[slot] = value;
    keys[slot] = key;
    hashes[slot] = hash;
    if (++size * 2 > values.length) rehash();
    return value;
  }

  private static int mix(int h) {
    int x = h * 0x9e3779b9;
    return x ^ (x >>> 16);
  }

  private void rehash() {
    String[] oldValues = values;
    char[][] oldKeys = keys;
    int[] oldHashes = hashes;
    values = new String[oldValues.length * 2];
    keys = new char[values.length][];
    hashes = new int[values.length];
    int mask = values.length - 1;
    for (int i = 0; i < oldValues.length; i++) {
      if (oldValues[i] == null) continue;
      int slot = mix(oldHashes[i]) & mask;
      while (values[slot] != null) slot = (slot + 1) & mask;
      values[slot] = oldValues[i];
      keys[slot] = oldKeys[i];
      hashes[slot] = oldHashes[i];
    }
  }
}
