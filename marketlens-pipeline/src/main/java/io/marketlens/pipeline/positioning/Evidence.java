package io.marketlens.pipeline.positioning;

/**
 * One number that supports a positioning option, and where it comes from.
 *
 * @param label what the number is, in words
 * @param value the number, exactly as in results.json
 * @param unit how to read it ("share", "%", "score", "currency", "count", ...)
 * @param source a JSON pointer into results.json ({@code /customers/segments/2/share})
 * @param origin the table, model or metric behind it, in words
 * @param link the report section that shows it ({@code #segment-2})
 */
public record Evidence(
    String label, double value, String unit, String source, String origin, String link) {}
