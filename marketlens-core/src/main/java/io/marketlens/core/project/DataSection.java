package io.marketlens.core.project;

import io.marketlens.core.io.ReadOptions;
import io.marketlens.core.table.Table;
import io.marketlens.core.validate.Checks;
import io.marketlens.core.validate.InvalidInputException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One validated entry under {@code data:} in the project file: where the table is, how to read it,
 * which of its columns play which role, and the section's other settings.
 *
 * @param name the section ("customers", "transactions", "reviews", "market", "competitors",
 *     "interactions")
 * @param path the data file, resolved against the project file's directory
 * @param read how to read it (format, delimiter, encoding, type overrides, missing tokens)
 * @param columns role → column name, e.g. {@code id → customerID}, {@code churn → Churn}
 * @param settings the section's other keys (e.g. {@code horizon → 12}), already type-checked
 * @param projectFile the project file it came from, for messages
 */
public record DataSection(
    String name,
    Path path,
    ReadOptions read,
    Map<String, String> columns,
    Map<String, Object> settings,
    Path projectFile) {

  public DataSection {
    columns = Map.copyOf(columns);
    settings = Map.copyOf(settings);
  }

  /** The column that plays {@code role}, if the project file names one. */
  public Optional<String> column(String role) {
    return Optional.ofNullable(columns.get(role));
  }

  public Optional<Object> setting(String key) {
    return Optional.ofNullable(settings.get(key));
  }

  /** The section's {@code segments} settings, or the defaults (k-means) when it has none. */
  public SegmentSettings segments() {
    return settings.get("segments") instanceof SegmentSettings s ? s : SegmentSettings.defaults();
  }

  /**
   * Checks that every column the section names exists in {@code table}.
   *
   * @throws InvalidInputException naming the key path, the data file and the closest column
   */
  public void checkColumns(Table table) {
    List<String> names = table.columnNames();
    for (Map.Entry<String, String> e : columns.entrySet()) {
      if (!names.contains(e.getValue())) throw missingColumn(e.getKey(), e.getValue(), names);
    }
    Object units = settings.get("units");
    if (units instanceof List<?> list) {
      for (Object u : list) {
        if (!names.contains(u.toString())) throw missingColumn("units", u.toString(), names);
      }
    }
  }

  private InvalidInputException missingColumn(String role, String column, List<String> names) {
    return InvalidInputException.in(projectFile)
        .key("data." + name + "." + role)
        .expected("a column of " + path.getFileName())
        .found(column)
        .hint(Checks.suggestion(column, names))
        .build();
  }
}
