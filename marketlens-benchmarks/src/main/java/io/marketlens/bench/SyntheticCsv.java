package io.marketlens.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes the ingest benchmark's synthetic orders CSV: a given number of rows, the same bytes for
 * the same row count and seed on every machine and JVM (only {@link SplittableRandom} and integer
 * arithmetic are used).
 *
 * <p>Columns (UTF-8, comma, LF, minimal quoting), chosen to mix what real exports hold:
 *
 * <ul>
 *   <li>{@code order_id}: integer, 10,000,001 upwards
 *   <li>{@code amount}: decimal with two places, 1.00 to 499.99 (a few up to 5,000)
 *   <li>{@code created_at}: {@code YYYY-MM-DD HH:MM:SS} in 2023
 *   <li>{@code channel}: categorical, 5 values (web, store, app, phone, partner)
 *   <li>{@code is_member}: {@code Yes}/{@code No}
 *   <li>{@code product}: 2 words from a 48-word vocabulary; 2 % have a size after a comma and are
 *       quoted ({@code "blue mug, large"})
 *   <li>{@code quantity}: integer 1 to 12, 2 % negative (returns)
 *   <li>{@code discount}: decimal 0.05 to 0.50, 12 % blank
 * </ul>
 *
 * <p>Not thread-safe; each call works on its own buffer.
 */
final class SyntheticCsv {

  /** Raise when the bytes written for a given row count and seed change (names the cached file). */
  static final int FORMAT_VERSION = 1;

  static final String HEADER =
      "order_id,amount,created_at,channel,is_member,product,quantity,discount\n";

  static final int COLUMNS = 8;

  private static final String[] CHANNELS = {"web", "store", "app", "phone", "partner"};
  // Cumulative weights out of 100: web 45, store 25, app 20, phone 7, partner 3.
  private static final int[] CHANNEL_CUTS = {45, 70, 90, 97, 100};
  private static final String[] ADJECTIVES = {
    "red", "blue", "green", "white", "black", "vintage", "small", "large", "ceramic", "wooden",
    "glass", "paper", "metal", "pink", "retro", "classic", "mini", "jumbo", "floral", "striped",
    "silver", "gold", "lunar", "garden"
  };
  private static final String[] NOUNS = {
    "mug", "candle", "lantern", "bag", "notebook", "clock", "frame", "tin", "bottle", "cushion",
    "doormat", "teapot", "bowl", "plate", "heart", "bunting", "box", "basket", "apron", "jar",
    "tray", "sign", "hanger", "card"
  };
  private static final String[] SIZES = {"small", "medium", "large", "set of 3"};

  private static final int BUFFER = 1 << 20;
  private static final int ROW_MAX_BYTES = 256;

  private SyntheticCsv() {}

  /** The size and SHA-256 of a written file. */
  record Written(Path file, long rows, long bytes, String sha256) {}

  /** The file name for {@code rows} rows and {@code seed}, so that a cached file is never stale. */
  static String fileName(long rows, long seed) {
    return "orders_" + rows + "_seed" + seed + "_v" + FORMAT_VERSION + ".csv";
  }

  /**
   * Returns the synthetic CSV for {@code rows} and {@code seed} in {@code dir}: the existing file
   * when its size and SHA-256 match the sidecar {@code .sha256} written with it, else a new one.
   */
  static Written ensure(Path dir, long rows, long seed, PrintStream log) throws IOException {
    Path file = dir.resolve(fileName(rows, seed));
    Path sidecar = dir.resolve(fileName(rows, seed) + ".sha256");
    if (Files.isRegularFile(file) && Files.isRegularFile(sidecar)) {
      List<String> parts =
          List.of(Files.readString(sidecar, StandardCharsets.US_ASCII).trim().split("\\s+"));
      if (parts.size() == 2 && parts.get(1).equals(Long.toString(Files.size(file)))) {
        long t0 = System.nanoTime();
        String sha = sha256(file);
        if (sha.equals(parts.get(0))) {
          log.printf(
              Locale.ROOT,
              "[ingest] reusing %s (%,d bytes, SHA-256 checked in %.1f s)%n",
              file,
              Files.size(file),
              seconds(t0));
          return new Written(file, rows, Files.size(file), sha);
        }
      }
      log.printf(Locale.ROOT, "[ingest] %s does not match its checksum; writing it again%n", file);
    }
    log.printf(
        Locale.ROOT, "[ingest] writing %,d synthetic rows (seed %d) to %s%n", rows, seed, file);
    long t0 = System.nanoTime();
    Path tmp = dir.resolve(fileName(rows, seed) + ".tmp");
    Written w;
    try (OutputStream out = Files.newOutputStream(tmp)) {
      w = write(out, rows, seed);
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    Files.writeString(sidecar, w.sha256() + " " + w.bytes() + "\n", StandardCharsets.US_ASCII);
    double s = seconds(t0);
    log.printf(
        Locale.ROOT,
        "[ingest] wrote %,d bytes in %.1f s (%.0f MB/s)%n",
        w.bytes(),
        s,
        w.bytes() / 1e6 / s);
    return new Written(file, rows, w.bytes(), w.sha256());
  }

  /**
   * Writes the header and {@code rows} data rows to {@code out} (not closed).
   *
   * @return the row count, byte count and SHA-256 of what was written ({@code file} is null)
   */
  static Written write(OutputStream out, long rows, long seed) throws IOException {
    if (rows < 0) throw new IllegalArgumentException("rows must be >= 0, found " + rows);
    MessageDigest digest = newSha256();
    SplittableRandom random = new SplittableRandom(seed);
    byte[][] channels = ascii(CHANNELS);
    byte[][] adjectives = ascii(ADJECTIVES);
    byte[][] nouns = ascii(NOUNS);
    byte[][] sizes = ascii(SIZES);
    byte[] yes = ascii("Yes");
    byte[] no = ascii("No");
    // "2023-01-01 " .. "2023-12-31 ": the date part of created_at, one entry per day.
    byte[][] days = new byte[365][];
    LocalDate first = LocalDate.of(2023, 1, 1);
    for (int d = 0; d < days.length; d++) days[d] = ascii(first.plusDays(d) + " ");

    byte[] buf = new byte[BUFFER];
    int p = 0;
    long total = 0;
    byte[] header = ascii(HEADER);
    System.arraycopy(header, 0, buf, 0, header.length);
    p = header.length;
    for (long i = 0; i < rows; i++) {
      if (p > BUFFER - ROW_MAX_BYTES) {
        out.write(buf, 0, p);
        digest.update(buf, 0, p);
        total += p;
        p = 0;
      }
      // order_id
      p = writeLong(buf, p, 10_000_001L + i);
      buf[p++] = ',';
      // amount: mostly 1.00-499.99, 1 % up to 5,000.00
      int cents =
          random.nextInt(100) == 0 ? 100 + random.nextInt(500_000) : 100 + random.nextInt(49_900);
      p = writeLong(buf, p, cents / 100);
      buf[p++] = '.';
      p = writeTwoDigits(buf, p, cents % 100);
      buf[p++] = ',';
      // created_at
      int second = random.nextInt(365 * 86_400);
      byte[] day = days[second / 86_400];
      System.arraycopy(day, 0, buf, p, day.length);
      p += day.length;
      int s = second % 86_400;
      p = writeTwoDigits(buf, p, s / 3600);
      buf[p++] = ':';
      p = writeTwoDigits(buf, p, s / 60 % 60);
      buf[p++] = ':';
      p = writeTwoDigits(buf, p, s % 60);
      buf[p++] = ',';
      // channel
      int c = random.nextInt(100);
      int k = 0;
      while (c >= CHANNEL_CUTS[k]) k++;
      p = put(buf, p, channels[k]);
      buf[p++] = ',';
      // is_member
      p = put(buf, p, random.nextInt(100) < 35 ? yes : no);
      buf[p++] = ',';
      // product
      boolean sized = random.nextInt(50) == 0;
      if (sized) buf[p++] = '"';
      p = put(buf, p, adjectives[random.nextInt(adjectives.length)]);
      buf[p++] = ' ';
      p = put(buf, p, nouns[random.nextInt(nouns.length)]);
      if (sized) {
        buf[p++] = ',';
        buf[p++] = ' ';
        p = put(buf, p, sizes[random.nextInt(sizes.length)]);
        buf[p++] = '"';
      }
      buf[p++] = ',';
      // quantity
      int q = random.nextInt(50) == 0 ? -(1 + random.nextInt(5)) : 1 + random.nextInt(12);
      p = writeLong(buf, p, q);
      buf[p++] = ',';
      // discount
      if (random.nextInt(100) >= 12) {
        buf[p++] = '0';
        buf[p++] = '.';
        p = writeTwoDigits(buf, p, 5 + random.nextInt(46));
      }
      buf[p++] = '\n';
    }
    out.write(buf, 0, p);
    digest.update(buf, 0, p);
    total += p;
    return new Written(null, rows, total, HexFormat.of().formatHex(digest.digest()));
  }

  static String sha256(Path file) throws IOException {
    MessageDigest digest = newSha256();
    byte[] buf = new byte[BUFFER];
    try (var in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buf)) > 0) digest.update(buf, 0, n);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static int writeLong(byte[] buf, int p, long v) {
    if (v < 0) {
      buf[p++] = '-';
      v = -v;
    }
    if (v < 10) {
      buf[p++] = (byte) ('0' + v);
      return p;
    }
    int digits = 0;
    for (long t = v; t > 0; t /= 10) digits++;
    int end = p + digits;
    for (int i = end - 1; i >= p; i--) {
      buf[i] = (byte) ('0' + v % 10);
      v /= 10;
    }
    return end;
  }

  private static int writeTwoDigits(byte[] buf, int p, int v) {
    buf[p] = (byte) ('0' + v / 10);
    buf[p + 1] = (byte) ('0' + v % 10);
    return p + 2;
  }

  private static int put(byte[] buf, int p, byte[] bytes) {
    System.arraycopy(bytes, 0, buf, p, bytes.length);
    return p + bytes.length;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[][] ascii(String[] values) {
    byte[][] out = new byte[values.length][];
    for (int i = 0; i < values.length; i++) out[i] = ascii(values[i]);
    return out;
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
