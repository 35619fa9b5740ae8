package io.marketlens.ml.lab.tabular;

import io.marketlens.core.io.ReadOptions;
import io.marketlens.core.io.TableReader;
import io.marketlens.core.progress.Progress;
import io.marketlens.core.table.ColumnType;
import io.marketlens.core.table.Table;
import io.marketlens.core.validate.InvalidInputException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the data files of the tabular family: the target always as text (class names keep their
 * spelling), and, for a saved model, every input column with the type it had in training so that a
 * small file cannot change how a column is read (a column of "Yes"/"No"/"No phone service" that
 * holds only "Yes" and "No" in a new file stays categorical).
 */
final class TabularInput {

  /**
   * A column of the model's input schema.
   *
   * @param name the column name
   * @param type the type it was read as in training ({@link ColumnType#id()})
   */
  record ColumnSchema(String name, String type) {

    ColumnType columnType() {
      return ColumnType.valueOf(type.toUpperCase(Locale.ROOT));
    }
  }

  private TabularInput() {}

  /** Reads training data, the target as text. */
  static Table readForTraining(Path data, String target, Progress progress) {
    return read(data, Map.of(target, ColumnType.TEXT), target, "--target", progress);
  }

  /**
   * Reads data for a saved model: {@code columns} with their training types, the target (when not
   * null) as text.
   */
  static Table readForModel(
      Path data, List<ColumnSchema> columns, String target, Progress progress) {
    Map<String, ColumnType> types = new HashMap<>();
    for (ColumnSchema c : columns) types.put(c.name(), c.columnType());
    if (target != null) types.put(target, ColumnType.TEXT);
    return read(data, types, target, null, progress);
  }

  private static Table read(
      Path data, Map<String, ColumnType> types, String target, String targetKey, Progress p) {
    ReadOptions options = new ReadOptions(null, null, null, types, Map.of(), null, 0);
    try {
      return TableReader.read("tabular", data, options, p).table();
    } catch (InvalidInputException e) {
      String key = e.key();
      if (key == null || !key.startsWith("types.")) throw e;
      String column = key.substring("types.".length());
      boolean isTarget = column.equals(target);
      throw InvalidInputException.in(data)
          .key(isTarget ? targetKey : null)
          .column(column)
          .expected(
              isTarget
                  ? (targetKey != null
                      ? "the target column '" + column + "'"
                      : "the target column '" + column + "' (evaluation needs labelled data)")
                  : "the column '" + column + "' the model was trained with")
          .found("no such column")
          .hint(e.hint())
          .build(e);
    }
  }
}
