package io.marketlens.ml.lab.text;

import java.nio.file.Path;
import java.util.List;

/**
 * The rows of a text data file: text, label and id per row, in file order.
 *
 * @param source the file
 * @param texts each row's text ({@code ""} when blank)
 * @param labels each row's label (trimmed), or null when no label column was read
 * @param ids each row's id, or null when there is no id column
 * @param rowNumbers each row's number as error messages give it (the header, when there is one, is
 *     row 1)
 */
public record TextRows(
    Path source, List<String> texts, List<String> labels, List<String> ids, int[] rowNumbers) {

  public TextRows {
    texts = List.copyOf(texts);
    labels = labels == null ? null : List.copyOf(labels);
    ids = ids == null ? null : List.copyOf(ids);
  }

  /** The number of rows. */
  public int size() {
    return texts.size();
  }
}
