package io.marketlens.customers.features;

import io.marketlens.core.io.ReadOptions;
import io.marketlens.core.io.TableReader;
import io.marketlens.core.progress.Progress;
import io.marketlens.core.table.Table;
import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * The real data slices in {@code src/test/resources/customers/} (see the README there): 150 Online
 * Retail customers with all their lines plus 200 lines without a customer, and 300 Telco customers.
 */
public final class CustomerSlices {

  private CustomerSlices() {}

  public static Path path(String name) {
    try {
      return Path.of(CustomerSlices.class.getResource("/customers/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  public static Table onlineRetail() {
    return read("transactions", "online_retail_slice.csv.gz");
  }

  public static Table telco() {
    return read("customers", "telco_slice.csv");
  }

  public static Table read(String role, String name) {
    return TableReader.read(role, path(name), ReadOptions.defaults(), Progress.NONE).table();
  }

  /** Online Retail features, every feature. */
  public static FeatureResult retailFeatures() {
    return TransactionFeatures.build(
        onlineRetail(), TransactionColumns.onlineRetail(), TransactionFeatureOptions.defaults());
  }
}
