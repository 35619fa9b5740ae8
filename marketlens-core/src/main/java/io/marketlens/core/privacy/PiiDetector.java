package io.marketlens.core.privacy;

import io.marketlens.core.table.Column;
import io.marketlens.core.table.ColumnType;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Decides whether a column as a whole holds personal data, and of which kind.
 *
 * <p>Only text columns (categorical and free text) are examined, plus integer columns for phone and
 * ID-card numbers (a column of Chinese mobile numbers is often read as integers). A header that
 * announces a kind ({@link HeaderHints}) wins when at least half of the values fit that kind.
 * Otherwise the values decide alone: when at least 80% are e-mail addresses, phone numbers or
 * ID-card numbers, the column is of the most frequent of those kinds; when at least 80% have the
 * shape of a person's name and at least half of them are different (a column of a few repeated
 * labels is categorical, not a list of people), it holds names.
 */
final class PiiDetector {

  static final double HINTED_SHARE = 0.5;
  static final double SHAPE_SHARE = 0.8;
  static final double NAME_DISTINCT_SHARE = 0.5;

  /** Values of flag-like columns, which are never names even under a name header. */
  private static final Set<String> FLAG_VALUES =
      Set.of("yes", "no", "y", "n", "true", "false", "t", "f", "male", "female", "m", "none");

  private PiiDetector() {}

  /** The kind of personal data in {@code column} of table {@code tableName}, or null. */
  static PiiKind detect(String tableName, Column column) {
    ColumnType type = column.type();
    boolean text = type.isString();
    if (!text && type != ColumnType.INTEGER) return null;
    ColumnSample sample = ColumnSample.of(column);
    if (sample.isEmpty()) return null;
    PiiKind hinted = HeaderHints.hint(column.name(), tableName);
    if (hinted != null && fits(hinted, sample, text)) return hinted;
    PiiKind shaped = byContactShape(sample, text, HeaderHints.isIdentifier(column.name()));
    if (shaped != null) return shaped;
    if (text && !HeaderHints.excludesNames(column.name(), tableName) && hasNames(sample)) {
      return PiiKind.PERSON_NAME;
    }
    return null;
  }

  /**
   * The kind of one value inside a column of {@code columnKind}: values shaped like an e-mail
   * address, an ID-card number or a phone number keep their own kind (so a mixed "contact" column
   * gets the same tokens as the e-mail and phone columns of other tables); anything else takes the
   * column's kind.
   */
  static PiiKind kindOf(String value, PiiKind columnKind) {
    if (Emails.isEmail(value)) return PiiKind.EMAIL;
    if (CnIdCards.isValid(value)) return PiiKind.CN_ID_CARD;
    if (columnKind != PiiKind.PHONE && PhoneNumbers.isPhone(value, false)) return PiiKind.PHONE;
    return columnKind;
  }

  private static boolean fits(PiiKind kind, ColumnSample sample, boolean text) {
    switch (kind) {
      case EMAIL:
        return text && sample.share(v -> v.indexOf('@') >= 0) >= HINTED_SHARE;
      case PHONE:
        return sample.share(v -> PhoneNumbers.isPhone(v, true)) >= HINTED_SHARE;
      case CN_ID_CARD:
        return sample.share(CnIdCards::isValid) >= HINTED_SHARE;
      case PERSON_NAME:
        return text && sample.share(PersonNames::isNameLike) >= HINTED_SHARE && !isFlag(sample);
      default:
        throw new AssertionError(kind);
    }
  }

  private static PiiKind byContactShape(ColumnSample sample, boolean text, boolean identifier) {
    Map<PiiKind, Integer> counts = new EnumMap<>(PiiKind.class);
    for (String v : sample.values()) {
      PiiKind k = contactKind(v, text, identifier);
      if (k != null) counts.merge(k, 1, Integer::sum);
    }
    int total = counts.values().stream().mapToInt(Integer::intValue).sum();
    if (total < SHAPE_SHARE * sample.values().size()) return null;
    PiiKind best = null;
    for (Map.Entry<PiiKind, Integer> e : counts.entrySet()) {
      if (best == null || e.getValue() > counts.get(best)) best = e.getKey();
    }
    return best;
  }

  private static PiiKind contactKind(String v, boolean text, boolean identifier) {
    if (text && Emails.isEmail(v)) return PiiKind.EMAIL;
    if (CnIdCards.isValid(v)) return PiiKind.CN_ID_CARD;
    boolean phone =
        identifier ? PhoneNumbers.isUnambiguousPhone(v) : PhoneNumbers.isPhone(v, false);
    return phone ? PiiKind.PHONE : null;
  }

  private static boolean hasNames(ColumnSample sample) {
    return sample.share(PersonNames::hasNameShape) >= SHAPE_SHARE
        && sample.distinct() >= NAME_DISTINCT_SHARE * sample.values().size();
  }

  private static boolean isFlag(ColumnSample sample) {
    return sample.distinct() <= FLAG_VALUES.size()
        && sample.values().stream()
            .allMatch(v -> FLAG_VALUES.contains(v.strip().toLowerCase(Locale.ROOT)));
  }
}
