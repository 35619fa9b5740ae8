package io.marketlens.market.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketlens.core.validate.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeriesAssemblerTest {

  @Test
  void assemble_airPassengersMonths_isOneMonthlySeries() {
    List<String> months = Fixtures.airPassengerMonths();

    List<RegularSeries> s =
        SeriesAssembler.assemble(months, null, Fixtures.airPassengers(), GapPolicy.FAIL);

    assertThat(s).hasSize(1);
    assertThat(s.get(0).frequency()).isEqualTo(Frequency.MONTHLY);
    assertThat(s.get(0).frequency().period()).isEqualTo(12);
    assertThat(s.get(0).values()).containsExactly(Fixtures.airPassengers());
    assertThat(s.get(0).times()).containsExactlyElementsOf(months);
    assertThat(s.get(0).futureTimes(2)).containsExactly("1961-01", "1961-02");
  }

  @Test
  void assemble_longFormatManySeriesUnsorted_groupsAndSortsEach() {
    List<String> times = List.of("2020-Q2", "2020-Q1", "2020Q1", "2020-Q3", "2020-Q2", "2020-Q3");
    List<String> ids = List.of("a", "a", "b", "a", "b", "b");
    double[] v = {2, 1, 10, 3, 20, 30};

    List<RegularSeries> s = SeriesAssembler.assemble(times, ids, v, GapPolicy.FAIL);

    assertThat(s).extracting(RegularSeries::id).containsExactly("a", "b");
    assertThat(s.get(0).frequency()).isEqualTo(Frequency.QUARTERLY);
    assertThat(s.get(0).values()).containsExactly(1, 2, 3);
    assertThat(s.get(1).values()).containsExactly(10, 20, 30);
    assertThat(s.get(1).times()).containsExactly("2020-Q1", "2020-Q2", "2020-Q3");
  }

  @Test
  void assemble_datesOnFirstOfMonth_areMonthly_andGapIsInterpolatedAndReported() {
    List<String> times = List.of("2024-01-01", "2024-02-01", "2024-04-01", "2024-05-01");
    double[] v = {10, 20, 40, 50};

    RegularSeries s = SeriesAssembler.assemble(times, null, v, GapPolicy.INTERPOLATE).get(0);

    assertThat(s.frequency()).isEqualTo(Frequency.MONTHLY);
    assertThat(s.values()).containsExactly(10, 20, 30, 40, 50);
    assertThat(s.filled()).containsExactly("2024-03");
  }

  @Test
  void assemble_gapWithFailPolicy_throwsNamingSeriesAndTime() {
    List<String> times = List.of("2024-01-03", "2024-01-04", "2024-01-06", "2024-01-07");

    assertThatThrownBy(
            () ->
                SeriesAssembler.assemble(
                    times, List.of("x", "x", "x", "x"), new double[] {1, 2, 3, 4}, GapPolicy.FAIL))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'x'")
        .hasMessageContaining("2024-01-05");
  }

  @Test
  void assemble_weeklyDates_areWeeklyWithPeriod52() {
    List<String> times = new ArrayList<>();
    for (int i = 0; i < 10; i++)
      times.add(java.time.LocalDate.of(2024, 1, 1).plusWeeks(i).toString());

    RegularSeries s = SeriesAssembler.assemble(times, null, new double[10], GapPolicy.FAIL).get(0);

    assertThat(s.frequency()).isEqualTo(Frequency.WEEKLY);
    assertThat(s.frequency().period()).isEqualTo(52);
  }

  @Test
  void assemble_nanValueInside_isAGap() {
    List<String> times = List.of("2001", "2002", "2003");

    RegularSeries s =
        SeriesAssembler.assemble(
                times, null, new double[] {1, Double.NaN, 5}, GapPolicy.INTERPOLATE)
            .get(0);

    assertThat(s.frequency()).isEqualTo(Frequency.YEARLY);
    assertThat(s.values()).containsExactly(1, 3, 5);
    assertThat(s.filled()).containsExactly("2002");
  }

  @Test
  void assemble_duplicateTime_throwsNamingBothRows() {
    List<String> times = List.of("2024-01", "2024-02", "2024-02");

    assertThatThrownBy(
            () -> SeriesAssembler.assemble(times, null, new double[] {1, 2, 3}, GapPolicy.FAIL))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("row 3")
        .hasMessageContaining("first at row 2");
  }

  @Test
  void assemble_unreadableTime_throwsNamingRowAndValue() {
    List<String> times = List.of("2024-01", "Febuary");

    assertThatThrownBy(
            () -> SeriesAssembler.assemble(times, null, new double[] {1, 2}, GapPolicy.FAIL))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("row 2")
        .hasMessageContaining("Febuary");
  }

  @Test
  void assemble_irregularDates_throwsInvalidInput() {
    List<String> times = List.of("2024-01-03", "2024-01-13", "2024-01-23", "2024-02-02");

    assertThatThrownBy(
            () -> SeriesAssembler.assemble(times, null, new double[] {1, 2, 3, 4}, GapPolicy.FAIL))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("regular frequency");
  }

  @Test
  void assemble_mostlyGaps_isRefusedEvenWhenInterpolating() {
    List<String> times = List.of("2024-01", "2024-12");

    assertThatThrownBy(
            () -> SeriesAssembler.assemble(times, null, new double[] {1, 2}, GapPolicy.INTERPOLATE))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("10 of 12 times missing");
  }

  @Test
  void assemble_stepNumbers_areSteps() {
    RegularSeries s =
        SeriesAssembler.assemble(
                List.of("1", "2", "3"), null, new double[] {4, 5, 6}, GapPolicy.FAIL)
            .get(0);

    assertThat(s.frequency()).isEqualTo(Frequency.STEPS);
    assertThat(s.futureTimes(1)).containsExactly("4");
  }

  @Test
  void assembleThenForecast_monthlyLongFormat_worksEndToEnd() {
    RegularSeries s =
        SeriesAssembler.assemble(
                Fixtures.airPassengerMonths(), null, Fixtures.airPassengers(), GapPolicy.FAIL)
            .get(0);

    ForecastResult r =
        Forecaster.forecast(
            s.id(), s.values(), ForecastOptions.defaults(12).withPeriod(s.frequency().period()));

    assertThat(r.point()).hasSize(12);
    assertThat(s.futureTimes(12)).first().isEqualTo("1961-01");
  }
}
