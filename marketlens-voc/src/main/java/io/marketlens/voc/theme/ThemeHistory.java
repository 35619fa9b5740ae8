package io.marketlens.voc.theme;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.marketlens.core.output.AtomicOutput;
import io.marketlens.core.validate.Checks;
import io.marketlens.ml.embed.Embedder;
import io.marketlens.ml.embed.Language;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The themes of a project's last run, kept so that the next run's themes keep their ids: rerun on
 * the same or grown data, a theme that is still there keeps its id, a new theme gets an id never
 * used before, and a theme that is gone is retired.
 *
 * <p><b>Matching.</b> Within each language, the new themes' centres are compared with the previous
 * run's by cosine <em>centred on the new run's mean theme direction</em> (the size-weighted mean of
 * its centres): both encoders put all texts in a narrow cone (distinct Chinese themes have raw
 * cosines of 0.93-0.95 with bge-small-zh), so raw cosines do not separate themes while centred ones
 * do (Mu and Viswanath 2018, "All-but-the-Top", remove the common mean for the same reason). Pairs
 * are taken greedily, most similar first, each theme at most once, and only at or above the
 * threshold (0.8 by default). On the demo reviews, the same theme found on 80 % and on 100 % of the
 * data has a centred cosine of 0.93-0.98, the closest non-matching pair 0.43-0.74, and distinct
 * themes of one run below 0. A language with one theme is compared by raw cosine.
 *
 * <p><b>Encoders.</b> Each remembered theme records the sentence encoder its centre was computed
 * with ({@link Embedder#modelId}). A theme whose encoder is not the one this build uses for its
 * language (after an encoder change, or from a format-1 file, which recorded none) is never
 * matched: centres from different encoders are not comparable, even at the same dimension. Such
 * themes are retired and the new ones get fresh ids.
 *
 * <p><b>File.</b> {@code themes.json} in the project's cache directory: format version, run number,
 * the next unused id, and each theme's id, language, label, size, encoder and centre. Written
 * atomically; a missing file is an empty history, an unreadable one is ignored with a warning (the
 * themes then get fresh ids, never reused ones). Immutable; deterministic.
 */
public final class ThemeHistory {

  /** The file name in the cache directory. */
  public static final String FILE_NAME = "themes.json";

  /** The default centred cosine at or above which two themes are the same. */
  public static final double DEFAULT_MIN_SIMILARITY = 0.8;

  static final int FORMAT = 2;
  private static final System.Logger LOG = System.getLogger(ThemeHistory.class.getName());
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * One remembered theme.
   *
   * @param id its stable id
   * @param language its language ("EN" or "ZH")
   * @param label its label, for people reading the file
   * @param size the texts whose nearest theme it was
   * @param encoder the encoder its centre comes from ({@link Embedder#modelId}); null when unknown
   *     (a format-1 file)
   * @param centroid its centre
   */
  public record Entry(
      int id, String language, String label, int size, String encoder, Centroid centroid) {
    public Entry {
      Objects.requireNonNull(language, "language");
      Objects.requireNonNull(centroid, "centroid");
    }
  }

  private final int run;
  private final int nextId;
  private final List<Entry> themes;

  private ThemeHistory(int run, int nextId, List<Entry> themes) {
    this.run = run;
    this.nextId = nextId;
    this.themes = List.copyOf(themes);
  }

  /** No history: every theme is new and ids start at 0. */
  public static ThemeHistory empty() {
    return new ThemeHistory(0, 0, List.of());
  }

  /**
   * The history in {@code file}: empty when it does not exist, and, with a warning, when it cannot
   * be read or is not a theme history of format 1 or 2.
   */
  public static ThemeHistory read(Path file) {
    Objects.requireNonNull(file, "file");
    try {
      return parse(JSON.readTree(Files.readString(file)));
    } catch (NoSuchFileException e) {
      return empty();
    } catch (IOException | RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "ignoring the theme history " + file + " (" + e.getMessage() + "); themes get new ids");
      return empty();
    }
  }

  private static ThemeHistory parse(JsonNode root) {
    int format = root.path("format").asInt();
    Checks.requireArgument(
        format == 1 || format == FORMAT, "format %s is not 1 or %d", root.path("format"), FORMAT);
    int run = root.path("run").asInt(-1);
    int nextId = root.path("nextId").asInt(-1);
    Checks.requireArgument(run >= 1 && nextId >= 0, "run or nextId missing");
    List<Entry> entries = new ArrayList<>();
    for (JsonNode t : root.path("themes")) {
      JsonNode c = t.path("centroid");
      Checks.requireArgument(c.isArray() && !c.isEmpty(), "a theme without a centroid");
      double[] values = new double[c.size()];
      for (int d = 0; d < values.length; d++) {
        Checks.requireArgument(c.get(d).isNumber(), "a non-numeric centroid value");
        values[d] = c.get(d).asDouble();
      }
      int id = t.path("id").asInt(-1);
      Checks.requireArgument(id >= 0 && id < nextId, "theme id %d outside [0, nextId)", id);
      entries.add(
          new Entry(
              id,
              t.path("language").asText(),
              t.path("label").asText(),
              t.path("size").asInt(),
              t.path("encoder").isTextual() ? t.path("encoder").asText() : null,
              Centroid.of(values)));
    }
    return new ThemeHistory(run, nextId, entries);
  }

  /** The run these themes came from; 0 for an empty history. */
  public int run() {
    return run;
  }

  /** The lowest id never used. */
  public int nextId() {
    return nextId;
  }

  /** The remembered themes. */
  public List<Entry> themes() {
    return themes;
  }

  /**
   * The stable ids of {@code current}, a run's themes in {@link ThemeResult#themes()} order.
   *
   * @param minSimilarity the centred cosine a match needs, in (0, 1]
   */
  public ThemeIds match(List<Theme> current, double minSimilarity) {
    Checks.requireArgument(
        minSimilarity > 0 && minSimilarity <= 1,
        "minSimilarity must be in (0, 1], found %s",
        minSimilarity);
    int n = current.size();
    int[] previous = new int[n];
    double[] similarity = new double[n];
    Arrays.fill(previous, -1);
    Arrays.fill(similarity, Double.NaN);
    boolean[] used = new boolean[themes.size()];

    for (String language : languages(current)) {
      List<Integer> mine = new ArrayList<>();
      for (int i = 0; i < n; i++) if (current.get(i).language().equals(language)) mine.add(i);
      double[] reference = reference(current, mine);
      List<double[]> pairs = new ArrayList<>(); // {similarity, current index, history index}
      for (int i : mine) {
        Centroid c = current.get(i).centroid();
        for (int h = 0; h < themes.size(); h++) {
          Entry e = themes.get(h);
          if (!e.language().equals(language)
              || e.centroid().dimension() != c.dimension()
              || !java.util.Objects.equals(e.encoder(), encoderOf(language))) {
            continue;
          }
          double s = centredCosine(c.toArray(), e.centroid().toArray(), reference);
          if (s >= minSimilarity) pairs.add(new double[] {s, i, h});
        }
      }
      pairs.sort(
          Comparator.<double[]>comparingDouble(p -> -p[0])
              .thenComparingDouble(p -> p[1])
              .thenComparingDouble(p -> p[2]));
      for (double[] p : pairs) {
        int i = (int) p[1];
        int h = (int) p[2];
        if (previous[i] >= 0 || used[h]) continue;
        previous[i] = themes.get(h).id();
        similarity[i] = p[0];
        used[h] = true;
      }
    }

    List<Integer> ids = new ArrayList<>(n);
    List<Integer> previousIds = new ArrayList<>(n);
    List<Double> similarities = new ArrayList<>(n);
    int next = nextId;
    for (int i = 0; i < n; i++) {
      ids.add(previous[i] >= 0 ? previous[i] : next++);
      previousIds.add(previous[i]);
      similarities.add(similarity[i]);
    }
    TreeSet<Integer> retired = new TreeSet<>();
    for (int h = 0; h < themes.size(); h++) if (!used[h]) retired.add(themes.get(h).id());
    return new ThemeIds(
        ids, previousIds, similarities, run, new ArrayList<>(retired), minSimilarity);
  }

  /** The history to keep after a run whose themes got {@code ids}. */
  public ThemeHistory next(List<Theme> current, ThemeIds ids) {
    Checks.requireArgument(
        ids.ids().size() == current.size(),
        "%d ids for %d themes",
        ids.ids().size(),
        current.size());
    int next = nextId;
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < current.size(); i++) {
      Theme t = current.get(i);
      int id = ids.id(i);
      next = Math.max(next, id + 1);
      entries.add(
          new Entry(
              id,
              t.language(),
              t.label(),
              t.nearestCount(),
              encoderOf(t.language()),
              t.centroid()));
    }
    return new ThemeHistory(run + 1, next, entries);
  }

  /** Writes this history to {@code file} atomically. */
  public void write(Path file) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("run", run);
    root.put("nextId", nextId);
    ArrayNode out = root.putArray("themes");
    for (Entry e : themes) {
      ObjectNode t = out.addObject();
      t.put("id", e.id());
      t.put("language", e.language());
      t.put("label", e.label());
      t.put("size", e.size());
      if (e.encoder() != null) t.put("encoder", e.encoder());
      ArrayNode c = t.putArray("centroid");
      for (double v : e.centroid().toArray()) c.add((float) v);
    }
    try {
      AtomicOutput.writeString(file, JSON.writeValueAsString(root) + "\n");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot write " + file, e);
    }
  }

  /** The encoder this build uses for the language named {@code language} ("EN", "ZH"), or null. */
  static String encoderOf(String language) {
    for (Language l : Language.values()) if (l.name().equals(language)) return Embedder.modelId(l);
    return null;
  }

  private static List<String> languages(List<Theme> themes) {
    List<String> out = new ArrayList<>();
    for (Theme t : themes) if (!out.contains(t.language())) out.add(t.language());
    return out;
  }

  /** The size-weighted mean direction of the given themes' centres; null for fewer than two. */
  private static double[] reference(List<Theme> themes, List<Integer> which) {
    if (which.size() < 2) return null;
    double[] r = new double[themes.get(which.get(0)).centroid().dimension()];
    for (int i : which) {
      double[] c = themes.get(i).centroid().toArray();
      double w = Math.max(1, themes.get(i).nearestCount());
      for (int d = 0; d < r.length; d++) r[d] += w * c[d];
    }
    return Centroid.of(r).toArray();
  }

  /**
   * The cosine of {@code a} and {@code b} after removing their components along the unit vector
   * {@code reference}; the plain cosine when reference is null or nothing is left.
   */
  static double centredCosine(double[] a, double[] b, double[] reference) {
    double pa = 0;
    double pb = 0;
    if (reference != null) {
      for (int d = 0; d < a.length; d++) {
        pa += a[d] * reference[d];
        pb += b[d] * reference[d];
      }
    }
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int d = 0; d < a.length; d++) {
      double x = reference == null ? a[d] : a[d] - pa * reference[d];
      double y = reference == null ? b[d] : b[d] - pb * reference[d];
      dot += x * y;
      na += x * x;
      nb += y * y;
    }
    if (na < 1e-12 || nb < 1e-12) return reference == null ? 0 : centredCosine(a, b, null);
    return Math.max(-1, Math.min(1, dot / Math.sqrt(na * nb)));
  }
}
