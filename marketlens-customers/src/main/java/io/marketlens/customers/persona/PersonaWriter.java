package io.marketlens.customers.persona;

import io.marketlens.customers.features.FeatureContrast;
import io.marketlens.customers.features.FeatureRole;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Writes a persona (label and sentence) for each segment from fixed rules.
 *
 * <p><b>Label.</b> When recency, frequency and monetary value are all known, the label follows the
 * usual RFM segment names from their standardised differences {@code dR, dF, dM} (|d| above {@value
 * #CLEAR} counts as clearly different): recent, frequent and high-spending customers are "Loyal
 * high spenders"; lapsed ones who bought often or much are "At-risk big spenders"; recent ones with
 * a short history are "New customers"; and so on (see {@link #rfmLabel}). Otherwise the label joins
 * the segment's two strongest traits ("Contract Month-to-month, low tenure"), prefixed with
 * "High-churn:" or "Low-churn:" when the segment's churn rate is at least 1.5 times, or at most
 * half, the overall rate. Two segments with the same label are told apart by their next trait.
 *
 * <p><b>Sentence.</b> Size and share, then the distinguishing features in words, then churn and
 * expected value against the overall figures where known.
 *
 * <p>Thread-safe and deterministic: the same inputs always give the same words.
 */
public final class PersonaWriter {

  /** A standardised difference beyond this reads as "clearly higher / lower". */
  static final double CLEAR = 0.5;

  private PersonaWriter() {}

  /** One persona per input, in the same order. */
  public static List<Persona> write(List<PersonaInput> segments) {
    Objects.requireNonNull(segments, "segments");
    List<String> labels = new ArrayList<>();
    for (PersonaInput s : segments) labels.add(label(s));
    disambiguate(segments, labels);
    List<Persona> out = new ArrayList<>();
    for (int i = 0; i < segments.size(); i++) {
      out.add(new Persona(labels.get(i), sentence(segments.get(i))));
    }
    return out;
  }

  /** The label of the customers in no segment (HDBSCAN's noise). */
  public static final String UNCLUSTERED = "Unclustered";

  /**
   * The persona of the customers in no segment: the label {@value #UNCLUSTERED} and a sentence like
   * a segment's, saying they fit no segment and what sets them apart as a group.
   */
  public static Persona unclustered(PersonaInput group) {
    Objects.requireNonNull(group, "group");
    return new Persona(UNCLUSTERED, sentence(group, " fit no segment"));
  }

  static String label(PersonaInput s) {
    String rfm = rfmLabel(s.profile());
    String base = rfm != null ? rfm : traitLabel(s);
    if (s.churnRate() != null && s.overallChurnRate() != null && s.overallChurnRate() > 0) {
      double ratio = s.churnRate() / s.overallChurnRate();
      if (ratio >= 1.5) return "High-churn: " + base;
      if (ratio <= 0.5) return "Low-churn: " + base;
    }
    return base;
  }

  /** The RFM segment name, or null when recency, frequency or monetary value is absent. */
  static String rfmLabel(List<FeatureContrast> profile) {
    Double r = difference(profile, FeatureRole.RECENCY);
    Double f = difference(profile, FeatureRole.FREQUENCY);
    Double m = difference(profile, FeatureRole.MONETARY);
    if (r == null || f == null || m == null) return null;
    Double t = difference(profile, FeatureRole.TENURE);
    boolean recent = r < -CLEAR;
    boolean lapsed = r > CLEAR;
    boolean highF = f > CLEAR;
    boolean highM = m > CLEAR;
    boolean lowF = f < -CLEAR;
    boolean lowM = m < -CLEAR;
    boolean young = t != null && t < -CLEAR;
    if (recent && highF && highM) return "Loyal high spenders";
    if (lapsed && (highF || highM)) return "At-risk big spenders";
    if (recent && young && !highF) return "New customers";
    if (recent && (highF || highM)) return "Active regulars";
    if (recent) return "Recent occasional buyers";
    if (lapsed && lowF && lowM) return "Lapsed one-off buyers";
    if (lapsed) return "Lapsing customers";
    if (highF && highM) return "Steady high spenders";
    if (highF || highM) return "Steady regulars";
    if (lowF && lowM) return "Occasional low spenders";
    return "Middle-of-the-road customers";
  }

  private static String traitLabel(PersonaInput s) {
    Set<String> traits = new LinkedHashSet<>();
    for (FeatureContrast c : s.distinguishing()) {
      if (traits.size() == 2) break;
      traits.add(c.trait());
    }
    if (traits.isEmpty()) return "Typical customers";
    String joined = String.join(", ", traits);
    return Character.toUpperCase(joined.charAt(0)) + joined.substring(1);
  }

  /** Labels used twice get the segment's first trait not already in the label, or its id. */
  private static void disambiguate(List<PersonaInput> segments, List<String> labels) {
    Map<String, Integer> count = new HashMap<>();
    for (String l : labels) count.merge(l, 1, Integer::sum);
    for (int i = 0; i < labels.size(); i++) {
      String l = labels.get(i);
      if (count.get(l) == 1) continue;
      String extra = null;
      for (FeatureContrast c : segments.get(i).distinguishing()) {
        String t = c.trait();
        if (!l.toLowerCase(Locale.ROOT).contains(t.toLowerCase(Locale.ROOT))) {
          extra = t;
          break;
        }
      }
      labels.set(i, l + " (" + (extra != null ? extra : "segment " + segments.get(i).id()) + ")");
    }
    Map<String, Integer> again = new HashMap<>();
    for (String l : labels) again.merge(l, 1, Integer::sum);
    for (int i = 0; i < labels.size(); i++) {
      if (again.get(labels.get(i)) > 1) {
        labels.set(i, labels.get(i) + " #" + segments.get(i).id());
      }
    }
  }

  static String sentence(PersonaInput s) {
    return sentence(s, "");
  }

  private static String sentence(PersonaInput s, String qualifier) {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT, "%,d customers (%s of all)", s.size(), Phrases.percent(s.share())));
    b.append(qualifier);
    List<String> parts = new ArrayList<>();
    for (FeatureContrast c : s.distinguishing()) parts.add(c.text());
    if (!parts.isEmpty()) b.append(": ").append(String.join("; ", parts));
    b.append('.');
    if (s.churnRate() != null && s.overallChurnRate() != null) {
      b.append(" Churn ")
          .append(Phrases.percent(s.churnRate()))
          .append(" vs ")
          .append(Phrases.percent(s.overallChurnRate()))
          .append(" overall.");
    }
    if (s.meanValue() != null && s.overallMeanValue() != null) {
      b.append(" Expected value over the next ")
          .append(s.valueHorizonMonths())
          .append(" months ")
          .append(Phrases.number(s.meanValue()))
          .append(" per customer vs ")
          .append(Phrases.number(s.overallMeanValue()))
          .append(" overall.");
    }
    return b.toString();
  }

  private static Double difference(List<FeatureContrast> profile, FeatureRole role) {
    for (FeatureContrast c : profile) if (c.role() == role) return c.standardisedDifference();
    return null;
  }
}
