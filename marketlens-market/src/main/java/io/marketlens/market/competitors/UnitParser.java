package io.marketlens.market.competitors;

import io.marketlens.core.table.Column;
import io.marketlens.core.validate.InvalidInputException;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads spec strings such as "8GB", "1.37 kg", "2.5GHz", "$1,299" or "4000mAh" as numbers, and a
 * column of them in one common unit.
 *
 * <p>Numbers: an optional currency sign, an optional sign, digits with optional thousands commas in
 * groups of three ("1,299"), or a decimal comma when the comma is not a thousands separator
 * ("2,5"). Units are matched ignoring case. Known families are converted to the unit most frequent
 * in the column: bytes (B, KB, MB, GB, TB, binary steps of 1024 as spec sheets for memory use),
 * mass (mg, g, kg, lb, oz), frequency (Hz, kHz, MHz, GHz), length (mm, cm, m, in) and charge (mAh,
 * Ah). Any other unit is accepted when the whole column uses it; a bare number takes the column's
 * unit.
 */
final class UnitParser {

  private static final Pattern VALUE =
      Pattern.compile(
          "^[$€£¥]?\\s*([-+]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?|[-+]?\\d+,\\d+|[-+]?\\.\\d+)"
              + "\\s*([A-Za-zµ\"%/]*)\\s*$");

  private static final Map<String, Unit> KNOWN = new HashMap<>();

  static {
    unit("bytes", 1, "B", "b", "byte", "bytes");
    unit("bytes", 1024, "KB", "kb", "kib");
    unit("bytes", 1024.0 * 1024, "MB", "mb", "mib");
    unit("bytes", 1024.0 * 1024 * 1024, "GB", "gb", "gib");
    unit("bytes", 1024.0 * 1024 * 1024 * 1024, "TB", "tb", "tib");
    unit("mass", 0.001, "mg", "mg");
    unit("mass", 1, "g", "g", "gram", "grams");
    unit("mass", 1000, "kg", "kg", "kgs");
    unit("mass", 453.59237, "lb", "lb", "lbs");
    unit("mass", 28.349523125, "oz", "oz");
    unit("frequency", 1, "Hz", "hz");
    unit("frequency", 1e3, "kHz", "khz");
    unit("frequency", 1e6, "MHz", "mhz");
    unit("frequency", 1e9, "GHz", "ghz");
    unit("length", 1, "mm", "mm");
    unit("length", 10, "cm", "cm");
    unit("length", 1000, "m", "m");
    unit("length", 25.4, "in", "in", "inch", "inches", "\"");
    unit("charge", 1, "mAh", "mah");
    unit("charge", 1000, "Ah", "ah");
  }

  /** A known unit: its family, its size in the family's base unit and its canonical spelling. */
  record Unit(String family, double factor, String symbol) {}

  /** One parsed value; {@code unit} is the canonical spelling, or "" when the value had none. */
  record Parsed(double value, String unit) {}

  /** A parsed column: values in {@code unit} ("" when none), missing where the input was. */
  record ParsedColumn(double[] values, BitSet missing, String unit) {}

  private UnitParser() {}

  private static void unit(String family, double factor, String symbol, String... spellings) {
    Unit u = new Unit(family, factor, symbol);
    for (String s : spellings) KNOWN.put(s, u);
  }

  /** The value of {@code raw}, or null when it is not a number with an optional unit. */
  static Parsed parse(String raw) {
    if (raw == null) return null;
    Matcher m = VALUE.matcher(raw.strip());
    if (!m.matches()) return null;
    String number = m.group(1);
    if (number.matches("[-+]?\\d+,\\d+") && !number.matches("[-+]?\\d{1,3}(,\\d{3})+")) {
      number = number.replace(',', '.');
    } else {
      number = number.replace(",", "");
    }
    double v = Double.parseDouble(number);
    if (!Double.isFinite(v)) return null;
    String unit = m.group(2);
    Unit known = KNOWN.get(unit.toLowerCase(Locale.ROOT));
    return new Parsed(v, known != null ? known.symbol() : unit);
  }

  /** True when most non-missing values of a string column read as numbers with a unit. */
  static boolean looksLikeUnits(Column c) {
    int seen = 0;
    int withUnit = 0;
    for (int i = 0; i < c.size() && seen < 200; i++) {
      if (c.isMissing(i)) continue;
      seen++;
      Parsed p = parse(c.getString(i));
      if (p != null && !p.unit().isEmpty()) withUnit++;
    }
    return seen > 0 && withUnit >= 0.9 * seen;
  }

  /**
   * Parses every value of {@code c} and converts them to the unit most frequent in the column.
   *
   * @throws InvalidInputException naming the row and the column for a value that is not a number
   *     with a unit, or for units that cannot be converted into each other
   */
  static ParsedColumn parseColumn(Column c, Path file) {
    int n = c.size();
    Parsed[] parsed = new Parsed[n];
    BitSet missing = new BitSet(n);
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      if (c.isMissing(i)) {
        missing.set(i);
        continue;
      }
      String raw = c.type().isNumeric() ? null : c.getString(i);
      parsed[i] = raw == null ? new Parsed(c.getDouble(i), "") : parse(raw);
      if (parsed[i] == null) {
        throw InvalidInputException.in(file)
            .row(i + 2L)
            .column(c.name())
            .expected("a number with an optional unit, such as 8GB, 1.37kg, 2.5GHz or 1,299")
            .found(raw)
            .build();
      }
      if (!parsed[i].unit().isEmpty()) counts.merge(parsed[i].unit(), 1, Integer::sum);
    }
    String target = mostFrequent(counts);
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      if (parsed[i] != null) values[i] = convert(parsed[i], target, c.name(), i, file);
    }
    return new ParsedColumn(values, missing, target);
  }

  private static String mostFrequent(Map<String, Integer> counts) {
    String best = "";
    int bestCount = 0;
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      if (e.getValue() > bestCount) {
        best = e.getKey();
        bestCount = e.getValue();
      }
    }
    return best;
  }

  private static double convert(Parsed p, String target, String column, int row, Path file) {
    double v = toUnit(p, target);
    if (Double.isNaN(v)) {
      throw InvalidInputException.in(file)
          .row(row + 2L)
          .column(column)
          .expected("values in one unit, or in units of one family (such as MB/GB/TB or g/kg)")
          .found(Fmt.plain(p.value()) + p.unit() + " in a column mostly in " + target)
          .build();
    }
    return v;
  }

  /** {@code p} in {@code target} units, or NaN when the two units do not convert. */
  static double toUnit(Parsed p, String target) {
    if (p.unit().isEmpty() || p.unit().equals(target)) return p.value();
    Unit from = KNOWN.get(p.unit().toLowerCase(Locale.ROOT));
    Unit to = KNOWN.get(target.toLowerCase(Locale.ROOT));
    if (from == null || to == null || !from.family().equals(to.family())) return Double.NaN;
    return p.value() * from.factor() / to.factor();
  }
}
