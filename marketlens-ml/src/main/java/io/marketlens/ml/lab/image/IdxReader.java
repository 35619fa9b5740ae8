package io.marketlens.ml.lab.image;

import io.marketlens.core.validate.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Reads images and labels in LeCun's IDX format (MNIST, Fashion-MNIST), plain or gzipped (told
 * apart by the content, not the name): a big-endian header, then unsigned bytes. Images: magic 2051
 * ({@code count × rows × cols}) or 2052 ({@code count × rows × cols × channels}); labels: magic
 * 2049 ({@code count}). Every header field and the file length are checked; a wrong one is an
 * {@link InvalidInputException} naming the file, what was expected and what was found.
 */
public final class IdxReader {

  /** Magic of an image file: unsigned bytes, 3 dimensions. */
  public static final int IMAGES_MAGIC = 2051;

  /** Magic of an image file with a trailing channel dimension: unsigned bytes, 4 dimensions. */
  public static final int IMAGES_CHANNELS_MAGIC = 2052;

  /** Magic of a label file: unsigned bytes, 1 dimension. */
  public static final int LABELS_MAGIC = 2049;

  private static final int MAX_SIDE = 4096;

  private IdxReader() {}

  /**
   * Reads an image file and, when {@code labelsFile} is not null, its labels (one per image). Class
   * names are the label values {@code "0"} to the largest label.
   *
   * @throws InvalidInputException when either file is not what its role needs or the counts differ
   */
  public static ImageSet read(Path imagesFile, Path labelsFile) {
    byte[] raw = bytes(imagesFile);
    int magic = header(raw, imagesFile, 0, "an IDX image file");
    if (magic != IMAGES_MAGIC && magic != IMAGES_CHANNELS_MAGIC) {
      throw InvalidInputException.in(imagesFile)
          .expected(
              "an IDX image file (magic "
                  + IMAGES_MAGIC
                  + ": unsigned bytes, count × rows × cols, or "
                  + IMAGES_CHANNELS_MAGIC
                  + " with channels)")
          .found(describeMagic(magic))
          .build();
    }
    int dims = magic == IMAGES_MAGIC ? 3 : 4;
    int headerBytes = 4 + 4 * dims;
    if (raw.length < headerBytes) {
      throw InvalidInputException.in(imagesFile)
          .expected("an IDX image header of " + headerBytes + " bytes")
          .found("a file of " + raw.length + " bytes")
          .build();
    }
    int count = header(raw, imagesFile, 4, "the image count");
    int rows = header(raw, imagesFile, 8, "the rows per image");
    int cols = header(raw, imagesFile, 12, "the columns per image");
    int channels = dims == 4 ? header(raw, imagesFile, 16, "the channels per image") : 1;
    checkDimension(imagesFile, "the image count", count, 1, Integer.MAX_VALUE);
    checkDimension(imagesFile, "the rows per image", rows, 1, MAX_SIDE);
    checkDimension(imagesFile, "the columns per image", cols, 1, MAX_SIDE);
    checkDimension(imagesFile, "the channels per image", channels, 1, 4);
    long per = (long) rows * cols * channels;
    long expected = headerBytes + per * count;
    if (per * count > Integer.MAX_VALUE - 16) {
      throw InvalidInputException.in(imagesFile)
          .expected("at most " + (Integer.MAX_VALUE - 16) + " pixels in one file")
          .found(count + " images of " + rows + "×" + cols + "×" + channels)
          .build();
    }
    if (raw.length != expected) {
      throw InvalidInputException.in(imagesFile)
          .expected(
              String.format(
                  Locale.ROOT,
                  "%d bytes (a %d-byte header + %d images of %d×%d×%d)",
                  expected,
                  headerBytes,
                  count,
                  rows,
                  cols,
                  channels))
          .found(raw.length + " bytes" + (raw.length < expected ? " (truncated)" : ""))
          .build();
    }
    byte[] pixels = new byte[(int) (per * count)];
    if (channels == 1) {
      System.arraycopy(raw, headerBytes, pixels, 0, pixels.length);
    } else {
      int plane = rows * cols;
      for (int i = 0; i < count; i++) {
        int base = (int) (i * per);
        for (int p = 0; p < plane; p++) {
          for (int c = 0; c < channels; c++) {
            pixels[base + c * plane + p] = raw[headerBytes + base + p * channels + c];
          }
        }
      }
    }
    int[] labels = null;
    List<String> names = List.of();
    if (labelsFile != null) {
      labels = readLabels(labelsFile);
      if (labels.length != count) {
        throw InvalidInputException.in(labelsFile)
            .expected(count + " labels, one per image of " + imagesFile.getFileName())
            .found(labels.length + " labels")
            .build();
      }
      names = numberNames(labels);
    }
    return new ImageSet(
        rows, cols, channels, pixels, labels, names, null, imagesFile.getFileName().toString());
  }

  /**
   * Reads a label file (magic 2049).
   *
   * @throws InvalidInputException when it is not one
   */
  public static int[] readLabels(Path labelsFile) {
    byte[] raw = bytes(labelsFile);
    int magic = header(raw, labelsFile, 0, "an IDX label file");
    if (magic != LABELS_MAGIC) {
      throw InvalidInputException.in(labelsFile)
          .expected("an IDX label file (magic " + LABELS_MAGIC + ": unsigned bytes, count)")
          .found(describeMagic(magic))
          .build();
    }
    int count = header(raw, labelsFile, 4, "the label count");
    checkDimension(labelsFile, "the label count", count, 1, Integer.MAX_VALUE - 8);
    if (raw.length != 8L + count) {
      throw InvalidInputException.in(labelsFile)
          .expected((8L + count) + " bytes (an 8-byte header + " + count + " labels)")
          .found(raw.length + " bytes" + (raw.length < 8L + count ? " (truncated)" : ""))
          .build();
    }
    int[] labels = new int[count];
    for (int i = 0; i < count; i++) labels[i] = raw[8 + i] & 0xff;
    return labels;
  }

  /** {@code "0"} … the largest label. */
  static List<String> numberNames(int[] labels) {
    int max = 0;
    for (int l : labels) max = Math.max(max, l);
    List<String> names = new ArrayList<>(max + 1);
    for (int c = 0; c <= max; c++) names.add(Integer.toString(c));
    return names;
  }

  /** Whether {@code file} starts like an IDX file (plain or gzipped) of the given magic. */
  static boolean hasMagic(Path file, int magic) {
    try {
      byte[] raw = bytes(file);
      return raw.length >= 4 && ByteBuffer.wrap(raw, 0, 4).getInt() == magic;
    } catch (InvalidInputException e) {
      return false;
    }
  }

  /** The file's bytes, gunzipped when they start with the gzip magic. */
  static byte[] bytes(Path file) {
    byte[] raw;
    try {
      raw = Files.readAllBytes(file);
    } catch (java.nio.file.NoSuchFileException e) {
      throw InvalidInputException.in(file).expected("an IDX file").found("no such file").build();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    if (raw.length >= 2 && (raw[0] & 0xff) == 0x1f && (raw[1] & 0xff) == 0x8b) {
      try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
        return in.readAllBytes();
      } catch (IOException e) {
        throw InvalidInputException.in(file)
            .expected("a complete gzip stream")
            .found("a damaged or truncated one (" + e.getMessage() + ")")
            .build();
      }
    }
    return raw;
  }

  private static int header(byte[] raw, Path file, int offset, String what) {
    if (raw.length < offset + 4) {
      throw InvalidInputException.in(file)
          .expected(what + " at byte " + offset + " of an IDX header")
          .found("a file of " + raw.length + " bytes")
          .build();
    }
    return ByteBuffer.wrap(raw, offset, 4).getInt();
  }

  private static void checkDimension(Path file, String what, int value, int min, int max) {
    if (value < min || value > max) {
      throw InvalidInputException.in(file)
          .expected(what + " in the IDX header between " + min + " and " + max)
          .found(Integer.toString(value))
          .build();
    }
  }

  private static String describeMagic(int magic) {
    String s = String.format(Locale.ROOT, "magic %d (0x%08x)", magic, magic);
    if (magic == LABELS_MAGIC) return s + ", an IDX label file";
    if (magic == IMAGES_MAGIC) return s + ", an IDX image file";
    if ((magic >>> 16) == 0x1f8b) return s + ", a gzip stream";
    if ((magic >>> 16) != 0) return s + ", not an IDX file";
    return s;
  }
}
