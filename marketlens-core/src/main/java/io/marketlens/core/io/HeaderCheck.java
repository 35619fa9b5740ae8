package io.marketlens.core.io;

import io.marketlens.core.validate.InvalidInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the column names of a header row: a stray byte-order mark (U+FEFF) before the first name
 * is dropped and outer spaces are trimmed (with a warning); a blank name or a name used twice is an
 * error naming both positions.
 */
final class HeaderCheck {

  private HeaderCheck() {}

  /** The checked names of {@code header}, adding a warning for each name that was trimmed. */
  static List<String> names(Path file, String[] header, List<String> warnings) {
    if (header == null) {
      throw InvalidInputException.in(file)
          .expected("a header row and data rows")
          .found("only blank lines")
          .build();
    }
    List<String> names = new ArrayList<>(header.length);
    Map<String, Integer> seen = new HashMap<>();
    for (int k = 0; k < header.length; k++) {
      String raw = k == 0 && header[0].startsWith("\ufeff") ? header[0].substring(1) : header[k];
      String name = raw.strip();
      if (name.isEmpty()) throw blank(file, header.length, k, names);
      if (!name.equals(raw)) warnings.add("header: column '" + raw + "' read as '" + name + "'");
      Integer before = seen.putIfAbsent(name, k);
      if (before != null) {
        throw InvalidInputException.in(file)
            .row(1)
            .column(name)
            .expected("unique column names")
            .found("'" + name + "' at positions " + (before + 1) + " and " + (k + 1))
            .hint("rename one of the two columns")
            .build();
      }
      names.add(name);
    }
    return names;
  }

  private static InvalidInputException blank(Path file, int count, int k, List<String> before) {
    String where =
        k == 0
            ? "the first of " + count
            : "position " + (k + 1) + ", after '" + before.get(k - 1) + "'";
    String hint =
        k == count - 1 && k > 0
            ? "remove the delimiter at the end of the header, or name the last column"
            : "give every column a name";
    return InvalidInputException.in(file)
        .row(1)
        .expected("a name for every column")
        .found("a blank name at " + where)
        .hint(hint)
        .build();
  }
}
