package io.marketlens.ml.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.marketlens.core.table.Column;
import io.marketlens.core.table.ColumnType;
import io.marketlens.core.table.Table;
import io.marketlens.core.validate.InvalidInputException;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class TabularEncoderTest {

  private static final TabularEncoder.Options TWO_ROWS_PER_LEVEL =
      new TabularEncoder.Options(30, 2);

  /** Rows 0-5 train, 6-7 score only (an unseen level "Z", a missing amount). */
  private static Table table() {
    BitSet amountMissing = new BitSet();
    amountMissing.set(1);
    amountMissing.set(7);
    return Table.of(
        "t",
        null,
        List.of(
            Column.ofDoubles("amount", new double[] {1, 0, 3, 5, 7, 100, 2, 0}, amountMissing),
            Column.ofLongs(
                "flag", ColumnType.BOOLEAN, new long[] {1, 0, 1, 0, 0, 1, 1, 0}, new BitSet()),
            Column.ofStrings(
                "plan",
                ColumnType.CATEGORICAL,
                new String[] {"A", "A", "B", "B", "A", "C", "Z", "B"},
                null)));
  }

  private static final int[] TRAIN = {0, 1, 2, 3, 4, 5};

  @Test
  void fit_learnsFromTrainingRowsOnly() {
    TabularEncoder e =
        TabularEncoder.fit(table(), List.of("amount", "flag", "plan"), TRAIN, TWO_ROWS_PER_LEVEL);
    TabularEncoder.ColumnEncoding amount = e.state().columns().get(0);
    assertThat(amount.median()).isEqualTo(5); // of 1, 3, 5, 7, 100
    assertThat(amount.missingIndicator()).isTrue();
    assertThat(amount.mean()).isCloseTo((1 + 5 + 3 + 5 + 7 + 100) / 6.0, within(1e-12));
    assertThat(e.state().columns().get(2).levels()).containsExactly("A", "B"); // C seen once
    assertThat(e.featureNames())
        .containsExactly("amount", "amount=(missing)", "flag", "plan=A", "plan=B", "plan=(other)");
    assertThat(e.groups()).containsExactly("amount", "amount", "flag", "plan", "plan", "plan");
  }

  @Test
  void encode_imputesStandardisesAndBucketsUnseenLevels() {
    TabularEncoder e =
        TabularEncoder.fit(table(), List.of("amount", "flag", "plan"), TRAIN, TWO_ROWS_PER_LEVEL);
    double[][] x = e.encode(table(), new int[] {5, 6, 7});
    TabularEncoder.ColumnEncoding a = e.state().columns().get(0);
    assertThat(x[0][0]).isCloseTo((100 - a.mean()) / a.scale(), within(1e-12));
    assertThat(x[0]).endsWith(1, 0, 0, 1); // flag yes, plan C -> other
    assertThat(x[1]).endsWith(0, 1, 0, 0, 1); // not missing, flag, plan Z -> other
    assertThat(x[2][0]).isCloseTo((5 - a.mean()) / a.scale(), within(1e-12)); // median
    assertThat(x[2][1]).isEqualTo(1); // missing indicator
    assertThat(x[2]).endsWith(0, 0, 1, 0); // plan B
  }

  @Test
  void of_state_encodesIdentically() {
    TabularEncoder e =
        TabularEncoder.fit(table(), List.of("amount", "flag", "plan"), TRAIN, TWO_ROWS_PER_LEVEL);
    TabularEncoder copy = TabularEncoder.of(e.state());
    assertThat(copy.encode(table())).isDeepEqualTo(e.encode(table()));
    assertThat(copy.featureNames()).isEqualTo(e.featureNames());
  }

  @Test
  void encode_numberColumnTurnedText_isInvalidInput() {
    TabularEncoder e = TabularEncoder.fit(table(), List.of("amount"), TRAIN, TWO_ROWS_PER_LEVEL);
    Table changed =
        table()
            .withColumn(
                Column.ofStrings(
                    "amount",
                    ColumnType.CATEGORICAL,
                    new String[] {"a", "b", "c", "d", "e", "f", "g", "h"},
                    null));
    assertThatThrownBy(() -> e.encode(changed))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("amount")
        .hasMessageContaining("numbers");
  }
}
