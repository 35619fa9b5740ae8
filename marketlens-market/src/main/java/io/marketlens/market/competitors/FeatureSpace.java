package io.marketlens.market.competitors;

import io.marketlens.core.validate.Checks;
import io.marketlens.core.validate.InvalidInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The products as a matrix of weighted z-scores, one column ("dimension") per numeric feature or
 * one-hot level, with what is needed to go back from z-scores to feature values.
 *
 * <p>A numeric dimension is (x − mean) / sd. The indicators of a categorical column are z-scored
 * the same way and then multiplied by 1/√(number of indicators), so that every categorical column,
 * like every numeric one, adds exactly 1 to the total variance: a 22-brand column does not outweigh
 * the engine size. A two-level column has one indicator (for its rarer level).
 */
final class FeatureSpace {

  /** How a source column became numbers. */
  enum Kind {
    NUMERIC("numeric"),
    BOOLEAN("boolean"),
    CATEGORICAL("categorical"),
    UNIT("unit"),
    NUMBER_WORDS("number words");

    final String id;

    Kind(String id) {
      this.id = id;
    }
  }

  /**
   * A feature column after parsing and imputation.
   *
   * @param numbers the values, missing ones imputed (numeric kinds), or null
   * @param labels the levels, rare ones merged and missing ones imputed (categorical), or null
   * @param levels every level kept, most common first (categorical), else empty
   * @param indicators the levels that have a dimension (all of them, or the rarer of two)
   * @param fill the value or level used for missing values, as text
   * @param fillValue the number used for missing values (numeric kinds), else NaN
   */
  record Source(
      String column,
      Kind kind,
      String unit,
      double[] numbers,
      String[] labels,
      List<String> levels,
      List<String> indicators,
      int imputed,
      String fill,
      double fillValue) {

    boolean categorical() {
      return kind == Kind.CATEGORICAL;
    }

    /** The value in row {@code i} as text, with its unit. */
    String text(int i) {
      if (categorical()) return labels[i];
      if (kind == Kind.BOOLEAN) return numbers[i] != 0 ? "yes" : "no";
      return Fmt.approx(numbers[i]) + (unit == null || unit.isEmpty() ? "" : " " + unit);
    }
  }

  /**
   * One column of the matrix: z = (x − mean) / sd × weight.
   *
   * @param source the index of the source column
   * @param level the one-hot level, or null for a numeric dimension
   */
  record Dim(int source, String column, String level, double mean, double sd, double weight) {

    String label() {
      return level == null ? column : column + "=" + level;
    }

    double raw(double z) {
      return mean + sd * z / weight;
    }

    double encode(double raw) {
      return (raw - mean) / sd * weight;
    }
  }

  final Path file;
  final String[] names;
  final int ours;
  final List<Source> sources;
  final List<Dim> dims;
  final double[][] z;
  final int priceSource;
  final double[] observedPrice;
  final FeatureReport report;
  final List<String> notes;

  FeatureSpace(
      Path file,
      String[] names,
      int ours,
      List<Source> sources,
      List<Dim> dims,
      double[][] z,
      int priceSource,
      double[] observedPrice,
      FeatureReport report,
      List<String> notes) {
    this.file = file;
    this.names = names;
    this.ours = ours;
    this.sources = List.copyOf(sources);
    this.dims = List.copyOf(dims);
    this.z = z;
    this.priceSource = priceSource;
    this.observedPrice = observedPrice;
    this.report = report;
    this.notes = List.copyOf(notes);
  }

  int rows() {
    return z.length;
  }

  int width() {
    return dims.size();
  }

  boolean hasPrice() {
    return priceSource >= 0;
  }

  /** The dimension indices of source {@code s}. */
  List<Integer> dimsOf(int s) {
    List<Integer> out = new ArrayList<>();
    for (int j = 0; j < dims.size(); j++) if (dims.get(j).source() == s) out.add(j);
    return out;
  }

  /**
   * The row of the product named {@code name}.
   *
   * @throws InvalidInputException naming the demand point when no product has that name
   */
  int indexOf(String name, String label) {
    for (int i = 0; i < names.length; i++) if (names[i].equals(name.strip())) return i;
    throw InvalidInputException.in(file)
        .expected("a product of the table for demand point '" + label + "'")
        .found(name)
        .hint(Checks.suggestion(name, java.util.Arrays.asList(names)))
        .build();
  }

  /** Euclidean distance between two rows over every dimension. */
  double distance(int a, int b) {
    double s = 0;
    for (int j = 0; j < z[a].length; j++) {
      double d = z[a][j] - z[b][j];
      s += d * d;
    }
    return Math.sqrt(s);
  }

  /**
   * The z-vector of a product with the given raw feature values; a feature left out takes its fill.
   *
   * @throws InvalidInputException naming the demand point for an unknown column or value
   */
  double[] encode(Map<String, Object> values, String label) {
    List<String> columns = new ArrayList<>();
    for (Source s : sources) columns.add(s.column());
    for (String key : values.keySet()) {
      if (!columns.contains(key)) {
        throw InvalidInputException.in(null)
            .column(key)
            .expected("a feature column of the competitor map in demand point '" + label + "'")
            .found(key)
            .hint(Checks.suggestion(key, columns))
            .build();
      }
    }
    double[] out = new double[dims.size()];
    for (int j = 0; j < dims.size(); j++) {
      Dim d = dims.get(j);
      Source s = sources.get(d.source());
      Object v = values.get(s.column());
      if (s.categorical()) {
        String level = v == null ? s.fill() : levelOf(s, v.toString().strip(), label);
        out[j] = d.encode(level.equals(d.level()) ? 1 : 0);
      } else {
        out[j] = d.encode(v == null ? s.fillValue() : number(s, v, label));
      }
    }
    return out;
  }

  private static String levelOf(Source s, String given, String label) {
    for (String l : s.levels()) if (l.equals(given)) return l;
    for (String l : s.levels()) if (l.equalsIgnoreCase(given)) return l;
    if (s.levels().contains(FeatureBuilder.OTHER)) return FeatureBuilder.OTHER;
    throw InvalidInputException.in(null)
        .column(s.column())
        .expected("one of " + s.levels() + " in demand point '" + label + "'")
        .found(given)
        .build();
  }

  private static double number(Source s, Object v, String label) {
    if (v instanceof Number num) return num.doubleValue();
    if (v instanceof Boolean b) return b ? 1 : 0;
    String text = v.toString().strip();
    double d = Double.NaN;
    if (s.kind() == Kind.NUMBER_WORDS) d = FeatureBuilder.numberWord(text);
    if (s.kind() == Kind.BOOLEAN) d = FeatureBuilder.booleanWord(text);
    if (Double.isNaN(d)) {
      UnitParser.Parsed p = UnitParser.parse(text);
      if (p != null) d = UnitParser.toUnit(p, s.unit() == null ? "" : s.unit());
    }
    if (Double.isNaN(d)) {
      throw InvalidInputException.in(null)
          .column(s.column())
          .expected(
              "a number"
                  + (s.unit() == null || s.unit().isEmpty() ? "" : " in " + s.unit())
                  + " in demand point '"
                  + label
                  + "'")
          .found(text)
          .build();
    }
    return d;
  }

  /**
   * The feature values at a point of the z-space, source by source: a number for numeric columns,
   * the most likely level for categorical ones (the level whose implied share is highest; for a
   * two-level column, the indicated level when its share exceeds one half).
   */
  Object[] decode(double[] zhat) {
    Object[] out = new Object[sources.size()];
    for (int s = 0; s < sources.size(); s++) {
      Source src = sources.get(s);
      List<Integer> ds = dimsOf(s);
      if (!src.categorical()) {
        out[s] = dims.get(ds.get(0)).raw(zhat[ds.get(0)]);
        continue;
      }
      if (ds.size() == 1) {
        Dim d = dims.get(ds.get(0));
        out[s] = d.raw(zhat[ds.get(0)]) > 0.5 ? d.level() : src.levels().get(0);
        continue;
      }
      String best = null;
      double bestShare = Double.NEGATIVE_INFINITY;
      for (int j : ds) {
        double share = dims.get(j).raw(zhat[j]);
        if (share > bestShare) {
          bestShare = share;
          best = dims.get(j).level();
        }
      }
      out[s] = best;
    }
    return out;
  }

  /** A number in a source's unit, as text. */
  static String withUnit(Source s, double v) {
    return Fmt.approx(v) + (s.unit() == null || s.unit().isEmpty() ? "" : " " + s.unit());
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "FeatureSpace[%d × %d]", rows(), width());
  }
}
