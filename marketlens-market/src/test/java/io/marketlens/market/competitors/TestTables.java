package io.marketlens.market.competitors;

import io.marketlens.core.io.ReadOptions;
import io.marketlens.core.io.TableReader;
import io.marketlens.core.progress.Progress;
import io.marketlens.core.table.Column;
import io.marketlens.core.table.ColumnType;
import io.marketlens.core.table.Table;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Test tables: the bundled autos file, read by the project's reader, and small hand-made ones. */
final class TestTables {

  private TestTables() {}

  /**
   * UCI Automobile 1985 (CC BY 4.0) read by the project's reader with "?" as missing, plus a first
   * column {@code name} = make + body-style + a running number per (make, body-style), as the
   * demo's competitors.csv has it: "mazda sedan 3".
   */
  static Table autos() {
    ReadOptions options =
        new ReadOptions(null, null, null, Map.of(), Map.of(), Set.of("?", "NA", ""), 0);
    Table t = TableReader.read("competitors", autosFile(), options, Progress.NONE).table();
    Column make = t.column("make");
    Column body = t.column("body-style");
    String[] names = new String[t.rowCount()];
    Map<String, Integer> running = new HashMap<>();
    for (int i = 0; i < names.length; i++) {
      String key = make.getString(i) + " " + body.getString(i);
      names[i] = key + " " + running.merge(key, 1, Integer::sum);
    }
    List<Column> columns = new ArrayList<>();
    columns.add(Column.ofStrings("name", ColumnType.CATEGORICAL, names, null));
    columns.addAll(t.columns());
    return new Table(t.name(), t.source(), columns, t.rowCount());
  }

  static Path autosFile() {
    try {
      return Path.of(TestTables.class.getResource("/competitors/imports-85.csv").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Column numbers(String name, double... values) {
    return Column.ofDoubles(name, values, null);
  }

  /** A categorical column; null elements are missing. */
  static Column strings(String name, String... values) {
    return Column.ofStrings(name, ColumnType.CATEGORICAL, values, null);
  }

  static Column text(String name, String... values) {
    return Column.ofStrings(name, ColumnType.TEXT, values, null);
  }

  static Table table(Column... columns) {
    return Table.of("competitors", Path.of("competitors.csv"), List.of(columns));
  }
}
