package io.marketlens.customers.churn;

import io.marketlens.core.table.Column;
import io.marketlens.core.table.ColumnType;
import io.marketlens.core.table.Table;
import io.marketlens.core.validate.InvalidInputException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The checks on the customers table and the churn label, with the messages a user can act on. */
final class ChurnInputs {

  /** The fewest customers with a known label that a model is trained and tested on. */
  static final int MIN_LABELLED = 50;

  /** The fewest customers of each outcome. */
  static final int MIN_PER_CLASS = 10;

  private static final Set<String> YES =
      Set.of("yes", "y", "true", "t", "1", "1.0", "churned", "churn", "left");
  private static final Set<String> NO =
      Set.of("no", "n", "false", "f", "0", "0.0", "stayed", "retained", "active");

  private ChurnInputs() {}

  /** Rejects an empty table and one whose rows are all the same. */
  static void checkRows(Table t) {
    if (t.rowCount() == 0) {
      throw InvalidInputException.in(t.source())
          .expected("customers, one per row")
          .found("no data rows")
          .build();
    }
    if (t.rowCount() < 2) return;
    for (int r = 1; r < t.rowCount(); r++) {
      for (Column c : t.columns()) {
        if (!Objects.equals(c.getString(0), c.getString(r))) return;
      }
    }
    throw InvalidInputException.in(t.source())
        .expected("customers that differ from one another")
        .found("all " + t.rowCount() + " rows are identical")
        .hint("check that the right file was given and that it was exported with its values")
        .build();
  }

  /** The id column: the one named, or the first unique column named like an id. */
  static Column idColumn(Table t, String name) {
    if (name != null) {
      Column c = t.column(name);
      checkIds(t, c);
      return c;
    }
    for (Column c : t.columns()) {
      String n = c.name().toLowerCase(Locale.ROOT).replace("_", "").replace(" ", "");
      if (!(n.equals("id") || n.endsWith("id"))) continue;
      if (c.type() == ColumnType.DECIMAL || c.type() == ColumnType.BOOLEAN) continue;
      if (c.missingCount() == 0 && duplicateRow(c) < 0) return c;
    }
    throw InvalidInputException.in(t.source())
        .key("customers.id")
        .expected("an id column: one unique id per customer")
        .found(
            "no column named like an id (id, customerID, customer_id) with a value in every row, each once")
        .hint("name the id column in the project file (customers: id: <column>)")
        .build();
  }

  private static void checkIds(Table t, Column c) {
    for (int r = 0; r < c.size(); r++) {
      if (c.isMissing(r)) {
        throw InvalidInputException.in(t.source())
            .row(r + 2L)
            .column(c.name())
            .expected("a customer id in every row")
            .found("an empty value")
            .build();
      }
    }
    int dup = duplicateRow(c);
    if (dup >= 0) {
      throw InvalidInputException.in(t.source())
          .row(dup + 2L)
          .column(c.name())
          .expected("a unique customer id per row")
          .found(c.getString(dup))
          .hint("the same id appears in an earlier row; is this the id column?")
          .build();
    }
  }

  /** The first row whose value repeats an earlier one, or -1. */
  private static int duplicateRow(Column c) {
    Map<String, Integer> seen = new HashMap<>();
    for (int r = 0; r < c.size(); r++) {
      if (seen.putIfAbsent(c.getString(r), r) != null) return r;
    }
    return -1;
  }

  /**
   * The label of each row: 1 churned, 0 stayed, -1 unknown (missing).
   *
   * @throws InvalidInputException on a value that is not a yes/no flag
   */
  static int[] labels(Table t, Column c) {
    int[] out = new int[c.size()];
    for (int r = 0; r < c.size(); r++) {
      if (c.isMissing(r)) {
        out[r] = -1;
        continue;
      }
      String v = c.getString(r).trim().toLowerCase(Locale.ROOT);
      if (c.type() == ColumnType.BOOLEAN) out[r] = c.getBoolean(r) ? 1 : 0;
      else if (YES.contains(v)) out[r] = 1;
      else if (NO.contains(v)) out[r] = 0;
      else {
        throw InvalidInputException.in(t.source())
            .row(r + 2L)
            .column(c.name())
            .expected("a churn flag: yes/no, true/false or 1/0")
            .found(c.getString(r))
            .build();
      }
    }
    return out;
  }

  /** Rejects too few labelled customers and a label with one outcome only. */
  static void checkLabels(Table t, Column c, int[] labels) {
    int positives = 0;
    int negatives = 0;
    int firstPositive = -1;
    int firstNegative = -1;
    for (int r = 0; r < labels.length; r++) {
      if (labels[r] == 1) {
        positives++;
        if (firstPositive < 0) firstPositive = r;
      } else if (labels[r] == 0) {
        negatives++;
        if (firstNegative < 0) firstNegative = r;
      }
    }
    int labelled = positives + negatives;
    if (labelled < MIN_LABELLED) {
      throw InvalidInputException.in(t.source())
          .column(c.name())
          .expected(
              "at least "
                  + MIN_LABELLED
                  + " customers with a known churn value, to train and test a model")
          .found(labelled + (labelled == 1 ? " customer" : " customers"))
          .build();
    }
    if (positives == 0 || negatives == 0) {
      int example = positives == 0 ? firstNegative : firstPositive;
      throw InvalidInputException.in(t.source())
          .column(c.name())
          .expected(
              "both outcomes (churned and stayed) among the " + labelled + " labelled customers")
          .found(c.getString(example))
          .hint(
              "every labelled customer has this value ("
                  + (positives == 0 ? "stayed" : "churned")
                  + "); churn needs customers who left and customers who stayed")
          .build();
    }
    int fewer = Math.min(positives, negatives);
    if (fewer < MIN_PER_CLASS) {
      throw InvalidInputException.in(t.source())
          .column(c.name())
          .expected("at least " + MIN_PER_CLASS + " customers of each outcome")
          .found(fewer + " " + (positives < negatives ? "churned" : "stayed") + " of " + labelled)
          .build();
    }
  }

  /** Columns named in {@code names} that the table lacks, as an error. */
  static void requireColumns(Table t, List<String> names) {
    for (String n : names) t.column(n);
  }
}
