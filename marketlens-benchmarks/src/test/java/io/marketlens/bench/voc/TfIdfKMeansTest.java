package io.marketlens.bench.voc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.marketlens.ml.cluster.Agreement;
import io.marketlens.voc.theme.Tokenizer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TfIdfKMeansTest {

  /** Hotel and fruit reviews in the style of online_shopping_10_cats (written for this test). */
  private static final List<String> REVIEWS =
      List.of(
          "酒店房间很干净，前台服务热情",
          "房间太小了，酒店前台态度差",
          "酒店早餐不错，房间安静",
          "前台办理入住很快，房间干净",
          "苹果很甜，水果新鲜",
          "水果个头小，苹果不甜",
          "火龙果新鲜，水果包装好",
          "苹果新鲜好吃，下次还买水果");

  @Test
  void rowsAreUnitLengthWithSmoothedIdf() {
    List<List<String>> docs = List.of(List.of("a", "b"), List.of("a", "a"), List.of("c"));
    List<TfIdfKMeans.Row> rows = TfIdfKMeans.vectors(docs, 1);
    // terms sorted: a, b, c; idf(a) = ln(4/3) + 1, idf(b) = ln(4/2) + 1
    double ia = Math.log(4.0 / 3) + 1;
    double ib = Math.log(2) + 1;
    double norm = Math.hypot(ia, ib);
    assertThat(rows.get(0).terms()).containsExactly(0, 1);
    assertThat(rows.get(0).weights()[0]).isCloseTo(ia / norm, within(1e-12));
    assertThat(rows.get(0).weights()[1]).isCloseTo(ib / norm, within(1e-12));
    assertThat(rows.get(1).weights()).containsExactly(1.0);
    // with min_df 2, only "a" survives and the third document is empty
    List<TfIdfKMeans.Row> pruned = TfIdfKMeans.vectors(docs, 2);
    assertThat(TfIdfKMeans.dims(pruned)).isEqualTo(1);
    assertThat(pruned.get(2).terms()).isEmpty();
  }

  @Test
  void separatesTwoTopicsAndIsDeterministic() {
    List<List<String>> docs = new ArrayList<>();
    for (String r : REVIEWS) docs.add(Tokenizer.tokens(r));
    List<TfIdfKMeans.Row> rows = TfIdfKMeans.vectors(docs, 2);
    int[] labels = TfIdfKMeans.cluster(rows, 2, 3, 42);
    int[] truth = {0, 0, 0, 0, 1, 1, 1, 1};
    assertThat(Agreement.normalizedMutualInformation(truth, labels)).isCloseTo(1.0, within(1e-12));
    assertThat(TfIdfKMeans.cluster(rows, 2, 3, 42)).containsExactly(labels);
  }
}
