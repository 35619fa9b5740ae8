package io.marketlens.customers.persona;

import io.marketlens.core.validate.Checks;

/**
 * A segment in words.
 *
 * @param label a short name, e.g. "Loyal high spenders"
 * @param sentence who they are, with the numbers that set them apart
 */
public record Persona(String label, String sentence) {

  public Persona {
    Checks.requireArgument(label != null && !label.isBlank(), "persona label must not be blank");
    Checks.requireArgument(
        sentence != null && !sentence.isBlank(), "persona sentence must not be blank");
  }
}
