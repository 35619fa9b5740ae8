package io.marketlens.customers.churn;

/**
 * A column left out of the features, and why.
 *
 * @param column the column
 * @param reason e.g. {@code "id column"}, {@code "free text"}, {@code "the same in every row"}
 */
public record DroppedColumn(String column, String reason) {}
