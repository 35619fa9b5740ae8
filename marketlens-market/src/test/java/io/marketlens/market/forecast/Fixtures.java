package io.marketlens.market.forecast;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The real series the forecasting tests use, from {@code src/test/resources/forecast}:
 * AirPassengers (Box and Jenkins series G, R's {@code datasets::AirPassengers}, 1949-01 to 1960-12)
 * and three M3 series (N0100 yearly, N0700 quarterly, N1500 monthly) copied from the shared {@code
 * m3_values.csv}.
 */
final class Fixtures {

  private Fixtures() {}

  /** The 144 monthly AirPassengers values. */
  static double[] airPassengers() {
    return lines("AirPassengers.csv").stream()
        .skip(1)
        .mapToDouble(l -> Double.parseDouble(l.split(",")[1]))
        .toArray();
  }

  /** The months of AirPassengers, {@code 1949-01} to {@code 1960-12}. */
  static List<String> airPassengerMonths() {
    return lines("AirPassengers.csv").stream()
        .skip(1)
        .map(l -> l.split(",")[0])
        .collect(Collectors.toList());
  }

  /** The training ({@code "train"}) or hold-out ({@code "test"}) values of an M3 sample series. */
  static double[] m3(String id, String split) {
    List<Double> v = new ArrayList<>();
    for (String l : lines("m3_sample_values.csv")) {
      String[] f = l.split(",");
      if (f[0].equals(id) && f[1].equals(split)) v.add(Double.parseDouble(f[3]));
    }
    return v.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static List<String> lines(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/forecast/" + name)) {
      if (in == null) throw new IllegalStateException("missing test resource forecast/" + name);
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      return r.lines().collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
