/**
 * Detection and pseudonymisation of personal data (e-mail addresses, phone numbers, person names,
 * Chinese ID-card numbers) in input tables, by a keyed hash, before anything reaches an output.
 * {@link io.marketlens.core.privacy.PiiRedactor} is the entry point.
 */
package io.marketlens.core.privacy;
