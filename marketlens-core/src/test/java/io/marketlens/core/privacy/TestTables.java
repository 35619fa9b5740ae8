package io.marketlens.core.privacy;

import io.marketlens.core.table.Column;
import io.marketlens.core.table.ColumnType;
import io.marketlens.core.table.Table;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/** Small tables and columns for the privacy tests. */
final class TestTables {

  static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes();
  static final byte[] OTHER_SECRET = "fedcba9876543210fedcba9876543210".getBytes();

  private TestTables() {}

  static Column categorical(String name, String... values) {
    return Column.ofStrings(name, ColumnType.CATEGORICAL, values.clone(), null);
  }

  static Column text(String name, String... values) {
    return Column.ofStrings(name, ColumnType.TEXT, values.clone(), null);
  }

  static Column integers(String name, long... values) {
    return Column.ofLongs(name, ColumnType.INTEGER, values.clone(), new BitSet());
  }

  static Column decimals(String name, double... values) {
    return Column.ofDoubles(name, values.clone(), new BitSet());
  }

  static Table table(String name, Column... columns) {
    return Table.of(name, null, List.of(columns));
  }

  /** Every value of every column as text, missing values left out. */
  static List<String> cells(Table t) {
    List<String> out = new ArrayList<>();
    for (Column c : t.columns()) {
      for (int row = 0; row < c.size(); row++) if (!c.isMissing(row)) out.add(c.getString(row));
    }
    return out;
  }
}
