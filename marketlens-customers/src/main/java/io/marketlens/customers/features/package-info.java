/**
 * Customer features: RFM, tenure, order value, inter-purchase time, product diversity and spend
 * trend from transactions (with the cleaning rules counted), or the numeric, yes/no and categorical
 * columns of a customers table.
 */
package io.marketlens.customers.features;
