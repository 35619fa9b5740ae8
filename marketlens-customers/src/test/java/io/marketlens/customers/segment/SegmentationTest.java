package io.marketlens.customers.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.marketlens.core.validate.InvalidInputException;
import io.marketlens.customers.features.CustomerFeatureOptions;
import io.marketlens.customers.features.CustomerFeatures;
import io.marketlens.customers.features.CustomerSlices;
import io.marketlens.customers.features.Feature;
import io.marketlens.customers.features.FeatureContrast;
import io.marketlens.customers.features.FeatureKind;
import io.marketlens.customers.features.FeatureRole;
import io.marketlens.customers.features.FeatureTable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SegmentationTest {

  private static final SegmentationOptions OPTIONS = SegmentationOptions.defaults().withThreads(2);

  @Test
  void run_onlineRetailSlice_choosesKBySilhouetteLikeScikitLearn() {
    FeatureTable t = CustomerSlices.retailFeatures().table();
    SegmentationResult r = Segmentation.run(t, OPTIONS);
    assertThat(r.clusterFeatures()).containsExactly("recency", "frequency", "monetary");
    assertThat(r.chosenBy()).isEqualTo("silhouette");
    // scikit-learn 1.2.1 on the same log1p-standardised RFM (KMeans n_init 10, seed 42):
    // k=2 silhouette 0.423624, k=3 0.353287, k=4 0.375860.
    assertThat(r.k()).isEqualTo(2);
    assertThat(r.silhouette()).isCloseTo(0.4236244547413796, within(1e-9));
    assertThat(r.silhouetteExact()).isTrue();
    assertThat(r.scores()).hasSize(7);
    assertThat(r.scores().get(0).inertia()).isCloseTo(245.071, within(1e-3));
    assertThat(r.segments()).extracting(Segment::size).containsExactly(105, 43);
    assertThat(r.segments().stream().mapToDouble(Segment::share).sum()).isCloseTo(1, within(1e-12));
  }

  @Test
  void run_onlineRetailSlice_describesSegmentsInWords() {
    SegmentationResult r = Segmentation.run(CustomerSlices.retailFeatures().table(), OPTIONS);
    Segment small = r.segment(2);
    assertThat(small.label()).isEqualTo("Loyal high spenders");
    assertThat(small.sentence()).startsWith("43 customers (29% of all): ");
    assertThat(small.distinguishing()).hasSizeBetween(1, 3);
    for (FeatureContrast c : small.distinguishing()) {
      assertThat(Math.abs(c.standardisedDifference())).isGreaterThanOrEqualTo(0.3);
      assertThat(small.sentence()).contains(c.text());
    }
    assertThat(small.profile()).hasSize(8);
    assertThat(small.value().meanSpend()).isGreaterThan(r.segment(1).value().meanSpend());
    assertThat(small.value().meanClv()).isNull();
    assertThat(small.churnRate()).isNull();
    assertThat(r.segment(1).label()).isNotEqualTo(small.label());
  }

  @Test
  void run_sameSeed_givesEqualResultsWhateverTheThreads() {
    FeatureTable t = CustomerSlices.retailFeatures().table();
    SegmentationResult one = Segmentation.run(t, OPTIONS.withThreads(1));
    assertThat(Segmentation.run(t, OPTIONS.withThreads(3))).isEqualTo(one);
    assertThat(Segmentation.run(t, OPTIONS.withThreads(1))).isEqualTo(one);
  }

  @Test
  void run_telcoSlice_reportsChurnPerSegment() {
    FeatureTable t =
        CustomerFeatures.fromCustomers(
                CustomerSlices.telco(),
                "customerID",
                CustomerFeatureOptions.defaults()
                    .withLabel("Churn")
                    .withUnits(Map.of("tenure", "months")))
            .table();
    SegmentationResult r = Segmentation.run(t, OPTIONS);
    assertThat(r.overallChurnRate()).isEqualTo(73 / 300.0);
    assertThat(r.k()).isBetween(2, 8);
    assertThat(r.clusterFeatures()).hasSize(t.features().size());
    double weighted = 0;
    for (Segment s : r.segments()) {
      assertThat(s.churnRate()).isNotNull();
      assertThat(s.sentence()).contains("Churn ").contains(" overall.");
      assertThat(s.label()).isNotBlank();
      weighted += s.churnRate() * s.size();
    }
    assertThat(weighted / 300).isCloseTo(73 / 300.0, within(1e-12));
  }

  @Test
  void run_withLifetimeValue_reportsItAsValueNotAsADistinguishingFeature() {
    FeatureTable t = CustomerSlices.retailFeatures().table();
    double[] clv = new double[t.size()];
    for (int i = 0; i < clv.length; i++) clv[i] = i;
    t =
        t.withFeature(
            new Feature(
                "clv12m",
                "expected value over 12 months",
                "12 months",
                FeatureRole.LIFETIME_VALUE,
                FeatureKind.NUMERIC,
                true,
                null,
                null,
                clv));
    SegmentationResult r = Segmentation.run(t, OPTIONS);
    assertThat(r.clusterFeatures()).doesNotContain("clv12m");
    for (Segment s : r.segments()) {
      assertThat(s.value().meanClv()).isNotNull();
      assertThat(s.distinguishing()).noneMatch(c -> c.role() == FeatureRole.LIFETIME_VALUE);
      assertThat(s.sentence()).contains("Expected value over the next 12 months");
    }
  }

  @Test
  void run_fixedK_usesIt() {
    SegmentationResult r =
        Segmentation.run(CustomerSlices.retailFeatures().table(), OPTIONS.withFixedK(4));
    assertThat(r.k()).isEqualTo(4);
    assertThat(r.chosenBy()).isEqualTo("fixed");
    assertThat(r.scores()).hasSize(1);
  }

  @Test
  void run_oneCustomer_isAnInputError() {
    FeatureTable t = table(new String[] {"a"}, new double[] {1});
    assertThatThrownBy(() -> Segmentation.run(t, OPTIONS))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("expected at least 3 customers to segment, found \"1 customer\"");
  }

  @Test
  void run_allCustomersIdentical_isAnInputError() {
    FeatureTable t = table(new String[] {"a", "b", "c", "d"}, new double[] {5, 5, 5, 5});
    assertThatThrownBy(() -> Segmentation.run(t, OPTIONS))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("all 4 customers identical");
  }

  @Test
  void run_unknownClusterFeature_namesTheClosest() {
    FeatureTable t = CustomerSlices.retailFeatures().table();
    assertThatThrownBy(() -> Segmentation.run(t, OPTIONS.withClusterFeatures(List.of("recncy"))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("did you mean 'recency'?");
  }

  @Test
  void options_badRange_isAnInputError() {
    assertThatThrownBy(() -> OPTIONS.withRange(1, 8))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("segments.k");
    assertThatThrownBy(() -> OPTIONS.withFixedK(1)).isInstanceOf(InvalidInputException.class);
  }

  private static FeatureTable table(String[] ids, double[] x) {
    return new FeatureTable(
        List.of(ids),
        List.of(
            new Feature("x", "x", "", FeatureRole.OTHER, FeatureKind.NUMERIC, false, "x", null, x)),
        null);
  }
}
