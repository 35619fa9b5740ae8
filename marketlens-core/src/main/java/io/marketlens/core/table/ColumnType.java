package io.marketlens.core.table;

import java.util.Locale;

/** The logical type of a column, inferred from its values or given in the project file. */
public enum ColumnType {
  /** Whole numbers that fit a {@code long}. */
  INTEGER,
  /** Finite decimal numbers, stored as {@code double}. */
  DECIMAL,
  /** Yes/No, true/false, 0/1 style flags. */
  BOOLEAN,
  /** Calendar dates, stored as epoch days. */
  DATE,
  /** Date and time without zone, stored as epoch seconds (UTC-naive). */
  DATETIME,
  /** Text with few distinct values (labels, codes, categories). */
  CATEGORICAL,
  /** Free text. */
  TEXT;

  /** The lower-case name used in the project file and in results.json. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean isNumeric() {
    return this == INTEGER || this == DECIMAL;
  }

  public boolean isString() {
    return this == CATEGORICAL || this == TEXT;
  }
}
