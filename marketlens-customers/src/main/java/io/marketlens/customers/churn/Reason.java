package io.marketlens.customers.churn;

/**
 * Why a customer's (or a group's) churn risk differs from a typical customer's, for one column.
 *
 * @param column the original column
 * @param value the customer's value as text (for a group: its most common value or median)
 * @param logOdds how much the value moves the risk, in log-odds; positive raises it
 */
public record Reason(String column, String value, double logOdds) {}
