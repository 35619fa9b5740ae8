package io.marketlens.core.privacy;

import io.marketlens.core.validate.InvalidInputException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How personal data is handled: on by default, with a setting per column.
 *
 * <p>A column's setting is {@value #AUTO} (detect from the header and the values; the default),
 * {@value #OFF} (keep the raw values: the user's explicit choice) or a kind id ({@code email},
 * {@code phone}, {@code name}, {@code cn_id}) to pseudonymise the whole column as that kind without
 * detection. Columns are matched by exact name first, then ignoring case; names that no table has
 * are ignored, since one set of options serves every table of a project.
 *
 * @param enabled false makes {@value #OFF} the setting of every column not listed in {@code
 *     columns}
 * @param columns settings by column name; copied, order kept, values trimmed and lower-cased
 */
public record PiiOptions(boolean enabled, Map<String, String> columns) {

  /** Detect personal data from the header and the values. */
  public static final String AUTO = "auto";

  /** Keep the raw values. */
  public static final String OFF = "off";

  /**
   * @throws InvalidInputException naming the column when a setting is not {@value #AUTO}, {@value
   *     #OFF} or a kind id
   */
  public PiiOptions {
    Map<String, String> copy = new LinkedHashMap<>();
    if (columns != null) {
      for (Map.Entry<String, String> e : columns.entrySet()) {
        String column = Objects.requireNonNull(e.getKey(), "column name");
        copy.put(column, checked(column, e.getValue()));
      }
    }
    columns = Collections.unmodifiableMap(copy);
  }

  /** Detection on for every column. */
  public static PiiOptions defaults() {
    return new PiiOptions(true, Map.of());
  }

  /** The setting for {@code column}: {@value #AUTO}, {@value #OFF} or a kind id. */
  public String settingFor(String column) {
    String s = columns.get(column);
    if (s != null) return s;
    for (Map.Entry<String, String> e : columns.entrySet()) {
      if (e.getKey().equalsIgnoreCase(column)) return e.getValue();
    }
    return enabled ? AUTO : OFF;
  }

  private static String checked(String column, String setting) {
    String s = setting == null ? "" : setting.strip().toLowerCase(Locale.ROOT);
    if (s.equals(AUTO) || s.equals(OFF) || PiiKind.byId(s) != null) return s;
    throw InvalidInputException.in(null)
        .column(column)
        .expected("a personal-data setting: auto, off, email, phone, name or cn_id")
        .found(setting == null ? "nothing" : setting)
        .build();
  }
}
