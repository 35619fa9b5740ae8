package io.marketlens.ml.lab.image;

import io.marketlens.core.validate.InvalidInputException;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Reads PNG images with {@code javax.imageio}, converted to one grey channel: grey PNGs keep their
 * values (16-bit ones scaled to 8 bits), colour and palette PNGs become ITU-R BT.601 luma ({@code
 * 0.299 R + 0.587 G + 0.114 B}, as Pillow's {@code convert("L")}); alpha is ignored. All images of
 * a set must share one size.
 *
 * <p>Labelled layout: {@code DIR/<class name>/*.png}, classes in name order, files in name order
 * within a class; an image's id is {@code <class name>/<file name>}.
 */
public final class PngFolderReader {

  private PngFolderReader() {}

  /**
   * The size every image must have.
   *
   * @param height rows
   * @param width columns
   * @param from where the expectation comes from (the first image, a model), for messages
   */
  public record Size(int height, int width, String from) {}

  /**
   * Reads {@code DIR/<class name>/*.png} as a labelled set.
   *
   * @param expected the size every image must have (null: the first image's)
   * @throws InvalidInputException for an empty tree, a class folder without PNGs, loose PNGs beside
   *     the class folders, an unreadable PNG or an image of another size
   */
  public static ImageSet readClassFolders(Path dir, Size expected) {
    List<Path> classDirs = classFolders(dir);
    if (classDirs.isEmpty()) {
      throw InvalidInputException.in(dir)
          .expected("class folders holding PNG images (DIR/<class name>/*.png)")
          .found(describeContent(dir))
          .build();
    }
    List<Path> loose = pngs(dir, false);
    if (!loose.isEmpty()) {
      throw InvalidInputException.in(loose.get(0))
          .expected("PNG images inside class folders (DIR/<class name>/*.png)")
          .found("a PNG directly in " + dir)
          .hint("move it into the folder of its class")
          .build();
    }
    List<String> names = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    List<Integer> labelList = new ArrayList<>();
    for (Path c : classDirs) {
      List<Path> f = pngs(c, false);
      if (f.isEmpty()) {
        throw InvalidInputException.in(c)
            .expected("at least one .png image in each class folder")
            .found(describeContent(c))
            .build();
      }
      int label = names.size();
      names.add(c.getFileName().toString());
      for (Path p : f) {
        files.add(p);
        labelList.add(label);
      }
    }
    int[] labels = labelList.stream().mapToInt(Integer::intValue).toArray();
    return read(dir, files, labels, names, expected);
  }

  /**
   * Reads one PNG file, or every PNG under a folder (any depth, in path order), unlabelled; ids are
   * the paths relative to the folder.
   */
  public static ImageSet readAll(Path dirOrFile, Size expected) {
    if (Files.isRegularFile(dirOrFile)) {
      return read(dirOrFile.getParent(), List.of(dirOrFile), null, List.of(), expected);
    }
    List<Path> files = pngs(dirOrFile, true);
    if (files.isEmpty()) {
      throw InvalidInputException.in(dirOrFile)
          .expected("PNG images (*.png) in the folder or its sub-folders")
          .found(describeContent(dirOrFile))
          .build();
    }
    return read(dirOrFile, files, null, List.of(), expected);
  }

  /** Whether {@code dir} holds at least one sub-folder with a PNG in it. */
  static boolean looksLikeClassTree(Path dir) {
    for (Path c : classFolders(dir)) if (!pngs(c, false).isEmpty()) return true;
    return false;
  }

  /** The visible sub-folders of {@code dir}, in name order. */
  static List<Path> classFolders(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isDirectory)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  /** The {@code .png} files in {@code dir} (and below when {@code deep}), in path order. */
  static List<Path> pngs(Path dir, boolean deep) {
    try (Stream<Path> s = deep ? Files.walk(dir) : Files.list(dir)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png"))
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  private static ImageSet read(
      Path root, List<Path> files, int[] labels, List<String> names, Size expected) {
    Size size = expected;
    byte[] pixels = null;
    List<String> ids = new ArrayList<>(files.size());
    for (int i = 0; i < files.size(); i++) {
      Path f = files.get(i);
      BufferedImage img = decode(f);
      if (size == null) size = new Size(img.getHeight(), img.getWidth(), "the first image, " + f);
      if (img.getHeight() != size.height() || img.getWidth() != size.width()) {
        throw InvalidInputException.in(f)
            .expected(
                String.format(
                    Locale.ROOT,
                    "an image of %d×%d pixels (height×width) like %s",
                    size.height(),
                    size.width(),
                    size.from()))
            .found(String.format(Locale.ROOT, "%d×%d", img.getHeight(), img.getWidth()))
            .hint("resize the images to one size")
            .build();
      }
      int per = size.height() * size.width();
      if (pixels == null) pixels = new byte[Math.multiplyExact(per, files.size())];
      grey(img, pixels, i * per);
      ids.add(root.relativize(f).toString().replace('\\', '/'));
    }
    return new ImageSet(
        size.height(), size.width(), 1, pixels, labels, names, ids, root.getFileName() + "/");
  }

  private static BufferedImage decode(Path f) {
    BufferedImage img;
    try {
      img = ImageIO.read(f.toFile());
    } catch (IOException | RuntimeException e) {
      throw InvalidInputException.in(f)
          .expected("a readable PNG image")
          .found("a damaged file (" + e.getMessage() + ")")
          .build();
    }
    if (img == null) {
      throw InvalidInputException.in(f)
          .expected("a PNG image")
          .found("a file javax.imageio cannot decode")
          .build();
    }
    return img;
  }

  /** Writes the image's grey values, row-major, into {@code out} from {@code offset}. */
  static void grey(BufferedImage img, byte[] out, int offset) {
    int w = img.getWidth();
    int h = img.getHeight();
    ColorModel cm = img.getColorModel();
    Raster r = img.getRaster();
    if (!(cm instanceof IndexColorModel) && cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY) {
      int bits = cm.getComponentSize(0);
      long max = (1L << bits) - 1;
      int[] row = new int[w];
      for (int y = 0; y < h; y++) {
        r.getSamples(0, y, w, 1, 0, row);
        for (int x = 0; x < w; x++) {
          int v = bits == 8 ? row[x] : (int) ((row[x] * 255L + max / 2) / max);
          out[offset + y * w + x] = (byte) v;
        }
      }
      return;
    }
    int[] rgb = img.getRGB(0, 0, w, h, null, 0, w);
    for (int k = 0; k < rgb.length; k++) {
      int p = rgb[k];
      int red = (p >> 16) & 0xff;
      int green = (p >> 8) & 0xff;
      int blue = p & 0xff;
      out[offset + k] = (byte) ((red * 19595 + green * 38470 + blue * 7471 + 0x8000) >> 16);
    }
  }

  private static String describeContent(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      long n = s.count();
      return n == 0 ? "an empty folder" : n + " entries, none of them usable";
    } catch (IOException e) {
      return "an unreadable folder";
    }
  }
}
