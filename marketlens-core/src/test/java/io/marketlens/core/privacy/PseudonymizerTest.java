package io.marketlens.core.privacy;

import static io.marketlens.core.privacy.TestTables.OTHER_SECRET;
import static io.marketlens.core.privacy.TestTables.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class PseudonymizerTest {

  private final Pseudonymizer p = new Pseudonymizer(SECRET);

  @Test
  void token_anyValue_isKindPrefixAndTwelveHexDigits() {
    assertThat(p.token(PiiKind.EMAIL, "bob@example.com")).matches("email_[0-9a-f]{12}");
    assertThat(p.token(PiiKind.PHONE, "13812345678")).matches("phone_[0-9a-f]{12}");
    assertThat(p.token(PiiKind.PERSON_NAME, "Mary Smith")).matches("name_[0-9a-f]{12}");
    assertThat(p.token(PiiKind.CN_ID_CARD, "11010519491231002X")).matches("cn_id_[0-9a-f]{12}");
  }

  @Test
  void token_sameSecret_isDeterministicAcrossInstances() {
    Pseudonymizer again = new Pseudonymizer(SECRET.clone());
    assertThat(again.token(PiiKind.EMAIL, "bob@example.com"))
        .isEqualTo(p.token(PiiKind.EMAIL, "bob@example.com"));
  }

  @Test
  void token_otherSecret_differs() {
    Pseudonymizer other = new Pseudonymizer(OTHER_SECRET);
    assertThat(other.token(PiiKind.EMAIL, "bob@example.com"))
        .isNotEqualTo(p.token(PiiKind.EMAIL, "bob@example.com"));
  }

  @Test
  void token_knownVector_matchesHmacSha256OfKindAndNormalisedValue() throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
    byte[] h = mac.doFinal("email:bob@example.com".getBytes(StandardCharsets.UTF_8));
    String expected = "email_" + HexFormat.of().formatHex(h).substring(0, 12);

    assertThat(p.token(PiiKind.EMAIL, "  Bob@Example.COM ")).isEqualTo(expected);
  }

  @Test
  void token_emailCaseAndSpaces_areNormalisedAway() {
    assertThat(p.token(PiiKind.EMAIL, " Bob@Example.com "))
        .isEqualTo(p.token(PiiKind.EMAIL, "bob@example.com"));
  }

  @Test
  void token_phoneSeparatorsAndChineseCountryCode_areNormalisedAway() {
    String plain = p.token(PiiKind.PHONE, "13812345678");
    assertThat(p.token(PiiKind.PHONE, "+86 138-1234-5678")).isEqualTo(plain);
    assertThat(p.token(PiiKind.PHONE, "0086 138 1234 5678")).isEqualTo(plain);
    assertThat(p.token(PiiKind.PHONE, "(555) 123-4567"))
        .isEqualTo(p.token(PiiKind.PHONE, "555.123.4567"));
  }

  @Test
  void token_idCardLowerCaseCheckCharacter_isNormalisedAway() {
    assertThat(p.token(PiiKind.CN_ID_CARD, "11010519491231002x"))
        .isEqualTo(p.token(PiiKind.CN_ID_CARD, "11010519491231002X"));
  }

  @Test
  void token_nameCaseAndInnerSpaces_areNormalisedAway() {
    assertThat(p.token(PiiKind.PERSON_NAME, "Mary   SMITH"))
        .isEqualTo(p.token(PiiKind.PERSON_NAME, "mary smith"));
  }

  @Test
  void token_sameTextUnderTwoKinds_differsBeyondThePrefix() {
    String asName = p.token(PiiKind.PERSON_NAME, "12345678901");
    String asPhone = p.token(PiiKind.PHONE, "12345678901");
    assertThat(asName.substring("name_".length()))
        .isNotEqualTo(asPhone.substring("phone_".length()));
  }

  @Test
  void token_distinctValues_getDistinctTokens() {
    Set<String> tokens = new HashSet<>();
    for (int i = 0; i < 10_000; i++) tokens.add(p.token(PiiKind.EMAIL, "user" + i + "@x.com"));
    assertThat(tokens).hasSize(10_000);
  }

  @Test
  void token_manyThreads_agreeWithOneThread() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> futures = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        String v = "user" + (i % 10) + "@x.com";
        futures.add(pool.submit(() -> p.token(PiiKind.EMAIL, v)));
      }
      for (int i = 0; i < 200; i++) {
        assertThat(futures.get(i).get())
            .isEqualTo(p.token(PiiKind.EMAIL, "user" + (i % 10) + "@x.com"));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void constructor_secretShorterThan16Bytes_isRejected() {
    assertThatThrownBy(() -> new Pseudonymizer(new byte[15]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 16 bytes, found 15");
  }

  @Test
  void constructor_callerChangesSecretAfterwards_tokensDoNotChange() {
    byte[] secret = SECRET.clone();
    Pseudonymizer q = new Pseudonymizer(secret);
    String before = q.token(PiiKind.EMAIL, "bob@example.com");
    secret[0] ^= 1;
    assertThat(q.token(PiiKind.EMAIL, "bob@example.com")).isEqualTo(before);
  }

  @Test
  void toString_never_showsTheSecret() {
    assertThat(p.toString()).isEqualTo("Pseudonymizer[HmacSHA256]");
  }
}
