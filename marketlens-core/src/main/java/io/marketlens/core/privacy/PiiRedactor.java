package io.marketlens.core.privacy;

import io.marketlens.core.table.Column;
import io.marketlens.core.table.ColumnType;
import io.marketlens.core.table.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The entry point for personal data: replaces it in a table by keyed-hash tokens before anything
 * reaches an output (report, results.json, saved models, logs), and masks it in messages.
 *
 * <p>Each column is handled according to its {@link PiiOptions#settingFor setting}:
 *
 * <ul>
 *   <li>{@code off}: left as it is;
 *   <li>a kind id: every value replaced by its token;
 *   <li>{@code auto}: when detection finds that the column as a whole holds personal data (see
 *       {@link PiiDetector}) every value is replaced by its token; otherwise, in text columns, the
 *       e-mail addresses, phone numbers and ID-card numbers inside each value are replaced and the
 *       rest of the text is kept.
 * </ul>
 *
 * <p>A replaced column holds strings: text columns keep their type, other columns (such as integer
 * columns of mobile numbers) become categorical. Missing values stay missing. Equal values get
 * equal tokens, so replaced columns still join, group and count as before.
 *
 * <p>Thread-safe: it holds no state.
 */
public final class PiiRedactor {

  private PiiRedactor() {}

  /**
   * {@code table} with personal data replaced as {@code options} say, by tokens from {@code
   * pseudonymizer}.
   */
  public static RedactionResult redact(
      Table table, PiiOptions options, Pseudonymizer pseudonymizer) {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(pseudonymizer, "pseudonymizer");
    List<Column> columns = new ArrayList<>(table.columns().size());
    Map<String, String> pii = new LinkedHashMap<>();
    Map<String, Integer> replaced = new LinkedHashMap<>();
    for (Column c : table.columns()) {
      String setting = options.settingFor(c.name());
      PiiKind kind = kindFor(setting, table.name(), c);
      Column out = c;
      if (kind != null) {
        out = tokenized(c, kind, pseudonymizer);
        pii.put(c.name(), kind.id());
        replaced.put(c.name(), c.size() - c.missingCount());
      } else if (setting.equals(PiiOptions.AUTO) && c.type().isString()) {
        int[] changed = {0};
        Column scrubbed = scrubbed(c, pseudonymizer, changed);
        if (changed[0] > 0) {
          out = scrubbed;
          pii.put(c.name(), RedactionResult.IN_TEXT);
          replaced.put(c.name(), changed[0]);
        }
      }
      columns.add(out);
    }
    Table result = new Table(table.name(), table.source(), columns, table.rowCount());
    return new RedactionResult(result, pii, replaced);
  }

  /**
   * {@code s} with e-mail addresses, phone numbers and ID-card numbers replaced by {@code <email>},
   * {@code <phone>} and {@code <id>}, for messages and logs that must not echo personal data; null
   * stays null.
   */
  public static String maskForMessage(String s) {
    if (s == null) return null;
    return TextScanner.replace(s, (kind, found) -> placeholder(kind));
  }

  /** The kind the whole column is replaced as, or null to keep it (or scan its text). */
  private static PiiKind kindFor(String setting, String tableName, Column c) {
    if (setting.equals(PiiOptions.OFF)) return null;
    if (setting.equals(PiiOptions.AUTO)) return PiiDetector.detect(tableName, c);
    return PiiKind.byId(setting);
  }

  private static Column tokenized(Column c, PiiKind kind, Pseudonymizer p) {
    String[] tokens = new String[c.size()];
    Map<String, String> memo = new HashMap<>();
    for (int row = 0; row < tokens.length; row++) {
      if (c.isMissing(row)) continue;
      tokens[row] =
          memo.computeIfAbsent(c.getString(row), v -> p.token(PiiDetector.kindOf(v, kind), v));
    }
    ColumnType type = c.type().isString() ? c.type() : ColumnType.CATEGORICAL;
    return Column.ofStrings(c.name(), type, tokens, null);
  }

  /**
   * {@code c} with personal data inside its text replaced, counting changed values in {@code
   * changed[0]}. Categorical columns repeat few values, so each distinct value is scanned once.
   */
  private static Column scrubbed(Column c, Pseudonymizer p, int[] changed) {
    Map<String, String> memo = c.type() == ColumnType.CATEGORICAL ? new HashMap<>() : null;
    return c.mapStrings(
        v -> {
          String out =
              memo == null
                  ? TextScanner.replace(v, p::token)
                  : memo.computeIfAbsent(v, x -> TextScanner.replace(x, p::token));
          if (!out.equals(v)) changed[0]++;
          return out;
        });
  }

  private static String placeholder(PiiKind kind) {
    switch (kind) {
      case EMAIL:
        return "<email>";
      case PHONE:
        return "<phone>";
      case CN_ID_CARD:
        return "<id>";
      default:
        return "<" + kind.id() + ">";
    }
  }
}
