package io.marketlens.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NumberParserTest {

  private final NumberParser parser = new NumberParser();

  private boolean parseLong(String s) {
    return parser.parseLong(s.toCharArray(), 0, s.length());
  }

  private boolean parseDouble(String s) {
    return parser.parseDouble(s.toCharArray(), 0, s.length());
  }

  @Test
  void parseLong_limits_areExact() {
    assertThat(parseLong("9223372036854775807")).isTrue();
    assertThat(parser.longValue()).isEqualTo(Long.MAX_VALUE);
    assertThat(parseLong("-9223372036854775808")).isTrue();
    assertThat(parser.longValue()).isEqualTo(Long.MIN_VALUE);
    assertThat(parseLong("9223372036854775808")).isFalse();
    assertThat(parseLong("-9223372036854775809")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-", "+", "1.5", "1e3", "12a", "007", "--1", " 1"})
  void parseLong_nonIntegers_areRejected(String s) {
    assertThat(parseLong(s)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ".", "-", "e5", "1e", "1e+", "1.2.3", "00.5", "1,5", "0x10", "inf"})
  void parseDouble_nonNumbers_areRejected(String s) {
    assertThat(parseDouble(s)).isFalse();
  }

  @Test
  void parseDouble_randomDecimals_matchDoubleParseDouble() {
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < 200_000; i++) {
      String s;
      switch (i % 4) {
        case 0:
          s = String.format(Locale.ROOT, "%.2f", random.nextDouble() * 10_000);
          break;
        case 1:
          s = Double.toString(random.nextDouble() * Math.pow(10, random.nextInt(40) - 20));
          break;
        case 2:
          s = random.nextLong(1_000_000_000_000_000L) + "." + random.nextInt(1000);
          break;
        default:
          s =
              "-0."
                  + String.format(Locale.ROOT, "%06d", random.nextInt(1_000_000))
                  + "e"
                  + (random.nextInt(60) - 30);
      }
      assertThat(parseDouble(s)).as(s).isTrue();
      assertThat(parser.doubleValue()).as(s).isEqualTo(Double.parseDouble(s));
    }
  }

  @Test
  void parseDouble_hugeExponent_isRejectedAsNotFinite() {
    assertThat(parseDouble("1e400")).isFalse();
  }

  @Test
  void isNonFinite_recognisesInfinityAndNan() {
    for (String s : new String[] {"inf", "-Infinity", "+INF", "NaN"}) {
      assertThat(NumberParser.isNonFinite(s.toCharArray(), 0, s.length())).as(s).isTrue();
    }
    assertThat(NumberParser.isNonFinite("info".toCharArray(), 0, 4)).isFalse();
  }
}
