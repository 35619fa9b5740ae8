package io.marketlens.ml.lab.tabular;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketlens.core.table.Column;
import io.marketlens.core.table.ColumnType;
import io.marketlens.core.table.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

class TabularIdColumnTest {

  private static Table table(String name, String... values) {
    Column c = Column.ofStrings(name, ColumnType.TEXT, values, null);
    Column y = Column.ofStrings("y", ColumnType.CATEGORICAL, new String[values.length], null);
    return Table.of("t", null, List.of(c, y));
  }

  @Test
  void idColumn_namedLikeAnIdWithDistinctValues_isDetected() {
    for (String name : List.of("id", "ID", "customerID", "userId", "user_id", "order-id", "uuid")) {
      assertThat(TabularTraining.idColumn(table(name, "a", "b", "c"), null, "y"))
          .as(name)
          .isNotNull();
    }
  }

  @Test
  void idColumn_wordsEndingInId_orRepeatedValues_areNotIds() {
    assertThat(TabularTraining.idColumn(table("paid", "a", "b", "c"), null, "y")).isNull();
    assertThat(TabularTraining.idColumn(table("Valid", "a", "b", "c"), null, "y")).isNull();
    assertThat(TabularTraining.idColumn(table("customerID", "a", "a", "c"), null, "y")).isNull();
  }
}
