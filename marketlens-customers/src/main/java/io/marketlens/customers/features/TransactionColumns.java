package io.marketlens.customers.features;

import io.marketlens.core.validate.InvalidInputException;

/**
 * Which columns of a transactions table hold what. Spend per row is {@code amount} when given,
 * otherwise {@code quantity * price}.
 *
 * @param customer the customer id (required)
 * @param time the date or date-time of the purchase (required)
 * @param invoice the order / invoice id, or null: then each purchase day is one order. Invoices
 *     starting with the cancellation prefix (Online Retail's "C") are cancellations
 * @param quantity units bought, or null when {@code amount} is given
 * @param price unit price, or null when {@code amount} is given
 * @param amount spend of the row, or null when {@code quantity} and {@code price} are given
 * @param product the product id (for product diversity), or null
 */
public record TransactionColumns(
    String customer,
    String time,
    String invoice,
    String quantity,
    String price,
    String amount,
    String product) {

  public TransactionColumns {
    if (customer == null || customer.isBlank()) {
      throw InvalidInputException.usage("a customer id column for transactions", "none");
    }
    if (time == null || time.isBlank()) {
      throw InvalidInputException.usage("a time column for transactions", "none");
    }
    if (amount == null && (quantity == null || price == null)) {
      throw InvalidInputException.in(null)
          .key("transactions")
          .expected("an amount column, or both quantity and price columns")
          .found("quantity=" + quantity + ", price=" + price)
          .build();
    }
  }

  /** Columns with spend = quantity * price, no invoice and no product. */
  public static TransactionColumns of(String customer, String time, String quantity, String price) {
    return new TransactionColumns(customer, time, null, quantity, price, null, null);
  }

  /**
   * The UCI Online Retail columns: CustomerID, InvoiceDate, InvoiceNo, Quantity, UnitPrice,
   * StockCode.
   */
  public static TransactionColumns onlineRetail() {
    return new TransactionColumns(
        "CustomerID", "InvoiceDate", "InvoiceNo", "Quantity", "UnitPrice", null, "StockCode");
  }

  public TransactionColumns withInvoice(String newInvoice) {
    return new TransactionColumns(customer, time, newInvoice, quantity, price, amount, product);
  }

  public TransactionColumns withProduct(String newProduct) {
    return new TransactionColumns(customer, time, invoice, quantity, price, amount, newProduct);
  }

  public TransactionColumns withAmount(String newAmount) {
    return new TransactionColumns(customer, time, invoice, quantity, price, newAmount, product);
  }
}
