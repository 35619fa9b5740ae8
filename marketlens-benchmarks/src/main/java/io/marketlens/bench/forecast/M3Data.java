package io.marketlens.bench.forecast;

import io.marketlens.core.validate.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The M3 competition data as converted in the shared datasets folder (its README, §5): the series
 * of a subset with their training and hold-out values, and the forecasts submitted by a method.
 *
 * <p>Stateless and thread-safe.
 */
final class M3Data {

  /** One M3 series. */
  record Series(String id, String period, int frequency, double[] train, double[] test) {
    int horizon() {
      return test.length;
    }
  }

  static final String SERIES = "m3_series.csv";
  static final String VALUES = "m3_values.csv";
  static final String ORIGINAL = "m3_original_forecasts.csv";

  private M3Data() {}

  /**
   * The M3 folder: {@code data} itself when it holds {@value #SERIES}, else {@code data/m3}.
   *
   * @throws InvalidInputException when neither holds it
   */
  static Path folder(Path data) {
    if (Files.isRegularFile(data.resolve(SERIES))) return data;
    if (Files.isRegularFile(data.resolve("m3").resolve(SERIES))) return data.resolve("m3");
    throw InvalidInputException.in(data)
        .expected("the M3 folder (with " + SERIES + ") or the datasets folder holding m3/")
        .found("neither")
        .hint("--data ../shared/datasets/m3")
        .build();
  }

  /** The series of {@code subset} ({@code all} or a period, case-insensitive), in file order. */
  static List<Series> read(Path folder, String subset) throws IOException {
    Map<String, String[]> meta = new LinkedHashMap<>();
    try (BufferedReader r =
        Files.newBufferedReader(folder.resolve(SERIES), StandardCharsets.UTF_8)) {
      r.readLine();
      for (String l = r.readLine(); l != null; l = r.readLine()) {
        String[] f = l.split(",", 10);
        if (subset.equals("all") || f[2].equalsIgnoreCase(subset)) meta.put(f[0], f);
      }
    }
    Map<String, double[]> train = new HashMap<>();
    Map<String, double[]> test = new HashMap<>();
    for (String[] f : meta.values()) {
      train.put(f[0], new double[Integer.parseInt(f[5])]);
      test.put(f[0], new double[Integer.parseInt(f[6])]);
    }
    try (BufferedReader r =
        Files.newBufferedReader(folder.resolve(VALUES), StandardCharsets.UTF_8)) {
      r.readLine();
      for (String l = r.readLine(); l != null; l = r.readLine()) {
        String[] f = l.split(",");
        double[] into = (f[1].equals("train") ? train : test).get(f[0]);
        if (into != null) into[Integer.parseInt(f[2]) - 1] = Double.parseDouble(f[3]);
      }
    }
    List<Series> out = new ArrayList<>();
    for (String[] f : meta.values()) {
      out.add(
          new Series(
              f[0],
              f[2].toLowerCase(Locale.ROOT),
              Integer.parseInt(f[4]),
              train.get(f[0]),
              test.get(f[0])));
    }
    return out;
  }

  /** The forecasts {@code method} submitted to M3, by series id, cut to each series' horizon. */
  static Map<String, double[]> original(Path folder, String method, List<Series> series)
      throws IOException {
    Map<String, Integer> horizon = new HashMap<>();
    for (Series s : series) horizon.put(s.id(), s.horizon());
    Map<String, double[]> out = new HashMap<>();
    try (BufferedReader r =
        Files.newBufferedReader(folder.resolve(ORIGINAL), StandardCharsets.UTF_8)) {
      r.readLine();
      for (String l = r.readLine(); l != null; l = r.readLine()) {
        String[] f = l.split(",", -1);
        Integer h = horizon.get(f[0]);
        if (h == null || !f[1].equals(method)) continue;
        double[] v = new double[h];
        for (int i = 0; i < h; i++) v[i] = Double.parseDouble(f[2 + i]);
        out.put(f[0], v);
      }
    }
    return out;
  }
}
