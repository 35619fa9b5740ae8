package io.marketlens.pipeline;

import io.marketlens.core.io.ReadReport;
import io.marketlens.core.project.DataSection;
import io.marketlens.core.quality.TableQuality;
import io.marketlens.core.table.Table;
import java.util.Map;

/**
 * One input table after reading, column checks and pseudonymisation: what the capabilities receive.
 *
 * @param section the project-file section it came from
 * @param table the table, personal data already replaced by keyed hashes
 * @param report how it was read
 * @param quality its data-quality summary
 * @param pii column → kind of personal data replaced
 */
public record LoadedTable(
    DataSection section,
    Table table,
    ReadReport report,
    TableQuality quality,
    Map<String, String> pii) {

  public LoadedTable {
    pii = Map.copyOf(pii);
  }
}
