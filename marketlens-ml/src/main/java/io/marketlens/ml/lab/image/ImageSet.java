package io.marketlens.ml.lab.image;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Images of one size held in Java memory as unsigned bytes, channel-major ({@code C×H×W} per image,
 * the layout the convolution takes), with an optional class label per image. Immutable; {@link
 * #slice} and {@link #subset} copy.
 */
public final class ImageSet {

  private final int height;
  private final int width;
  private final int channels;
  private final byte[] pixels;
  private final int[] labels;
  private final List<String> classNames;
  private final List<String> ids;
  private final String source;

  /**
   * An image set.
   *
   * @param height rows per image
   * @param width columns per image
   * @param channels 1 (grey) or more
   * @param pixels {@code size × channels × height × width} bytes, 0 to 255
   * @param labels the class index of each image, or null when unlabelled
   * @param classNames the name of each class index (empty when unlabelled)
   * @param ids a name per image (a file path), or null to name images by their index
   * @param source where the images came from, for messages
   */
  public ImageSet(
      int height,
      int width,
      int channels,
      byte[] pixels,
      int[] labels,
      List<String> classNames,
      List<String> ids,
      String source) {
    if (height < 1 || width < 1 || channels < 1) {
      throw new IllegalArgumentException("image dimensions must be >= 1");
    }
    long per = (long) height * width * channels;
    if (pixels.length % per != 0) throw new IllegalArgumentException("pixels not whole images");
    int n = (int) (pixels.length / per);
    if (labels != null && labels.length != n) throw new IllegalArgumentException("label count");
    if (ids != null && ids.size() != n) throw new IllegalArgumentException("id count");
    this.height = height;
    this.width = width;
    this.channels = channels;
    this.pixels = pixels;
    this.labels = labels;
    this.classNames = List.copyOf(classNames);
    this.ids = ids == null ? null : List.copyOf(ids);
    this.source = Objects.requireNonNull(source, "source");
  }

  /** The number of images. */
  public int size() {
    return pixels.length / pixelsPerImage();
  }

  /** Rows per image. */
  public int height() {
    return height;
  }

  /** Columns per image. */
  public int width() {
    return width;
  }

  /** Channels per image (1 for grey). */
  public int channels() {
    return channels;
  }

  /** {@code channels × height × width}. */
  public int pixelsPerImage() {
    return height * width * channels;
  }

  /** Whether every image has a class label. */
  public boolean labelled() {
    return labels != null;
  }

  /** The class index of image {@code i}. */
  public int label(int i) {
    return labels[i];
  }

  /** A copy of the class indices (null when unlabelled). */
  public int[] labels() {
    return labels == null ? null : labels.clone();
  }

  /** The class names, by class index. */
  public List<String> classNames() {
    return classNames;
  }

  /** The name of image {@code i}: its file, or its 0-based index in the source. */
  public String id(int i) {
    return ids == null ? Integer.toString(i) : ids.get(i);
  }

  /** Where the images came from. */
  public String source() {
    return source;
  }

  /** The unsigned value (0 to 255) of byte {@code k} of image {@code i}. */
  public int pixel(int i, int k) {
    return pixels[i * pixelsPerImage() + k] & 0xff;
  }

  /**
   * Writes image {@code i} scaled to [0, 1] ({@code value / 255}, in float, as the peer's NumPy
   * {@code astype(float32) / 255.0} does) into {@code out} from {@code offset}.
   */
  public void scaled(int i, float[] out, int offset) {
    int per = pixelsPerImage();
    int from = i * per;
    for (int k = 0; k < per; k++) out[offset + k] = (pixels[from + k] & 0xff) / 255f;
  }

  /** The number of images of each class (length: the number of class names). */
  public int[] classCounts() {
    int[] counts = new int[classNames.size()];
    if (labels != null) for (int l : labels) counts[l]++;
    return counts;
  }

  /** Images {@code [from, to)}, keeping their ids. */
  public ImageSet slice(int from, int to) {
    if (from < 0 || to > size() || from > to) {
      throw new IndexOutOfBoundsException("slice " + from + ".." + to + " of " + size());
    }
    int[] idx = new int[to - from];
    for (int i = 0; i < idx.length; i++) idx[i] = from + i;
    return subset(idx, source + " [" + from + ", " + to + ")");
  }

  /** The images at {@code indices}, in that order, keeping their ids. */
  public ImageSet subset(int[] indices, String newSource) {
    int per = pixelsPerImage();
    byte[] px = new byte[indices.length * per];
    int[] lb = labels == null ? null : new int[indices.length];
    List<String> id = new ArrayList<>(indices.length);
    for (int j = 0; j < indices.length; j++) {
      int i = indices[j];
      System.arraycopy(pixels, i * per, px, j * per, per);
      if (lb != null) lb[j] = labels[i];
      id.add(id(i));
    }
    return new ImageSet(height, width, channels, px, lb, classNames, id, newSource);
  }

  /** The same images with other class names (e.g. the model's), labels unchanged. */
  public ImageSet withClassNames(List<String> names) {
    return new ImageSet(height, width, channels, pixels, labels, names, ids, source);
  }

  /** The same images with labels mapped through {@code map} (old index → new index). */
  ImageSet relabel(int[] map, List<String> names) {
    int[] lb = new int[labels.length];
    for (int i = 0; i < lb.length; i++) lb[i] = map[labels[i]];
    return new ImageSet(height, width, channels, pixels, lb, names, ids, source);
  }

  /** {@code "28×28×1"}. */
  public String shape() {
    return height + "×" + width + "×" + channels;
  }

  @Override
  public String toString() {
    return "ImageSet["
        + size()
        + " × "
        + shape()
        + ", classes "
        + classNames
        + (labels == null ? ", unlabelled" : "")
        + ", "
        + source
        + "]";
  }

  /** Whether two sets hold the same pixels and labels (ids and source aside). */
  boolean sameContent(ImageSet o) {
    return height == o.height
        && width == o.width
        && channels == o.channels
        && Arrays.equals(pixels, o.pixels)
        && Arrays.equals(labels, o.labels);
  }
}
