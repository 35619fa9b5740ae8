package io.marketlens.customers.features;

import io.marketlens.core.validate.Checks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What cleaning did to one input table, in counts the quality summary can show: rows read, rows
 * dropped per rule, rows kept, customers, values imputed per column, and notes (columns skipped).
 *
 * <p>Each dropped row is counted under the first rule it breaks, in the order of {@code dropped},
 * so {@code rowsRead == rowsKept + sum(dropped)}.
 *
 * @param table the table's role ("transactions", "customers")
 * @param rowsRead data rows in the input
 * @param dropped rows dropped per rule, in the order the rules are applied
 * @param rowsKept rows used
 * @param customers distinct customers in the rows used
 * @param imputed values filled in per column (median for numbers, most common value for flags)
 * @param notes plain-language remarks, e.g. a column skipped and why
 */
public record CleaningReport(
    String table,
    long rowsRead,
    Map<String, Long> dropped,
    long rowsKept,
    long customers,
    Map<String, Long> imputed,
    List<String> notes) {

  public CleaningReport {
    Objects.requireNonNull(table, "table");
    dropped = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(dropped));
    imputed = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(imputed));
    notes = List.copyOf(notes);
    long sum = 0;
    for (long v : dropped.values()) sum += v;
    Checks.requireArgument(
        rowsRead == rowsKept + sum,
        "rows read (%d) must equal rows kept (%d) plus rows dropped (%d)",
        rowsRead,
        rowsKept,
        sum);
  }

  /** The total number of rows dropped. */
  public long rowsDropped() {
    return rowsRead - rowsKept;
  }

  /** The counts as one flat map, for the quality summary and results.json. */
  public Map<String, Long> counts() {
    Map<String, Long> m = new LinkedHashMap<>();
    m.put("rows read", rowsRead);
    for (Map.Entry<String, Long> e : dropped.entrySet())
      m.put("dropped: " + e.getKey(), e.getValue());
    m.put("rows kept", rowsKept);
    m.put("customers", customers);
    for (Map.Entry<String, Long> e : imputed.entrySet())
      m.put("imputed: " + e.getKey(), e.getValue());
    return m;
  }

  /** One line per fact, e.g. "dropped 135,080 rows: missing customer id". */
  public List<String> lines() {
    List<String> out = new ArrayList<>();
    out.add(
        String.format(
            Locale.ROOT,
            "%s: %,d rows read, %,d kept, %,d customers",
            table,
            rowsRead,
            rowsKept,
            customers));
    for (Map.Entry<String, Long> e : dropped.entrySet()) {
      if (e.getValue() > 0) {
        out.add(String.format(Locale.ROOT, "dropped %,d rows: %s", e.getValue(), e.getKey()));
      }
    }
    for (Map.Entry<String, Long> e : imputed.entrySet()) {
      out.add(
          String.format(Locale.ROOT, "filled %,d missing values in %s", e.getValue(), e.getKey()));
    }
    out.addAll(notes);
    return out;
  }
}
