package io.marketlens.core.privacy;

import io.marketlens.core.table.Table;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link PiiRedactor#redact} produced: the table with personal data replaced by tokens, and
 * which columns were changed and how.
 *
 * @param table the redacted table; same name, source, column order and row count as the input
 * @param piiByColumn for each changed column, in table order, the kind id of its personal data
 *     ({@code email}, {@code phone}, {@code name}, {@code cn_id}) when the whole column was
 *     replaced, or {@value #IN_TEXT} when personal data was replaced inside its text
 * @param valuesReplaced for the same columns, how many values were changed
 */
public record RedactionResult(
    Table table, Map<String, String> piiByColumn, Map<String, Integer> valuesReplaced) {

  /** The {@link #piiByColumn()} entry of a column whose free text had personal data replaced. */
  public static final String IN_TEXT = "in-text";

  public RedactionResult {
    Objects.requireNonNull(table, "table");
    piiByColumn = Collections.unmodifiableMap(new LinkedHashMap<>(piiByColumn));
    valuesReplaced = Collections.unmodifiableMap(new LinkedHashMap<>(valuesReplaced));
  }

  /** Whether any column was changed. */
  public boolean changed() {
    return !piiByColumn.isEmpty();
  }
}
