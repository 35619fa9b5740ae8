package io.marketlens.core.privacy;

import io.marketlens.core.table.Column;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.Predicate;

/**
 * The non-missing values of a column as text, evenly spaced over the rows and at most {@value
 * #MAX_VALUES} of them, on which detection decides.
 *
 * @param values the sampled values, in row order
 * @param distinct how many different values the sample holds
 */
record ColumnSample(List<String> values, int distinct) {

  static final int MAX_VALUES = 10_000;

  ColumnSample {
    values = List.copyOf(values);
  }

  static ColumnSample of(Column column) {
    int present = column.size() - column.missingCount();
    int stride = Math.max(1, (present + MAX_VALUES - 1) / MAX_VALUES);
    List<String> values = new ArrayList<>(Math.min(present, MAX_VALUES));
    int seen = 0;
    for (int row = 0; row < column.size() && values.size() < MAX_VALUES; row++) {
      if (column.isMissing(row)) continue;
      if (seen++ % stride == 0) values.add(column.getString(row));
    }
    return new ColumnSample(values, new HashSet<>(values).size());
  }

  boolean isEmpty() {
    return values.isEmpty();
  }

  /** The share of the sampled values that pass {@code test}, 0 for an empty sample. */
  double share(Predicate<String> test) {
    if (values.isEmpty()) return 0;
    int n = 0;
    for (String v : values) if (test.test(v)) n++;
    return (double) n / values.size();
  }
}
