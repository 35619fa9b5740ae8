package io.marketlens.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvalidInputExceptionTest {

  @Test
  void message_namesFileRowLineColumnExpectedFoundAndHint() {
    InvalidInputException e =
        InvalidInputException.in(Path.of("data/customers.csv"))
            .row(12)
            .line(14)
            .column("TotalCharges")
            .expected("a decimal number")
            .found("abc\tdef")
            .hint("set types: { TotalCharges: text }")
            .build();

    assertThat(e.getMessage())
        .isEqualTo(
            "data/customers.csv, row 12 (line 14), column 'TotalCharges': expected a decimal number,"
                + " found \"abc\\tdef\" (set types: { TotalCharges: text })");
    assertThat(e.details()).containsEntry("row", 12L).containsEntry("column", "TotalCharges");
  }

  @Test
  void message_longFoundValue_isShortened() {
    InvalidInputException e =
        InvalidInputException.in(null).expected("x").found("y".repeat(500)).build();

    assertThat(e.getMessage()).hasSizeLessThan(120).endsWith("…\"");
  }

  @Test
  void closest_typo_isSuggested_unrelated_isNot() {
    assertThat(Checks.closest("Chrun", List.of("customerID", "Churn", "tenure")))
        .isEqualTo("Churn");
    assertThat(Checks.closest("zzzzzz", List.of("customerID", "Churn", "tenure"))).isNull();
  }
}
