package io.marketlens.market.competitors;

import java.util.List;

/**
 * The price–value frontier. A product's value is its hedonic value: the price the market asks, on
 * average, for its feature bundle, fitted by ridge regression of price on every other standardised
 * feature. A product is on the frontier when no other product offers at least as much value for at
 * most the same price, one of the two strictly.
 *
 * @param priceColumn the price column
 * @param rSquared the share of price variance the hedonic model explains on the priced products
 * @param looRSquared the same, from leave-one-out predictions (what it would explain on new
 *     products)
 * @param ridgeLambda the ridge penalty, chosen by leave-one-out error
 * @param fitted how many products had a price and were used to fit
 * @param products every product, in table order
 * @param frontier the products on the frontier, cheapest first
 */
public record PriceValue(
    String priceColumn,
    double rSquared,
    double looRSquared,
    double ridgeLambda,
    int fitted,
    List<ProductValue> products,
    List<ProductValue> frontier) {

  public PriceValue {
    Finite.check(rSquared, "R²");
    Finite.check(looRSquared, "leave-one-out R²");
    Finite.check(ridgeLambda, "ridge lambda");
    products = List.copyOf(products);
    frontier = List.copyOf(frontier);
  }

  /**
   * One product's value for its price.
   *
   * @param index the product's 0-based data row
   * @param name the product's name
   * @param price its price, or null when the table has none for it
   * @param value its hedonic value, in price units
   * @param valueForMoney value minus price: positive means more features than its price buys on
   *     average; null without a price
   * @param onFrontier whether no other product dominates it (false without a price)
   */
  public record ProductValue(
      int index,
      String name,
      Double price,
      double value,
      Double valueForMoney,
      boolean onFrontier) {

    public ProductValue {
      Finite.check(price, "price of " + name);
      Finite.check(value, "value of " + name);
      Finite.check(valueForMoney, "value for money of " + name);
    }
  }
}
