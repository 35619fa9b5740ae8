package io.marketlens.ml.lab.tabular;

import io.marketlens.core.io.ReadOptions;
import io.marketlens.core.io.TableReader;
import io.marketlens.core.progress.Progress;
import io.marketlens.core.table.Column;
import io.marketlens.core.table.Table;
import io.marketlens.ml.tabular.StratifiedSplit;
import io.marketlens.ml.tabular.TabularData;
import io.marketlens.ml.tabular.TabularEncoder;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The committed 600-row Telco slice (see the README beside it), read and encoded for tests. */
final class TelcoSlice {

  final Table table;
  final int[] labels;
  final StratifiedSplit split;
  final TabularEncoder encoder;

  private TelcoSlice(Table table, int[] labels, StratifiedSplit split, TabularEncoder encoder) {
    this.table = table;
    this.labels = labels;
    this.split = split;
    this.encoder = encoder;
  }

  static Path resource(String name) {
    try {
      return Path.of(TelcoSlice.class.getResource("/lab/tabular/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Path csv() {
    return resource("telco_600.csv");
  }

  /** The slice split 60/20/20 by seed 1, encoded on the training rows. */
  static TelcoSlice load() {
    Table t = TableReader.read("customers", csv(), ReadOptions.defaults(), Progress.NONE).table();
    Column churn = t.column("Churn");
    int[] y = new int[t.rowCount()];
    int[] all = new int[t.rowCount()];
    for (int r = 0; r < y.length; r++) {
      y[r] = churn.getDouble(r) != 0 ? 1 : 0;
      all[r] = r;
    }
    StratifiedSplit split = TabularSplit.stratified(y, all, 2, 0.6, 0.2, 1);
    List<String> features = new ArrayList<>(t.columnNames());
    features.remove("customerID");
    features.remove("Churn");
    TabularEncoder enc =
        TabularEncoder.fit(t, features, split.train(), TabularEncoder.Options.defaults());
    return new TelcoSlice(t, y, split, enc);
  }

  TabularData data(int[] rows) {
    int[] y = new int[rows.length];
    for (int i = 0; i < rows.length; i++) y[i] = labels[rows[i]];
    return encoder.encode(table, rows, y);
  }

  float[][] x(int[] rows) {
    return TabularTraining.floats(encoder.encode(table, rows));
  }

  float[] y(int[] rows) {
    float[] out = new float[rows.length];
    for (int i = 0; i < rows.length; i++) out[i] = labels[rows[i]];
    return out;
  }

  int[] labels(int[] rows) {
    int[] out = new int[rows.length];
    for (int i = 0; i < rows.length; i++) out[i] = labels[rows[i]];
    return out;
  }
}
