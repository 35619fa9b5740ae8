package io.marketlens.customers.churn;

import io.marketlens.core.io.ReadOptions;
import io.marketlens.core.io.TableReader;
import io.marketlens.core.progress.Progress;
import io.marketlens.core.table.Table;
import java.nio.file.Path;

/**
 * The bundled Telco slice: the first 1,000 customers of IBM's Telco Customer Churn sample (see
 * examples/demo/data/README.md for source and licence), read as the product reads it.
 */
final class DemoCustomers {

  static final Path FILE = Path.of("../examples/demo/data/customers.csv");

  /** The full data set beside the repository (shared/datasets), when present. */
  static final Path FULL_TELCO =
      Path.of("../../shared/datasets/telco_churn/Telco-Customer-Churn.csv");

  private static Table cached;

  private DemoCustomers() {}

  static synchronized Table table() {
    if (cached == null) cached = read(FILE);
    return cached;
  }

  static Table read(Path file) {
    return TableReader.read("customers", file, ReadOptions.defaults(), Progress.NONE).table();
  }
}
