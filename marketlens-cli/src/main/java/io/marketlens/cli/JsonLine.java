package io.marketlens.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Prints the one JSON object a lab command ends its standard output with (DESIGN §4.1). */
final class JsonLine {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonLine() {}

  /** Writes {@code value} as one line of compact JSON on standard output. */
  static void print(Object value) {
    try {
      PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
      out.println(MAPPER.writeValueAsString(value));
      out.flush();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
    }
  }
}
