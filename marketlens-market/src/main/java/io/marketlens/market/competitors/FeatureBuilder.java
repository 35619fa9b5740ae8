package io.marketlens.market.competitors;

import io.marketlens.core.table.Column;
import io.marketlens.core.table.ColumnType;
import io.marketlens.core.table.Table;
import io.marketlens.core.validate.Checks;
import io.marketlens.core.validate.InvalidInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns a product table into a {@link FeatureSpace}: picks the usable columns, parses unit strings
 * and number words, imputes missing values (median for numbers, most common level for categories),
 * merges rare levels, drops what cannot be a feature and says why.
 */
final class FeatureBuilder {

  /** The level that rare levels are merged into. */
  static final String OTHER = "other";

  private static final double MAX_MISSING_SHARE = 0.5;
  private static final int MAX_LABEL_CHARS = 30;

  private static final Map<String, Integer> NUMBER_WORDS = new LinkedHashMap<>();

  static {
    String[] words = {
      "zero",
      "one",
      "two",
      "three",
      "four",
      "five",
      "six",
      "seven",
      "eight",
      "nine",
      "ten",
      "eleven",
      "twelve",
      "thirteen",
      "fourteen",
      "fifteen",
      "sixteen",
      "seventeen",
      "eighteen",
      "nineteen",
      "twenty"
    };
    for (int i = 0; i < words.length; i++) NUMBER_WORDS.put(words[i], i);
  }

  private final Table table;
  private final CompetitorOptions options;
  private final Path file;
  private final int n;
  private final List<FeatureSpace.Source> sources = new ArrayList<>();
  private final List<FeatureReport.Used> used = new ArrayList<>();
  private final List<FeatureReport.Dropped> dropped = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  private FeatureBuilder(Table table, CompetitorOptions options) {
    this.table = table;
    this.options = options;
    this.file = table.source();
    this.n = table.rowCount();
  }

  /**
   * @throws InvalidInputException for fewer than 3 products, fewer than 2 usable features, a named
   *     column that does not exist, an unknown or ambiguous {@code ours}, or a bad unit string
   */
  static FeatureSpace build(Table table, CompetitorOptions options) {
    return new FeatureBuilder(table, options).build();
  }

  static double numberWord(String s) {
    Integer v = NUMBER_WORDS.get(s.strip().toLowerCase(Locale.ROOT));
    return v == null ? Double.NaN : v;
  }

  static double booleanWord(String s) {
    return switch (s.strip().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "y", "1" -> 1;
      case "false", "no", "n", "0" -> 0;
      default -> Double.NaN;
    };
  }

  private FeatureSpace build() {
    if (n < 3) {
      throw InvalidInputException.in(file)
          .expected("at least 3 products (rows) for a competitor map")
          .found(n + (n == 1 ? " row" : " rows"))
          .build();
    }
    Column nameColumn = table.column(options.nameColumn());
    String[] names = names(nameColumn);
    int ours = findOurs(names);
    if (options.priceColumn() != null) table.column(options.priceColumn());
    for (String u : options.unitColumns()) table.column(u);
    int priceSource = -1;
    for (Column c : candidates(nameColumn)) {
      boolean isPrice = c.name().equals(options.priceColumn());
      FeatureSpace.Source s = isPrice ? price(c) : source(c);
      if (s == null) continue;
      if (isPrice) priceSource = sources.size();
      sources.add(s);
      used.add(
          new FeatureReport.Used(
              s.column(),
              s.kind().id,
              s.unit() == null || s.unit().isEmpty() ? null : s.unit(),
              s.levels(),
              s.imputed(),
              s.imputed() > 0 ? s.fill() : null));
    }
    double[] observedPrice = priceSource < 0 ? null : observedPrice(options.priceColumn());
    return assemble(names, ours, priceSource, observedPrice);
  }

  private String[] names(Column c) {
    String[] names = new String[n];
    int unnamed = 0;
    for (int i = 0; i < n; i++) {
      names[i] = c.isMissing(i) ? null : c.getString(i).strip();
      if (names[i] == null || names[i].isEmpty()) {
        names[i] = "row " + (i + 2);
        unnamed++;
      }
    }
    if (unnamed > 0) {
      notes.add(
          unnamed + " products have no " + c.name() + "; they are called by their row number");
    }
    return names;
  }

  private int findOurs(String[] names) {
    if (options.ours() == null) return -1;
    List<Integer> hits = new ArrayList<>();
    for (int i = 0; i < n; i++) if (names[i].equals(options.ours().strip())) hits.add(i);
    if (hits.size() == 1) return hits.get(0);
    Set<String> distinct = new java.util.LinkedHashSet<>(Arrays.asList(names));
    InvalidInputException.Builder b =
        InvalidInputException.in(file)
            .key("competitors.ours")
            .column(options.nameColumn())
            .expected("exactly one product named '" + options.ours() + "'");
    if (hits.isEmpty()) {
      throw b.found("no such product").hint(Checks.suggestion(options.ours(), distinct)).build();
    }
    throw b.found(hits.size() + " rows (data rows " + rowList(hits) + ")")
        .hint("give the products unique names")
        .build();
  }

  private static String rowList(List<Integer> rows) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < Math.min(rows.size(), 5); i++) {
      if (i > 0) s.append(", ");
      s.append(rows.get(i) + 2);
    }
    return rows.size() > 5 ? s + ", …" : s.toString();
  }

  private List<Column> candidates(Column nameColumn) {
    List<Column> out = new ArrayList<>();
    if (options.featureColumns().isEmpty()) {
      for (Column c : table.columns()) if (c != nameColumn) out.add(c);
      return out;
    }
    Set<String> seen = new HashSet<>();
    for (String f : options.featureColumns()) {
      Column c = table.column(f);
      if (c != nameColumn && seen.add(f)) out.add(c);
    }
    if (options.priceColumn() != null && seen.add(options.priceColumn())) {
      out.add(table.column(options.priceColumn()));
    }
    return out;
  }

  private FeatureSpace.Source price(Column c) {
    FeatureSpace.Kind kind;
    double[] values;
    String unit = "";
    if (c.type().isNumeric()) {
      kind = FeatureSpace.Kind.NUMERIC;
      values = numbers(c);
    } else if (c.type().isString()) {
      UnitParser.ParsedColumn p = UnitParser.parseColumn(c, file);
      kind = FeatureSpace.Kind.UNIT;
      values = p.values();
      unit = p.unit();
      for (int i = p.missing().nextSetBit(0); i >= 0; i = p.missing().nextSetBit(i + 1)) {
        values[i] = Double.NaN;
      }
    } else {
      throw InvalidInputException.in(file)
          .column(c.name())
          .expected("a numeric price column")
          .found("a " + c.type().id() + " column")
          .build();
    }
    int observed = 0;
    for (double v : values) if (!Double.isNaN(v)) observed++;
    if (observed < 3) {
      throw InvalidInputException.in(file)
          .column(c.name())
          .expected("a price for at least 3 products")
          .found(observed + " prices")
          .build();
    }
    if (observed < n) {
      notes.add(
          (n - observed)
              + " products have no "
              + c.name()
              + "; they are placed on the map at the median price and left out of the"
              + " price-value frontier");
    }
    return numeric(c.name(), kind, unit, values);
  }

  private double[] observedPrice(String column) {
    FeatureSpace.Source s = null;
    for (FeatureSpace.Source x : sources) if (x.column().equals(column)) s = x;
    Column c = table.column(column);
    double[] out = s.numbers().clone();
    for (int i = 0; i < n; i++) if (c.isMissing(i)) out[i] = Double.NaN;
    return out;
  }

  /** The source for a non-price column, or null (recorded in {@code dropped}) when unusable. */
  private FeatureSpace.Source source(Column c) {
    String name = c.name();
    if (options.unitColumns().contains(name)) {
      UnitParser.ParsedColumn p = UnitParser.parseColumn(c, file);
      double[] values = p.values();
      for (int i = p.missing().nextSetBit(0); i >= 0; i = p.missing().nextSetBit(i + 1)) {
        values[i] = Double.NaN;
      }
      return tooMissing(c) ? null : numeric(name, FeatureSpace.Kind.UNIT, p.unit(), values);
    }
    switch (c.type()) {
      case INTEGER:
      case DECIMAL:
        if (c.type() == ColumnType.INTEGER && runningNumber(c)) {
          return drop(name, "id-like: a different running number on every row");
        }
        return tooMissing(c) ? null : numeric(name, FeatureSpace.Kind.NUMERIC, "", numbers(c));
      case BOOLEAN:
        return tooMissing(c) ? null : numeric(name, FeatureSpace.Kind.BOOLEAN, "", numbers(c));
      case DATE:
      case DATETIME:
        return drop(name, "a date; give a number such as the launch year to use it");
      case CATEGORICAL:
      case TEXT:
        return stringSource(c);
      default:
        throw new AssertionError(c.type());
    }
  }

  private FeatureSpace.Source stringSource(Column c) {
    String name = c.name();
    if (numberWords(c)) {
      double[] values = new double[n];
      for (int i = 0; i < n; i++) {
        values[i] = c.isMissing(i) ? Double.NaN : numberWord(c.getString(i));
      }
      return tooMissing(c) ? null : numeric(name, FeatureSpace.Kind.NUMBER_WORDS, "", values);
    }
    if (UnitParser.looksLikeUnits(c)) {
      return drop(
          name,
          "holds unit strings such as '" + firstValue(c) + "'; list it under units to use it");
    }
    Map<String, Integer> counts = levelCounts(c);
    int present = n - c.missingCount();
    if (present >= 5 && counts.size() >= 0.9 * present) {
      return drop(name, "id-like: " + counts.size() + " different values in " + present + " rows");
    }
    if (c.type() == ColumnType.TEXT) {
      if (!shortLabels(c, counts.size(), present)) return drop(name, "free text");
      notes.add(
          name
              + ": read as categories ("
              + counts.size()
              + " short labels repeated over "
              + present
              + " rows)");
    }
    if (tooMissing(c)) return null;
    return categorical(c, counts);
  }

  /**
   * True when a TEXT column is really labels: values of at most {@value #MAX_LABEL_CHARS}
   * characters on average, each used on two rows on average (the reader calls a column with more
   * than 20 distinct values text, which a 22-brand column of a product table is not).
   */
  private boolean shortLabels(Column c, int distinct, int present) {
    long chars = 0;
    for (int i = 0; i < n; i++) if (!c.isMissing(i)) chars += c.getString(i).length();
    return present > 0 && chars <= (long) MAX_LABEL_CHARS * present && distinct <= present / 2;
  }

  private boolean tooMissing(Column c) {
    if (c.missingCount() <= MAX_MISSING_SHARE * n) return false;
    drop(c.name(), "more than half missing (" + c.missingCount() + " of " + n + " rows)");
    return true;
  }

  private FeatureSpace.Source drop(String column, String reason) {
    dropped.add(new FeatureReport.Dropped(column, reason));
    return null;
  }

  private double[] numbers(Column c) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) v[i] = c.isMissing(i) ? Double.NaN : c.getDouble(i);
    return v;
  }

  private boolean runningNumber(Column c) {
    if (c.missingCount() > 0) return false;
    long[] v = new long[n];
    for (int i = 0; i < n; i++) v[i] = c.getLong(i);
    Arrays.sort(v);
    for (int i = 1; i < n; i++) if (v[i] != v[i - 1] + 1) return false;
    return true;
  }

  private boolean numberWords(Column c) {
    boolean any = false;
    for (int i = 0; i < n; i++) {
      if (c.isMissing(i)) continue;
      if (Double.isNaN(numberWord(c.getString(i)))) return false;
      any = true;
    }
    return any;
  }

  private String firstValue(Column c) {
    for (int i = 0; i < n; i++) if (!c.isMissing(i)) return c.getString(i);
    return "";
  }

  private Map<String, Integer> levelCounts(Column c) {
    Map<String, Integer> counts = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      if (!c.isMissing(i)) counts.merge(c.getString(i).strip(), 1, Integer::sum);
    }
    return counts;
  }

  /** A numeric source with missing values (NaN) replaced by the median; null when constant. */
  private FeatureSpace.Source numeric(
      String column, FeatureSpace.Kind kind, String unit, double[] values) {
    double[] present = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
    if (present.length == 0) return drop(column, "no values");
    int m = present.length;
    double median = m % 2 == 1 ? present[m / 2] : (present[m / 2 - 1] + present[m / 2]) / 2;
    int imputed = n - m;
    double[] filled = values.clone();
    for (int i = 0; i < n; i++) if (Double.isNaN(filled[i])) filled[i] = median;
    if (present[m - 1] - present[0] <= 1e-12 * Math.max(1, Math.abs(median))) {
      return drop(column, "constant (" + Fmt.approx(median) + " in every row)");
    }
    String fill = Fmt.approx(median) + (unit.isEmpty() ? "" : " " + unit);
    if (imputed > 0 && !column.equals(options.priceColumn())) {
      notes.add(imputed + " missing " + column + " filled with the median " + fill);
    }
    return new FeatureSpace.Source(
        column, kind, unit, filled, null, List.of(), List.of(), imputed, fill, median);
  }

  private FeatureSpace.Source categorical(Column c, Map<String, Integer> counts) {
    List<Map.Entry<String, Integer>> byCount = new ArrayList<>(counts.entrySet());
    byCount.sort((a, b) -> b.getValue() - a.getValue());
    if (byCount.size() < 2) {
      return drop(
          c.name(), "constant ('" + (byCount.isEmpty() ? "" : byCount.get(0).getKey()) + "')");
    }
    String mode = byCount.get(0).getKey();
    int keep = Math.min(options.maxLevels(), byCount.size());
    if (keep == byCount.size() - 1) keep++; // an 'other' of one level would only rename it
    List<String> levels = new ArrayList<>();
    for (int i = 0; i < keep; i++) levels.add(byCount.get(i).getKey());
    String other = levels.contains(OTHER) ? "(" + OTHER + ")" : OTHER;
    if (keep < byCount.size()) levels.add(other);
    String[] labels = new String[n];
    int imputed = 0;
    for (int i = 0; i < n; i++) {
      String v = c.isMissing(i) ? null : c.getString(i).strip();
      if (v == null) {
        v = mode;
        imputed++;
      }
      labels[i] = levels.contains(v) ? v : other;
    }
    if (keep < byCount.size()) {
      notes.add(
          c.name()
              + ": the "
              + (byCount.size() - keep)
              + " rarest of "
              + byCount.size()
              + " levels merged into '"
              + other
              + "'");
    }
    if (imputed > 0) notes.add(imputed + " missing " + c.name() + " filled with '" + mode + "'");
    List<String> indicators = levels.size() == 2 ? List.of(levels.get(1)) : List.copyOf(levels);
    return new FeatureSpace.Source(
        c.name(),
        FeatureSpace.Kind.CATEGORICAL,
        null,
        null,
        labels,
        List.copyOf(levels),
        indicators,
        imputed,
        mode,
        Double.NaN);
  }

  private FeatureSpace assemble(String[] names, int ours, int priceSource, double[] price) {
    List<FeatureSpace.Dim> dims = new ArrayList<>();
    List<double[]> columns = new ArrayList<>();
    for (int s = 0; s < sources.size(); s++) {
      FeatureSpace.Source src = sources.get(s);
      if (!src.categorical()) {
        columns.add(src.numbers());
        dims.add(dim(s, src.column(), null, src.numbers(), 1));
        continue;
      }
      double weight = 1 / Math.sqrt(src.indicators().size());
      for (String level : src.indicators()) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = src.labels()[i].equals(level) ? 1 : 0;
        columns.add(x);
        dims.add(dim(s, src.column(), level, x, weight));
      }
    }
    if (dims.size() < 2) {
      throw InvalidInputException.in(file)
          .expected(
              "at least 2 usable feature columns (numbers, yes/no, categories or unit strings)")
          .found(dims.isEmpty() ? "none" : "only " + dims.get(0).label())
          .hint(droppedSummary())
          .build();
    }
    double[][] z = new double[n][dims.size()];
    for (int j = 0; j < dims.size(); j++) {
      FeatureSpace.Dim d = dims.get(j);
      for (int i = 0; i < n; i++) z[i][j] = d.encode(columns.get(j)[i]);
    }
    FeatureReport report = new FeatureReport(used, dropped);
    return new FeatureSpace(file, names, ours, sources, dims, z, priceSource, price, report, notes);
  }

  private static FeatureSpace.Dim dim(int s, String column, String level, double[] x, double w) {
    double mean = 0;
    for (double v : x) mean += v;
    mean /= x.length;
    double ss = 0;
    for (double v : x) ss += (v - mean) * (v - mean);
    double sd = Math.sqrt(ss / x.length);
    return new FeatureSpace.Dim(s, column, level, mean, sd, w);
  }

  private String droppedSummary() {
    if (dropped.isEmpty()) return "give numeric, yes/no or categorical feature columns";
    StringBuilder s = new StringBuilder("left out: ");
    for (int i = 0; i < dropped.size(); i++) {
      if (i > 0) s.append("; ");
      s.append(dropped.get(i).column()).append(" (").append(dropped.get(i).reason()).append(')');
    }
    return s.toString();
  }
}
