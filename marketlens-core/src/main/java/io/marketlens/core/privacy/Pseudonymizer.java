package io.marketlens.core.privacy;

import io.marketlens.core.validate.Checks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A keyed hash that turns a personal value into a stable token such as {@code email_3f9a1c0b2d4e}:
 * the kind's id, an underscore and the first 12 hex digits of HMAC-SHA256 over the kind id and the
 * normalised value, keyed with a per-project secret.
 *
 * <p>The same secret gives the same token for the same value in every run and every table, so
 * tokens still join and count like the values they replace; without the secret they cannot be
 * reversed or recomputed from a guessed value. Values are normalised first so that spellings of the
 * same value agree: trimmed; e-mail addresses and names lower-cased (names also with runs of spaces
 * collapsed); phone numbers reduced to their digits, with the Chinese country code dropped from
 * mobile numbers; ID-card numbers reduced to digits and an upper-case check character.
 *
 * <p>Thread-safe.
 */
public final class Pseudonymizer {

  /** The shortest secret accepted, in bytes. */
  public static final int MIN_SECRET_BYTES = 16;

  private static final String ALGORITHM = "HmacSHA256";
  private static final int TOKEN_BYTES = 6;

  private final SecretKeySpec key;
  private final ThreadLocal<Mac> macs;

  /**
   * A pseudonymizer keyed with {@code secret} (copied).
   *
   * @throws IllegalArgumentException when the secret is shorter than {@value #MIN_SECRET_BYTES}
   *     bytes
   */
  public Pseudonymizer(byte[] secret) {
    Objects.requireNonNull(secret, "secret");
    Checks.requireArgument(
        secret.length >= MIN_SECRET_BYTES,
        "secret must have at least %d bytes, found %d",
        MIN_SECRET_BYTES,
        secret.length);
    this.key = new SecretKeySpec(secret, ALGORITHM);
    this.macs = ThreadLocal.withInitial(this::newMac);
    macs.get(); // fail here, not on first use, if the platform lacks HmacSHA256
  }

  /**
   * A pseudonymizer keyed with the secret in {@code file}, which is created first when it does not
   * exist: 32 random bytes from {@link java.security.SecureRandom}, written as hex, readable by the
   * owner only where the file system has POSIX permissions. Creation is atomic, so processes that
   * race to create the file all end up with the same secret. The project keeps it at {@code
   * <project dir>/.marketlens/secret}; deleting it changes every token.
   *
   * @throws io.marketlens.core.validate.InvalidInputException when the file holds no valid secret
   * @throws java.io.UncheckedIOException when it can be neither read nor created
   */
  public static Pseudonymizer fromSecretFile(Path file) {
    Objects.requireNonNull(file, "file");
    return new Pseudonymizer(SecretFile.readOrCreate(file));
  }

  /**
   * The token for {@code value} as personal data of {@code kind}, e.g. {@code phone_0c1d2e3f4a5b}.
   */
  public String token(PiiKind kind, String value) {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(value, "value");
    byte[] input = (kind.id() + ':' + normalise(kind, value)).getBytes(StandardCharsets.UTF_8);
    byte[] hash = macs.get().doFinal(input);
    return kind.id() + '_' + HexFormat.of().formatHex(hash, 0, TOKEN_BYTES);
  }

  /**
   * The form of {@code value} that is hashed; falls back to the trimmed value when none is left.
   */
  static String normalise(PiiKind kind, String value) {
    String trimmed = value.strip();
    String n;
    switch (kind) {
      case EMAIL:
        n = trimmed.toLowerCase(Locale.ROOT);
        break;
      case PHONE:
        n = PhoneNumbers.canonicalDigits(trimmed);
        break;
      case CN_ID_CARD:
        n = trimmed.replaceAll("[^0-9Xx]", "").toUpperCase(Locale.ROOT);
        break;
      case PERSON_NAME:
        n = trimmed.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        break;
      default:
        throw new AssertionError(kind);
    }
    return n.isEmpty() ? trimmed : n;
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(ALGORITHM + " is not available on this Java platform", e);
    }
  }

  /** Names the algorithm only; the secret never appears. */
  @Override
  public String toString() {
    return "Pseudonymizer[" + ALGORITHM + "]";
  }
}
