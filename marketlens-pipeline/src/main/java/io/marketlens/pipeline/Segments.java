package io.marketlens.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.marketlens.core.progress.Progress;
import io.marketlens.core.project.ProjectFile;
import io.marketlens.customers.churn.ChurnResult;
import java.util.Map;

/** Customer segments and personas, with churn per segment when a churn model ran. */
final class Segments {

  private Segments() {}

  static void run(
      ProjectFile project,
      Map<String, LoadedTable> tables,
      ObjectNode customers,
      ChurnResult churn,
      Progress progress) {
    // Filled in when the segmentation lands.
  }
}
