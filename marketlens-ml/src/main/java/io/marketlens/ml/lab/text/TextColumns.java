package io.marketlens.ml.lab.text;

/**
 * Which columns of a data file hold the text, the label and an optional row id.
 *
 * @param text the text column's name, or with {@code noHeader} its 1-based position
 * @param label the label column (null: none, e.g. when predicting)
 * @param id a column identifying each row in predictions (null: rows are numbered)
 * @param noHeader the file has no header line; columns are named by position ({@code 1}, {@code 2},
 *     ...)
 */
public record TextColumns(String text, String label, String id, boolean noHeader) {

  public TextColumns {
    if (text == null || text.isBlank()) throw new IllegalArgumentException("text column required");
  }

  /** The same columns without the label (for prediction). */
  public TextColumns withoutLabel() {
    return new TextColumns(text, null, id, noHeader);
  }
}
