package io.marketlens.core.quality;

import java.util.List;

/**
 * The data-quality figures of one column, as shown in results.json and the report.
 *
 * @param name the column name
 * @param type the inferred or declared type id ("integer", "text", ...)
 * @param missing the number of missing values
 * @param missingPercent missing values as a percentage of rows, rounded to 2 decimals
 * @param distinct the number of distinct non-missing values
 * @param examples up to 3 distinct example values, after personal data was pseudonymised
 * @param pii the kind of personal data detected and pseudonymised ("email", "phone", ...), or null
 * @param warnings warnings about this column
 */
public record ColumnQuality(
    String name,
    String type,
    long missing,
    double missingPercent,
    long distinct,
    List<String> examples,
    String pii,
    List<String> warnings) {

  public ColumnQuality {
    examples = List.copyOf(examples);
    warnings = List.copyOf(warnings);
  }
}
