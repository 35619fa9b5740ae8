package io.marketlens.customers.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.marketlens.core.validate.InvalidInputException;
import io.marketlens.customers.features.CustomerFeatureOptions;
import io.marketlens.customers.features.CustomerFeatures;
import io.marketlens.customers.features.CustomerSlices;
import io.marketlens.customers.features.Feature;
import io.marketlens.customers.features.FeatureKind;
import io.marketlens.customers.features.FeatureRole;
import io.marketlens.customers.features.FeatureTable;
import io.marketlens.ml.cluster.ClusterSelection;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HdbscanSegmentationTest {

  private static final SegmentationOptions HDBSCAN =
      SegmentationOptions.defaults().withThreads(2).hdbscan(0, 0, ClusterSelection.EXCESS_OF_MASS);

  @Test
  void run_onlineRetailSlice_segmentsWithPersonasAndReportsTheUnclustered() {
    FeatureTable t = CustomerSlices.retailFeatures().table();
    SegmentationResult r = Segmentation.run(t, HDBSCAN);
    assertThat(r.method()).isEqualTo(SegmentationMethod.HDBSCAN);
    assertThat(r.chosenBy()).isEqualTo("excess of mass");
    assertThat(r.scores()).isEmpty();
    assertThat(r.clusterFeatures()).containsExactly("recency", "frequency", "monetary");
    // 148 customers: the default minClusterSize is max(5, 1% of 148) = 5, minSamples the same.
    HdbscanSummary h = r.hdbscan();
    assertThat(h.minClusterSize()).isEqualTo(5);
    assertThat(h.minClusterSizeDefault()).isTrue();
    assertThat(h.minSamples()).isEqualTo(5);
    assertThat(h.sampled()).isFalse();
    assertThat(h.fitCustomers()).isEqualTo(148);
    assertThat(r.k()).isEqualTo(2);
    assertThat(r.segments()).extracting(Segment::size).containsExactly(68, 58);
    assertThat(r.noise()).isEqualTo(22);
    assertThat(r.noiseShare()).isCloseTo(22 / 148.0, within(1e-12));
    assertThat(r.silhouettePoints()).isEqualTo(126);
    assertThat(r.silhouetteExact()).isTrue();
    assertThat(r.silhouette()).isBetween(0.0, 1.0);
    assertThat(r.notes()).isEmpty();
    int[] a = r.assignments();
    assertThat(Arrays.stream(a).filter(s -> s == 0).count()).isEqualTo(22);
    assertThat(Arrays.stream(a).filter(s -> s == 1).count()).isEqualTo(68);
    for (Segment s : r.segments()) {
      assertThat(s.id()).isPositive();
      assertThat(s.label()).isNotBlank().isNotEqualTo("Unclustered");
      assertThat(s.sentence()).startsWith(s.size() + " customers (");
      assertThat(s.distinguishing()).isNotEmpty();
      assertThat(s.value().meanSpend()).isPositive();
    }
    assertThat(r.segment(1).label()).isNotEqualTo(r.segment(2).label());
    Segment u = r.unclustered();
    assertThat(u.id()).isZero();
    assertThat(r.segment(0)).isSameAs(u);
    assertThat(u.label()).isEqualTo("Unclustered");
    assertThat(u.sentence()).startsWith("22 customers (15% of all) fit no segment");
    assertThat(u.size() + r.segments().stream().mapToInt(Segment::size).sum()).isEqualTo(148);
  }

  @Test
  void run_sameSeed_givesEqualResultsWhateverTheThreads() {
    FeatureTable t = CustomerSlices.retailFeatures().table();
    SegmentationResult one = Segmentation.run(t, HDBSCAN.withThreads(1));
    assertThat(Segmentation.run(t, HDBSCAN.withThreads(3))).isEqualTo(one);
    assertThat(Segmentation.run(t, HDBSCAN.withThreads(1))).isEqualTo(one);
  }

  @Test
  void run_leafAndExplicitParameters_areUsedAndReported() {
    FeatureTable t = CustomerSlices.retailFeatures().table();
    SegmentationResult r = Segmentation.run(t, HDBSCAN.hdbscan(8, 3, ClusterSelection.LEAF));
    assertThat(r.chosenBy()).isEqualTo("leaf");
    assertThat(r.hdbscan().minClusterSize()).isEqualTo(8);
    assertThat(r.hdbscan().minClusterSizeDefault()).isFalse();
    assertThat(r.hdbscan().minSamples()).isEqualTo(3);
    assertThat(r.segments()).allMatch(s -> s.size() >= 8);
  }

  @Test
  void run_manyCustomers_fitsASampleAndSaysSo() {
    FeatureTable t = CustomerSlices.retailFeatures().table();
    SegmentationResult r = Segmentation.run(t, HDBSCAN, 100);
    assertThat(r.hdbscan().sampled()).isTrue();
    assertThat(r.hdbscan().fitCustomers()).isEqualTo(100);
    // 5 of 148 customers scaled to the sample of 100.
    assertThat(r.hdbscan().fitMinClusterSize()).isEqualTo(3);
    assertThat(r.notes())
        .singleElement()
        .asString()
        .startsWith("HDBSCAN was fitted on a seeded sample of 100 of the 148 customers")
        .contains("nearest sampled customer");
    assertThat(r.assignments()).hasSize(148);
    assertThat(Segmentation.run(t, HDBSCAN.withThreads(1), 100)).isEqualTo(r);
  }

  @Test
  void run_telcoSlice_reportsChurnPerSegmentAndForTheUnclustered() {
    FeatureTable t =
        CustomerFeatures.fromCustomers(
                CustomerSlices.telco(),
                "customerID",
                CustomerFeatureOptions.defaults()
                    .withLabel("Churn")
                    .withUnits(Map.of("tenure", "months")))
            .table();
    SegmentationResult r = Segmentation.run(t, HDBSCAN);
    assertThat(r.k()).isGreaterThanOrEqualTo(2);
    double weighted = r.unclustered() == null ? 0 : r.unclustered().churnRate() * r.noise();
    for (Segment s : r.segments()) {
      assertThat(s.churnRate()).isNotNull();
      assertThat(s.sentence()).contains("Churn ").contains(" overall.");
      weighted += s.churnRate() * s.size();
    }
    assertThat(weighted / 300).isCloseTo(73 / 300.0, within(1e-12));
  }

  @Test
  void run_fewerCustomersThanMinClusterSize_isAnInputErrorSayingWhatToDo() {
    FeatureTable t = CustomerSlices.retailFeatures().table();
    assertThatThrownBy(
            () -> Segmentation.run(t, HDBSCAN.hdbscan(200, 0, ClusterSelection.EXCESS_OF_MASS)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("key 'segments.minClusterSize'")
        .hasMessageContaining("expected at most the number of customers (148), found \"200\"")
        .hasMessageContaining("lower minClusterSize or use method kmeans");
  }

  @Test
  void run_everyCustomerNoise_isAnInputErrorSayingWhatToDo() {
    FeatureTable t = CustomerSlices.retailFeatures().table();
    assertThatThrownBy(
            () -> Segmentation.run(t, HDBSCAN.hdbscan(40, 0, ClusterSelection.EXCESS_OF_MASS)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("key 'segments.minClusterSize'")
        .hasMessageContaining("expected segments of at least 40 customers")
        .hasMessageContaining("HDBSCAN found none among 148 customers: all are noise")
        .hasMessageContaining("lower minClusterSize or minSamples, or use method kmeans");
  }

  @Test
  void run_tinyTableWithTheDefault_namesTheDefault() {
    FeatureTable t = table(new String[] {"a", "b", "c", "d"}, new double[] {1, 2, 3, 9});
    assertThatThrownBy(() -> Segmentation.run(t, HDBSCAN))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("at most the number of customers (4), found \"5\"")
        .hasMessageContaining("below the default 5 (1% of the customers, at least 5)");
  }

  @Test
  void run_allCustomersIdentical_isAnInputError() {
    FeatureTable t = table(new String[] {"a", "b", "c", "d"}, new double[] {5, 5, 5, 5});
    assertThatThrownBy(() -> Segmentation.run(t, HDBSCAN))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("all 4 customers identical");
  }

  @Test
  void options_badHdbscanParameters_areInputErrors() {
    assertThatThrownBy(() -> HDBSCAN.hdbscan(1, 0, ClusterSelection.EXCESS_OF_MASS))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("segments.minClusterSize");
    assertThatThrownBy(() -> HDBSCAN.hdbscan(5, -1, ClusterSelection.EXCESS_OF_MASS))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("segments.minSamples");
    assertThat(SegmentationOptions.defaultMinClusterSize(148)).isEqualTo(5);
    assertThat(SegmentationOptions.defaultMinClusterSize(4_338)).isEqualTo(43);
  }

  @Test
  void run_kmeans_hasNoUnclusteredGroup() {
    SegmentationResult r =
        Segmentation.run(CustomerSlices.retailFeatures().table(), HDBSCAN.kmeans());
    assertThat(r.method()).isEqualTo(SegmentationMethod.KMEANS);
    assertThat(r.hdbscan()).isNull();
    assertThat(r.unclustered()).isNull();
    assertThat(r.noiseShare()).isZero();
  }

  private static FeatureTable table(String[] ids, double[] x) {
    return new FeatureTable(
        List.of(ids),
        List.of(
            new Feature("x", "x", "", FeatureRole.OTHER, FeatureKind.NUMERIC, false, "x", null, x)),
        null);
  }
}
