package io.marketlens.core.project;

import java.nio.file.Path;
import java.util.Map;

/**
 * The {@code privacy:} section: personal data is pseudonymised by default.
 *
 * @param enabled false turns detection off for every column (not recommended)
 * @param secretFile the per-project HMAC secret, created on first use
 * @param columns per-column choice: "auto", "off", or a kind ("email", "phone", "name", "cn_id")
 */
public record PrivacySettings(boolean enabled, Path secretFile, Map<String, String> columns) {

  public PrivacySettings {
    columns = Map.copyOf(columns);
  }
}
