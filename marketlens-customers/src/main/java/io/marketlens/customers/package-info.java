/** Customers: features, segments and personas, churn with its drivers, lifetime value. */
package io.marketlens.customers;
