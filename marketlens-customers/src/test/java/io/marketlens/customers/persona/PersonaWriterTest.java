package io.marketlens.customers.persona;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketlens.customers.features.Feature;
import io.marketlens.customers.features.FeatureContrast;
import io.marketlens.customers.features.FeatureKind;
import io.marketlens.customers.features.FeatureRole;
import java.util.List;
import org.junit.jupiter.api.Test;

class PersonaWriterTest {

  private static FeatureContrast rfm(FeatureRole role, double d) {
    Feature f =
        new Feature(
            role.name().toLowerCase(java.util.Locale.ROOT),
            null,
            "",
            role,
            FeatureKind.NUMERIC,
            false,
            null,
            null,
            new double[] {1});
    return Phrases.contrast(f, 2, 3, d);
  }

  private static List<FeatureContrast> profile(double r, double f, double m, double t) {
    return List.of(
        rfm(FeatureRole.RECENCY, r),
        rfm(FeatureRole.FREQUENCY, f),
        rfm(FeatureRole.MONETARY, m),
        rfm(FeatureRole.TENURE, t));
  }

  @Test
  void rfmLabel_followsTheClassicSegmentNames() {
    assertThat(PersonaWriter.rfmLabel(profile(-1, 1, 1, 0))).isEqualTo("Loyal high spenders");
    assertThat(PersonaWriter.rfmLabel(profile(1, 1, 0, 0))).isEqualTo("At-risk big spenders");
    assertThat(PersonaWriter.rfmLabel(profile(-1, 0, 0, -1))).isEqualTo("New customers");
    assertThat(PersonaWriter.rfmLabel(profile(-1, 0, 1, 0))).isEqualTo("Active regulars");
    assertThat(PersonaWriter.rfmLabel(profile(1, -1, -1, 0))).isEqualTo("Lapsed one-off buyers");
    assertThat(PersonaWriter.rfmLabel(profile(0, 0, 0, 0)))
        .isEqualTo("Middle-of-the-road customers");
    assertThat(PersonaWriter.rfmLabel(profile(0, 0, 0, 0).subList(0, 2))).isNull();
  }

  @Test
  void write_sameLabelTwice_tellsThemApartByTheNextTrait() {
    Feature tenure =
        new Feature(
            "tenure",
            "tenure",
            "months",
            FeatureRole.OTHER,
            FeatureKind.NUMERIC,
            false,
            "tenure",
            null,
            new double[] {1});
    Feature contract =
        new Feature(
            "Contract=Two year",
            "Contract",
            "",
            FeatureRole.OTHER,
            FeatureKind.LEVEL,
            false,
            "Contract",
            "Two year",
            new double[] {1});
    FeatureContrast longer = Phrases.contrast(tenure, 60, 32, 1.2);
    FeatureContrast twoYear = Phrases.contrast(contract, 0.9, 0.24, 1.5);
    PersonaInput a = input(1, List.of(longer, twoYear), 0.05, 0.27);
    PersonaInput b = input(2, List.of(longer, twoYear), 0.06, 0.27);
    List<Persona> p = PersonaWriter.write(List.of(a, b));
    // Both traits are already in the label, so the segment number tells them apart.
    assertThat(p.get(0).label()).isEqualTo("Low-churn: High tenure, Contract Two year (segment 1)");
    assertThat(p.get(1).label()).isEqualTo("Low-churn: High tenure, Contract Two year (segment 2)");
    assertThat(p.get(0).sentence())
        .isEqualTo(
            "50 customers (25% of all): tenure 60 months vs 32 overall; Contract Two year 90% vs"
                + " 24% overall. Churn 5% vs 27% overall.");
  }

  @Test
  void phrases_numbersAndShares_readNaturally() {
    assertThat(Phrases.number(1234.56)).isEqualTo("1,235");
    assertThat(Phrases.number(2.0)).isEqualTo("2");
    assertThat(Phrases.number(2.46)).isEqualTo("2.5");
    assertThat(Phrases.percent(0.375)).isEqualTo("38%");
    assertThat(rfm(FeatureRole.FREQUENCY, 1).text()).isEqualTo("2 orders vs 3 overall");
    assertThat(rfm(FeatureRole.RECENCY, -1).trait()).isEqualTo("recent");
  }

  private static PersonaInput input(
      int id, List<FeatureContrast> dist, double churn, double overall) {
    return new PersonaInput(id, 50, 0.25, dist, dist, churn, overall, null, null, 0);
  }
}
