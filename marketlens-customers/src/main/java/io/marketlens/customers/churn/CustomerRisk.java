package io.marketlens.customers.churn;

import java.util.List;

/**
 * One customer's calibrated churn probability and the main reasons for it.
 *
 * @param id the customer id
 * @param row the 0-based data row in the analysed table
 * @param probability the calibrated probability of churning
 * @param reasons the columns that raise the risk most, strongest first
 */
public record CustomerRisk(String id, int row, double probability, List<Reason> reasons) {

  public CustomerRisk {
    reasons = List.copyOf(reasons);
  }
}
