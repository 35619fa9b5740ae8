package io.marketlens.ml.lab.image;

import io.marketlens.core.validate.InvalidInputException;
import io.marketlens.ml.lab.Lab;
import io.marketlens.ml.lab.ModelStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Where the images of {@code --data} are, by one convention for {@code train}, {@code evaluate} and
 * {@code predict}:
 *
 * <ul>
 *   <li><b>An IDX folder</b> holding {@code train-images-idx3-ubyte} and {@code
 *       train-labels-idx1-ubyte} (each optionally {@code .gz}): the training set; {@code
 *       t10k-images-idx3-ubyte} and {@code t10k-labels-idx1-ubyte} beside them: the held-out test
 *       set. A folder with only one of the two pairs uses that pair as all the data.
 *   <li><b>An IDX image file</b> ({@code ...images-idx3-ubyte[.gz]}): its labels are the file of
 *       the same name with {@code labels-idx1} for {@code images-idx3}.
 *   <li><b>A PNG class-folder tree</b> {@code DIR/<class name>/*.png}; or {@code DIR/train/<class
 *       name>/*.png} with {@code DIR/test/<class name>/*.png} for a fixed test set.
 * </ul>
 *
 * <p>Training holds out the t10k pair or the {@code test/} tree when there is one, else a
 * stratified random fraction of the images (seeded). {@code evaluate} uses the held-out part when
 * there is one, else every image; {@code predict} reads the t10k images (else the train images) of
 * an IDX folder, an IDX image file, a PNG file, or every PNG under a folder (labels not needed).
 */
public final class ImageData {

  private static final String[] PREFIXES = {"train", "t10k"};

  private ImageData() {}

  /**
   * Training data and its held-out part.
   *
   * @param train the training images
   * @param test the held-out images (labelled, same size and class names)
   * @param heldOut how {@code test} was chosen, for the metadata
   * @param format {@code idx} or {@code png}
   * @param files the files read
   * @param sha256 SHA-256 of those files (a single file's own hash; for several, of their names and
   *     hashes)
   */
  public record Split(
      ImageSet train,
      ImageSet test,
      String heldOut,
      String format,
      List<Path> files,
      String sha256) {

    public Split {
      files = List.copyOf(files);
    }
  }

  /**
   * Reads training data by the convention above.
   *
   * @param testFraction the share held out when the data have no test part (0 &lt; f &lt; 1)
   * @param seed the seed of that split
   * @throws InvalidInputException when {@code data} fits none of the layouts or a file is bad
   */
  public static Split forTraining(Path data, double testFraction, long seed) {
    if (!(testFraction > 0 && testFraction < 1)) {
      throw InvalidInputException.usage(
          "--test-fraction between 0 and 1 (exclusive)", Double.toString(testFraction));
    }
    requireExists(data);
    if (Files.isRegularFile(data)) {
      Path labels = siblingLabels(data);
      ImageSet all = IdxReader.read(data, labels);
      return split(all, testFraction, seed, "idx", List.of(data, labels));
    }
    Map<String, Path[]> idx = idxPairs(data);
    if (!idx.isEmpty()) {
      Path[] train = idx.get("train");
      Path[] test = idx.get("t10k");
      if (train != null && test != null) {
        ImageSet tr = IdxReader.read(train[0], train[1]);
        ImageSet te = IdxReader.read(test[0], test[1]);
        checkSameSize(tr, te, test[0]);
        List<String> names = longer(tr.classNames(), te.classNames());
        return new Split(
            tr.withClassNames(names),
            te.withClassNames(names),
            "the t10k files",
            "idx",
            List.of(train[0], train[1], test[0], test[1]),
            sha256(List.of(train[0], train[1], test[0], test[1])));
      }
      Path[] only = train != null ? train : test;
      ImageSet all = IdxReader.read(only[0], only[1]);
      return split(all, testFraction, seed, "idx", List.of(only[0], only[1]));
    }
    Path trainDir = data.resolve("train");
    Path testDir = data.resolve("test");
    if (Files.isDirectory(trainDir)
        && Files.isDirectory(testDir)
        && PngFolderReader.looksLikeClassTree(trainDir)) {
      ImageSet tr = PngFolderReader.readClassFolders(trainDir, null);
      ImageSet te =
          PngFolderReader.readClassFolders(
              testDir, new PngFolderReader.Size(tr.height(), tr.width(), "the training images"));
      te = byClassName(te, tr.classNames(), testDir);
      return new Split(tr, te, "the test/ folder", "png", List.of(data), ModelStore.sha256(data));
    }
    if (PngFolderReader.looksLikeClassTree(data)) {
      ImageSet all = PngFolderReader.readClassFolders(data, null);
      Split s = split(all, testFraction, seed, "png", List.of());
      return new Split(
          s.train(), s.test(), s.heldOut(), "png", List.of(data), ModelStore.sha256(data));
    }
    throw InvalidInputException.in(data)
        .expected(
            "train-images-idx3-ubyte(.gz) + train-labels-idx1-ubyte(.gz) (IDX), or PNG images in"
                + " class folders DIR/<class name>/*.png")
        .found(describe(data))
        .build();
  }

  private static String describe(Path dir) {
    if (!PngFolderReader.pngs(dir, false).isEmpty()) return "PNG images not in class folders";
    try (java.util.stream.Stream<Path> s = Files.list(dir)) {
      long n = s.count();
      return n == 0 ? "an empty folder" : n + " entries, no IDX files and no PNG class folders";
    } catch (java.io.IOException e) {
      return "an unreadable folder";
    }
  }

  /**
   * Labelled images for {@code evaluate}: the held-out part of a training layout when it has one,
   * else every image.
   */
  public static ImageSet forEvaluation(Path data) {
    requireExists(data);
    if (Files.isRegularFile(data)) return IdxReader.read(data, siblingLabels(data));
    Map<String, Path[]> idx = idxPairs(data);
    if (!idx.isEmpty()) {
      Path[] pair = idx.containsKey("t10k") ? idx.get("t10k") : idx.get("train");
      return IdxReader.read(pair[0], pair[1]);
    }
    Path testDir = data.resolve("test");
    if (Files.isDirectory(testDir)
        && Files.isDirectory(data.resolve("train"))
        && PngFolderReader.looksLikeClassTree(testDir)) {
      return PngFolderReader.readClassFolders(testDir, null);
    }
    return PngFolderReader.readClassFolders(data, null);
  }

  /**
   * Images for {@code predict}, labels not needed: an IDX folder's t10k images (else its train
   * images), an IDX image file, a PNG file, or every PNG under a folder.
   *
   * @param expected the model's input size, named in the message for a PNG of another size
   */
  public static ImageSet forPrediction(Path data, PngFolderReader.Size expected) {
    requireExists(data);
    if (Files.isRegularFile(data)) {
      if (data.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
        return PngFolderReader.readAll(data, expected);
      }
      return IdxReader.read(data, null);
    }
    Map<String, Path[]> idx = idxPairs(data);
    if (!idx.isEmpty()) {
      Path[] pair = idx.containsKey("t10k") ? idx.get("t10k") : idx.get("train");
      return IdxReader.read(pair[0], null);
    }
    Path[] images = idxImagesOnly(data);
    if (images != null) return IdxReader.read(images[0], null);
    return PngFolderReader.readAll(data, expected);
  }

  /**
   * A stratified split: in each class, a seeded shuffle puts {@code round(n × fraction)} images (at
   * least one when the class has two or more) in the second set; both keep the source order.
   *
   * @return {@code [rest, heldOut]}
   */
  public static ImageSet[] stratifiedSplit(ImageSet set, double fraction, long seed) {
    Random rnd = new Random(Lab.mix(seed, 77));
    int classes = set.classNames().size();
    List<List<Integer>> byClass = new ArrayList<>();
    for (int c = 0; c < classes; c++) byClass.add(new ArrayList<>());
    for (int i = 0; i < set.size(); i++) byClass.get(set.label(i)).add(i);
    boolean[] held = new boolean[set.size()];
    int nHeld = 0;
    for (List<Integer> members : byClass) {
      int n = members.size();
      int k = (int) Math.round(n * fraction);
      if (n >= 2) k = Math.max(1, Math.min(n - 1, k));
      else k = 0;
      int[] idx = members.stream().mapToInt(Integer::intValue).toArray();
      for (int i = idx.length - 1; i > 0; i--) {
        int j = rnd.nextInt(i + 1);
        int t = idx[i];
        idx[i] = idx[j];
        idx[j] = t;
      }
      for (int i = 0; i < k; i++) held[idx[i]] = true;
      nHeld += k;
    }
    int[] rest = new int[set.size() - nHeld];
    int[] out = new int[nHeld];
    int a = 0;
    int b = 0;
    for (int i = 0; i < set.size(); i++) {
      if (held[i]) out[b++] = i;
      else rest[a++] = i;
    }
    return new ImageSet[] {set.subset(rest, set.source()), set.subset(out, set.source())};
  }

  private static Split split(
      ImageSet all, double fraction, long seed, String format, List<Path> files) {
    if (all.size() < 4) {
      throw InvalidInputException.in(null)
          .key("--data")
          .expected("at least 4 labelled images to split into training and test images")
          .found(all.size() + " in " + all.source())
          .build();
    }
    ImageSet[] parts = stratifiedSplit(all, fraction, seed);
    if (parts[1].size() == 0) {
      throw InvalidInputException.in(null)
          .key("--data")
          .expected("at least one class with two or more images to hold out test images")
          .found("one image per class in " + all.source())
          .build();
    }
    String held =
        String.format(
            Locale.ROOT,
            "a stratified %.3g split (seed %d): %d of %d images",
            fraction,
            seed,
            parts[1].size(),
            all.size());
    return new Split(parts[0], parts[1], held, format, files, files.isEmpty() ? "" : sha256(files));
  }

  /** Test labels re-indexed to the training class names, by name. */
  private static ImageSet byClassName(ImageSet test, List<String> names, Path testDir) {
    Map<String, Integer> index = new HashMap<>();
    for (int c = 0; c < names.size(); c++) index.put(names.get(c), c);
    int[] map = new int[test.classNames().size()];
    for (int c = 0; c < map.length; c++) {
      Integer k = index.get(test.classNames().get(c));
      if (k == null) {
        throw InvalidInputException.in(testDir.resolve(test.classNames().get(c)))
            .expected("a class folder named like one of the training classes " + names)
            .found(test.classNames().get(c))
            .build();
      }
      map[c] = k;
    }
    return test.relabel(map, names);
  }

  private static void checkSameSize(ImageSet a, ImageSet b, Path bFile) {
    if (a.height() != b.height() || a.width() != b.width() || a.channels() != b.channels()) {
      throw InvalidInputException.in(bFile)
          .expected("images of " + a.shape() + " (height×width×channels) like the training images")
          .found(b.shape())
          .build();
    }
  }

  private static List<String> longer(List<String> a, List<String> b) {
    return a.size() >= b.size() ? a : b;
  }

  /** {@code train} / {@code t10k} → {images, labels} for the pairs present in {@code dir}. */
  static Map<String, Path[]> idxPairs(Path dir) {
    Map<String, Path[]> pairs = new java.util.LinkedHashMap<>();
    for (String p : PREFIXES) {
      Path images = find(dir, p + "-images-idx3-ubyte", p + "-images.idx3-ubyte");
      Path labels = find(dir, p + "-labels-idx1-ubyte", p + "-labels.idx1-ubyte");
      if (images == null && labels == null) continue;
      if (images == null || labels == null) {
        Path present = images != null ? images : labels;
        throw InvalidInputException.in(present)
            .expected(
                (images == null ? p + "-images-idx3-ubyte(.gz)" : p + "-labels-idx1-ubyte(.gz)")
                    + " beside it in "
                    + dir)
            .found("no such file")
            .build();
      }
      pairs.put(p, new Path[] {images, labels});
    }
    return pairs;
  }

  /** A lone {@code *-images-idx3-ubyte} without labels (only {@code predict} takes one). */
  private static Path[] idxImagesOnly(Path dir) {
    for (String p : PREFIXES) {
      Path images = find(dir, p + "-images-idx3-ubyte", p + "-images.idx3-ubyte");
      if (images != null) return new Path[] {images};
    }
    return null;
  }

  private static Path find(Path dir, String... names) {
    for (String n : names) {
      for (String candidate : new String[] {n, n + ".gz"}) {
        Path p = dir.resolve(candidate);
        if (Files.isRegularFile(p)) return p;
      }
    }
    return null;
  }

  private static Path siblingLabels(Path images) {
    String name = images.getFileName().toString();
    String labels =
        name.replace("images-idx3", "labels-idx1").replace("images.idx3", "labels.idx1");
    if (!labels.equals(name)) {
      for (String candidate :
          new String[] {
            labels,
            labels.endsWith(".gz") ? labels.substring(0, labels.length() - 3) : labels + ".gz"
          }) {
        Path p = images.resolveSibling(candidate);
        if (Files.isRegularFile(p)) return p;
      }
    }
    if (name.toLowerCase(Locale.ROOT).endsWith(".png")) {
      throw InvalidInputException.in(images)
          .expected("a folder of PNG class folders (DIR/<class name>/*.png) for labelled images")
          .found("a single PNG file")
          .build();
    }
    throw InvalidInputException.in(images)
        .expected(
            "its labels beside it as "
                + (labels.equals(name) ? "<name>-labels-idx1-ubyte(.gz)" : labels)
                + " (an IDX image file's name contains images-idx3)")
        .found("no such file")
        .build();
  }

  private static void requireExists(Path data) {
    if (!Files.exists(data)) {
      throw InvalidInputException.in(data)
          .expected("an IDX folder or file, or a folder of PNG class folders")
          .found("nothing there")
          .build();
    }
  }

  /** One file's SHA-256, or that of the files' names and hashes, one per line. */
  static String sha256(List<Path> files) {
    if (files.size() == 1) return ModelStore.sha256(files.get(0));
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (Path f : files) {
        md.update(
            (f.getFileName() + " " + ModelStore.sha256(f) + "\n").getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
