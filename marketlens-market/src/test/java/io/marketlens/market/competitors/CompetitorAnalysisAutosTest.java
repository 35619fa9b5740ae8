package io.marketlens.market.competitors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.marketlens.core.table.Column;
import io.marketlens.core.table.Table;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The competitor analysis on the real UCI Automobile 1985 table, with "mazda sedan 3" as ours. */
class CompetitorAnalysisAutosTest {

  private static final String OURS = "mazda sedan 3";

  private static Table autos;
  private static CompetitorResult result;

  @BeforeAll
  static void analyse() {
    autos = TestTables.autos();
    result = CompetitorAnalysis.run(autos, options());
  }

  private static CompetitorOptions options() {
    return CompetitorOptions.defaults("name", "price", OURS);
  }

  @Test
  void run_autos_firstAxisIsSizePowerAndPriceAgainstFuelEconomy() {
    CompetitorMap.Axis first = result.map().axes().get(0);
    Map<String, Double> r = correlations(first);

    for (String big : List.of("price", "engine-size", "curb-weight", "horsepower", "length")) {
      assertThat(r.get(big)).as(big).isGreaterThan(0.6);
    }
    assertThat(r.get("city-mpg")).isLessThan(-0.6);
    assertThat(r.get("highway-mpg")).isLessThan(-0.6);
    assertThat(first.name()).isEqualTo("curb-weight & length ↔ highway-mpg & city-mpg");
    assertThat(first.positive().description())
        .startsWith("higher curb-weight (r = 0.97), higher length");
    assertThat(first.negative().description()).startsWith("higher highway-mpg (r = -0.83)");
    assertThat(first.positive().features()).hasSize(3);
  }

  @Test
  void run_autos_secondAxisSeparatesDieselsFromSportyCars() {
    CompetitorMap.Axis second = result.map().axes().get(1);
    Map<String, Double> r = correlations(second);

    assertThat(r.get("fuel-type=diesel")).isGreaterThan(0.6);
    assertThat(r.get("compression-ratio")).isGreaterThan(0.6);
    assertThat(r.get("peak-rpm")).isLessThan(-0.4);
    assertThat(second.name()).contains("diesel fuel-type").contains("↔");
  }

  @Test
  void run_autos_twoAxesExplainAboutHalfTheVariance() {
    double first = result.map().axes().get(0).explainedVariance();
    double second = result.map().axes().get(1).explainedVariance();

    // All 25 columns, insurance ratings and 22 brands included: 0.33 + 0.16.
    assertThat(first).isCloseTo(0.327, within(0.005));
    assertThat(second).isCloseTo(0.157, within(0.005));
    assertThat(first + second).isGreaterThan(0.45);
  }

  @Test
  void run_autosSpecColumnsOnly_twoAxesExplainOverHalf() {
    List<String> specs = new java.util.ArrayList<>(autos.columnNames());
    specs.removeAll(List.of("name", "make", "symboling", "normalized-losses"));

    CompetitorResult r = CompetitorAnalysis.run(autos, options().withFeatureColumns(specs));

    double explained =
        r.map().axes().get(0).explainedVariance() + r.map().axes().get(1).explainedVariance();
    assertThat(explained).isGreaterThan(0.5);
  }

  @Test
  void run_autos_mapHasEveryCarAndMarksOurs() {
    assertThat(result.map().projection()).isEqualTo("pca");
    assertThat(result.map().points()).hasSize(205);
    assertThat(result.map().points().stream().filter(CompetitorMap.Point::ours))
        .singleElement()
        .extracting(CompetitorMap.Point::name)
        .isEqualTo(OURS);
    assertThat(result.ours()).isEqualTo(OURS);
  }

  @Test
  void run_autos_hedonicValueExplainsPriceAndFrontierIsNonDominated() {
    PriceValue pv = result.priceValue();

    assertThat(pv.fitted()).isEqualTo(201);
    assertThat(pv.rSquared()).isGreaterThan(0.9);
    assertThat(pv.looRSquared()).isGreaterThan(0.85).isLessThanOrEqualTo(pv.rSquared());
    assertThat(pv.frontier()).hasSizeBetween(5, 60);
    assertThat(pv.frontier()).isSortedAccordingTo((a, b) -> Double.compare(a.price(), b.price()));
    for (PriceValue.ProductValue f : pv.frontier()) {
      for (PriceValue.ProductValue o : pv.products()) {
        if (o.price() == null || o.index() == f.index()) continue;
        boolean dominates =
            o.value() >= f.value()
                && o.price() <= f.price()
                && (o.value() > f.value() || o.price() < f.price());
        assertThat(dominates).as(o.name() + " dominates " + f.name()).isFalse();
      }
    }
    // Every product off the frontier is dominated by one on it.
    for (PriceValue.ProductValue o : pv.products()) {
      if (o.onFrontier() || o.price() == null) continue;
      assertThat(pv.frontier()).anyMatch(f -> f.value() >= o.value() && f.price() <= o.price());
    }
  }

  @Test
  void run_autos_carsWithoutPriceHaveValueButNoFrontierPlace() {
    List<PriceValue.ProductValue> unpriced =
        result.priceValue().products().stream().filter(p -> p.price() == null).toList();

    assertThat(unpriced).hasSize(4);
    assertThat(unpriced).allSatisfy(p -> assertThat(p.onFrontier()).isFalse());
    assertThat(unpriced).allSatisfy(p -> assertThat(p.valueForMoney()).isNull());
    assertThat(result.notes()).anyMatch(n -> n.startsWith("4 products have no price"));
  }

  @Test
  void run_autos_rivalsOfMazdaSedanAreEconomyCars() {
    List<Rival> rivals = result.rivals();
    Column price = autos.column("price");
    Column cityMpg = autos.column("city-mpg");

    assertThat(rivals).hasSize(5);
    assertThat(rivals).extracting(Rival::rank).containsExactly(1, 2, 3, 4, 5);
    assertThat(rivals).isSortedAccordingTo((a, b) -> Double.compare(a.distance(), b.distance()));
    assertThat(rivals.get(0).name()).isEqualTo("mazda sedan 4");
    for (Rival r : rivals) {
      assertThat(price.getDouble(r.index())).as(r.name()).isLessThan(12_000);
      assertThat(cityMpg.getDouble(r.index())).as(r.name()).isGreaterThanOrEqualTo(24);
      assertThat(r.priceDifference())
          .isEqualTo(price.getDouble(r.index()) - price.getDouble(ourIndex()));
      assertThat(r.summary()).startsWith(r.name() + ": ");
    }
    assertThat(rivals.get(2).differences()).isNotEmpty();
    assertThat(rivals.get(2).differences().get(0).text())
        .isEqualTo("rival is nissan, ours mazda (make)");
  }

  @Test
  void run_autos_rivalDifferencesSayHowMuchMore() {
    Rival nissan =
        result.rivals().stream().filter(r -> r.name().equals("nissan sedan 7")).findFirst().get();

    assertThat(nissan.differences())
        .extracting(Rival.Difference::text)
        .contains("rival has 8 % more peak-rpm (5,200 vs 4,800)");
    assertThat(nissan.summary()).contains("1,050 dearer (12 %)");
  }

  @Test
  void run_autos_whiteSpaceIsRankedByScoreAndExplained() {
    List<WhiteSpace> ws = result.whiteSpace();

    assertThat(ws).hasSize(5);
    assertThat(ws).extracting(WhiteSpace::rank).containsExactly(1, 2, 3, 4, 5);
    assertThat(ws).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
    for (WhiteSpace w : ws) {
      assertThat(w.score()).isBetween(0.0, 1.0).isLessThanOrEqualTo(w.demand());
      assertThat(w.spacing()).isGreaterThanOrEqualTo(1.0);
      assertThat(w.between()).hasSize(2);
      assertThat(w.price()).isBetween(5118.0, 45400.0);
      assertThat(w.demandSource()).isEqualTo("neighbouring product density");
      assertThat(w.explanation())
          .startsWith("a product with ")
          .contains("price ≈ ")
          .contains("between '" + w.between().get(0) + "' and '" + w.between().get(1) + "'")
          .contains("nearest product ")
          .contains("demand from neighbouring product density");
      assertThat(w.estimates()).extracting(WhiteSpace.Estimate::column).contains("horsepower");
    }
  }

  @Test
  void run_autos_whiteSpaceRegionsAreAtLeastABandwidthApart() {
    List<WhiteSpace> ws = result.whiteSpace();
    double minApart = Double.POSITIVE_INFINITY;
    for (int i = 0; i < ws.size(); i++) {
      for (int j = i + 1; j < ws.size(); j++) {
        minApart =
            Math.min(
                minApart, Math.hypot(ws.get(i).x() - ws.get(j).x(), ws.get(i).y() - ws.get(j).y()));
      }
    }
    // The smaller of the two Scott bandwidths is 0.83 map units.
    assertThat(minApart).isGreaterThan(0.8);
  }

  @Test
  void run_autosWithDemandPoints_whiteSpaceFollowsTheDemand() {
    Map<String, Object> familyCar = new HashMap<>();
    familyCar.put("body-style", "wagon");
    familyCar.put("curb-weight", 3300);
    familyCar.put("horsepower", 140);
    familyCar.put("price", 20000);
    List<DemandPoint> demand =
        List.of(
            DemandPoint.atFeatures("segment 1: families", 3, familyCar),
            DemandPoint.atMap("segment 2: city drivers", 1, -3, 0));

    CompetitorResult r = CompetitorAnalysis.run(autos, options().withDemand(demand));

    WhiteSpace best = r.whiteSpace().get(0);
    assertThat(best.demandSource()).isEqualTo("demand points");
    assertThat(best.explanation()).contains("mostly 'segment 1: families'");
    assertThat(best.x()).isGreaterThan(0); // towards the families' bigger cars, away from (-3, 0)
    assertThat(r.whiteSpace()).isNotEqualTo(result.whiteSpace());
  }

  @Test
  void run_autosWithDemandAtOnePoint_whiteSpaceIsNearIt() {
    List<DemandPoint> demand = List.of(DemandPoint.atMap("small cheap cars", 1, -3, 0.5));

    CompetitorResult r = CompetitorAnalysis.run(autos, options().withDemand(demand));

    WhiteSpace best = r.whiteSpace().get(0);
    assertThat(Math.hypot(best.x() + 3, best.y() - 0.5)).isLessThan(1.0);
    assertThat(best.explanation()).endsWith("mostly 'small cheap cars'");
  }

  @Test
  void run_autosWithReviewEvidence_whiteSpaceAroundTheReviewedCars() {
    List<DemandPoint> reviews =
        List.of(
            DemandPoint.atProduct("reviews of bmw sedan 3", 40, "bmw sedan 3"),
            DemandPoint.atProduct("reviews of volvo wagon 1", 25, "volvo wagon 1"),
            DemandPoint.atProduct("reviews of honda sedan 1", 10, "honda sedan 1"));

    CompetitorResult r = CompetitorAnalysis.run(autos, options().withDemand(reviews));

    CompetitorMap.Point bmw =
        r.map().points().stream().filter(p -> p.name().equals("bmw sedan 3")).findFirst().get();
    WhiteSpace best = r.whiteSpace().get(0);
    assertThat(Math.hypot(best.x() - bmw.x(), best.y() - bmw.y())).isLessThan(1.5);
    assertThat(best.explanation()).endsWith("mostly 'reviews of bmw sedan 3'");
  }

  @Test
  void run_autosMds_givesThePcaMapAndNames() {
    CompetitorResult mds = CompetitorAnalysis.run(autos, options().withProjection(Projection.MDS));

    assertThat(mds.map().projection()).isEqualTo("mds");
    for (int i = 0; i < 205; i++) {
      CompetitorMap.Point a = result.map().points().get(i);
      CompetitorMap.Point b = mds.map().points().get(i);
      assertThat(b.x()).isCloseTo(a.x(), within(1e-8));
      assertThat(b.y()).isCloseTo(a.y(), within(1e-8));
    }
    for (int k = 0; k < 2; k++) {
      assertThat(mds.map().axes().get(k).name()).isEqualTo(result.map().axes().get(k).name());
      assertThat(mds.map().axes().get(k).explainedVariance())
          .isCloseTo(result.map().axes().get(k).explainedVariance(), within(1e-10));
    }
    assertThat(mds.rivals()).extracting(Rival::name).isEqualTo(names(result.rivals()));
  }

  @Test
  void run_autosTwice_givesIdenticalResults() {
    CompetitorResult again = CompetitorAnalysis.run(TestTables.autos(), options());
    CompetitorResult otherSeed = CompetitorAnalysis.run(autos, options().withSeed(7));

    assertThat(again).isEqualTo(result);
    assertThat(otherSeed).isEqualTo(result);
  }

  @Test
  void run_autos_reportsFeaturesImputationAndMergedLevels() {
    FeatureReport f = result.features();
    Map<String, FeatureReport.Used> used = new HashMap<>();
    for (FeatureReport.Used u : f.used()) used.put(u.column(), u);

    assertThat(used).doesNotContainKey("name").hasSize(26);
    assertThat(used.get("normalized-losses").imputed()).isEqualTo(41);
    assertThat(used.get("normalized-losses").imputedWith()).isEqualTo("115");
    assertThat(used.get("num-of-cylinders").kind()).isEqualTo("number words");
    assertThat(used.get("num-of-doors").imputed()).isEqualTo(2);
    assertThat(used.get("make").kind()).isEqualTo("categorical");
    assertThat(used.get("make").levels()).hasSize(13).endsWith("other").startsWith("toyota");
    assertThat(used.get("fuel-type").levels()).containsExactly("gas", "diesel");
    assertThat(f.dropped()).isEmpty();
    assertThat(result.notes())
        .contains(
            "make: read as categories (22 short labels repeated over 205 rows)",
            "make: the 10 rarest of 22 levels merged into 'other'");
  }

  @Test
  void run_autos_everyNumberIsFinite() {
    // The records' constructors reject NaN and infinities; this checks the loadings list is whole.
    assertThat(result.map().axes().get(0).loadings()).hasSizeGreaterThan(25);
  }

  private static int ourIndex() {
    return result.map().points().stream()
        .filter(CompetitorMap.Point::ours)
        .findFirst()
        .get()
        .index();
  }

  private static Map<String, Double> correlations(CompetitorMap.Axis axis) {
    Map<String, Double> r = new HashMap<>();
    for (CompetitorMap.Loading l : axis.loadings()) r.put(l.feature(), l.correlation());
    return r;
  }

  private static List<String> names(List<Rival> rivals) {
    return rivals.stream().map(Rival::name).toList();
  }
}
