package io.marketlens.customers.features;

import io.marketlens.core.validate.Checks;
import java.util.BitSet;
import java.util.Objects;

/**
 * A yes/no outcome per customer (churned or not), in the row order of its {@link FeatureTable};
 * never used as a feature, only to describe segments.
 *
 * <p>The arrays are owned by the label from construction on; never modify them.
 *
 * @param name the column it came from
 * @param values true where the outcome is yes
 * @param missing rows where it is unknown
 */
public record Label(String name, boolean[] values, BitSet missing) {

  public Label {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(values, "values");
    missing = missing == null ? new BitSet() : missing;
    Checks.requireArgument(
        missing.length() <= values.length,
        "missing marks rows beyond the %d values",
        values.length);
  }

  public int size() {
    return values.length;
  }

  public boolean isKnown(int row) {
    return !missing.get(row);
  }

  /** The share of yes among the known rows of {@code rows} (all rows when null); 0 when none. */
  public double rate(int[] rows) {
    long yes = 0;
    long known = 0;
    if (rows == null) {
      for (int i = 0; i < values.length; i++) {
        if (missing.get(i)) continue;
        known++;
        if (values[i]) yes++;
      }
    } else {
      for (int i : rows) {
        if (missing.get(i)) continue;
        known++;
        if (values[i]) yes++;
      }
    }
    return known == 0 ? 0 : (double) yes / known;
  }

  /** The number of rows with a known value. */
  public int knownCount() {
    return values.length - missing.cardinality();
  }
}
