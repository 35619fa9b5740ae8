package io.marketlens.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.marketlens.core.io.ReadOptions;
import io.marketlens.core.project.DataSection;
import io.marketlens.core.table.Column;
import io.marketlens.core.table.ColumnType;
import io.marketlens.core.table.Table;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Joining reviews to customer segments, and the notes when they cannot be joined. */
class ReviewSegmentsTest {

  private static final Findings.CustomerSegments SEGMENTS =
      new Findings.CustomerSegments(
          "customers.segments",
          Map.of("12921", 1, "12922", 2, "7590-VHVEG", 1),
          Map.of(1, "loyal", 2, "new"));

  @Test
  void segmentOfReview_integerAndTextIds_joinByTheirCanonicalText() {
    BitSet missing = new BitSet();
    missing.set(2);
    Column ints =
        Column.ofLongs("CustomerID", ColumnType.INTEGER, new long[] {12921, 12922, 0, 5}, missing);
    assertThat(ReviewSegments.segmentOfReview(ints, SEGMENTS)).containsExactly(1, 2, null, null);
    Column text =
        Column.ofStrings(
            "customer", ColumnType.TEXT, new String[] {" 7590-VHVEG ", "nobody"}, new BitSet());
    assertThat(ReviewSegments.segmentOfReview(text, SEGMENTS)).containsExactly(1, null);
  }

  @Test
  void node_noCustomerColumn_saysSoInANote() {
    ObjectNode n =
        ReviewSegments.node(section(Map.of()), table(), SEGMENTS, null, null, null, null);
    assertThat(n.path("joined").asBoolean()).isFalse();
    assertThat(n.path("note").asText()).contains("data.reviews.customer");
  }

  @Test
  void node_noSegments_saysSoInANote() {
    ObjectNode n =
        ReviewSegments.node(
            section(Map.of("customer", "customer")), table(), null, null, null, null, null);
    assertThat(n.path("joined").asBoolean()).isFalse();
    assertThat(n.path("note").asText()).contains("no customer segments");
  }

  @Test
  void node_noIdMatches_saysSoInANote() {
    ObjectNode n =
        ReviewSegments.node(
            section(Map.of("customer", "customer")), table(), SEGMENTS, null, null, null, null);
    assertThat(n.path("joined").asBoolean()).isFalse();
    assertThat(n.path("reviewsUnmatched").asInt()).isEqualTo(2);
    assertThat(n.path("note").asText()).contains("none of the 2 reviews");
  }

  private static DataSection section(Map<String, String> extra) {
    Map<String, String> columns = new java.util.HashMap<>(extra);
    columns.put("text", "review");
    return new DataSection(
        "reviews",
        Path.of("reviews.csv"),
        ReadOptions.defaults(),
        columns,
        Map.of(),
        Path.of("marketlens.yaml"));
  }

  private static Table table() {
    return Table.of(
        "reviews",
        Path.of("reviews.csv"),
        List.of(
            Column.ofStrings("review", ColumnType.TEXT, new String[] {"good", "bad"}, new BitSet()),
            Column.ofStrings("customer", ColumnType.TEXT, new String[] {"x", "y"}, new BitSet())));
  }
}
