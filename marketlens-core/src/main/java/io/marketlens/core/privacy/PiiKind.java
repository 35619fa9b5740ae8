package io.marketlens.core.privacy;

import java.util.Locale;

/** A kind of personal data that Marketlens detects and pseudonymises. */
public enum PiiKind {
  /** E-mail addresses. */
  EMAIL("email"),
  /** Phone numbers: international, national and Chinese mobile numbers. */
  PHONE("phone"),
  /** Names of people, in Latin script or Chinese characters. */
  PERSON_NAME("name"),
  /** Chinese resident ID-card numbers (18 characters, or the older 15 digits). */
  CN_ID_CARD("cn_id");

  private final String id;

  PiiKind(String id) {
    this.id = id;
  }

  /**
   * The lower-case name used in the project file, in results.json and as the prefix of tokens
   * ("email", "phone", "name", "cn_id").
   */
  public String id() {
    return id;
  }

  /** The kind whose {@link #id()} is {@code id} (case-insensitive), or null when there is none. */
  static PiiKind byId(String id) {
    String wanted = id.strip().toLowerCase(Locale.ROOT);
    for (PiiKind k : values()) if (k.id.equals(wanted)) return k;
    return null;
  }
}
