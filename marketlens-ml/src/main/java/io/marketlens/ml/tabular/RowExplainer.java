package io.marketlens.ml.tabular;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Per-row reasons for any {@link BinaryModel}, by occlusion against background rows: the
 * contribution of a group (an original column) to a row's prediction is
 *
 * <pre>
 * logit p(x) - mean over background rows b of logit p(x with the group's features taken from b)
 * </pre>
 *
 * that is, how many log-odds the row's own value adds compared with typical values. For a logistic
 * regression this equals {@code sum over the group's features of coefficient * (x - background
 * mean)} (exactly, unless a probability is clipped at 1e-7 from 0 or 1); for trees it is the
 * interventional single-feature effect (not a full Shapley value: interactions are credited to each
 * column involved). Positive values raise the prediction.
 *
 * <p>Immutable and thread-safe if the model is.
 */
public final class RowExplainer {

  /** The largest matrix predicted at once, in rows. */
  private static final int BATCH_ROWS = 65_536;

  private final BinaryModel model;
  private final double[][] background;
  private final List<String> groups;
  private final int[][] members;

  private RowExplainer(
      BinaryModel model, double[][] background, List<String> groups, int[][] members) {
    this.model = model;
    this.background = background;
    this.groups = groups;
    this.members = members;
  }

  /**
   * An explainer that compares rows with up to {@code backgroundRows} rows of {@code reference}
   * (e.g. the training rows), drawn without replacement by {@code seed}.
   */
  public static RowExplainer of(
      BinaryModel model, TabularData reference, int backgroundRows, long seed) {
    if (backgroundRows < 1) throw new IllegalArgumentException("backgroundRows must be >= 1");
    int[] order = new int[reference.rows()];
    for (int i = 0; i < order.length; i++) order[i] = i;
    StratifiedSplit.shuffle(order, new Random(seed));
    int k = Math.min(backgroundRows, order.length);
    double[][] bg = new double[k][];
    for (int i = 0; i < k; i++) bg[i] = reference.features()[order[i]];
    return new RowExplainer(model, bg, reference.groupNames(), reference.groupIndices());
  }

  /**
   * An explainer of {@code model} against the given background rows (as {@link #background()}
   * returned them), with one feature group name per feature ({@link TabularEncoder#groups()}): how
   * a saved explainer is rebuilt.
   */
  public static RowExplainer of(
      BinaryModel model, double[][] background, List<String> featureGroups) {
    if (background.length == 0) throw new IllegalArgumentException("no background rows");
    double[][] bg = new double[background.length][];
    for (int i = 0; i < bg.length; i++) {
      if (background[i].length != featureGroups.size()) {
        throw new IllegalArgumentException(
            "background row "
                + i
                + " has "
                + background[i].length
                + " values, expected "
                + featureGroups.size());
      }
      bg[i] = background[i].clone();
    }
    List<String> names = new ArrayList<>();
    for (String g : featureGroups) if (!names.contains(g)) names.add(g);
    int[][] members = new int[names.size()][];
    for (int g = 0; g < members.length; g++) {
      String name = names.get(g);
      members[g] =
          IntStream.range(0, featureGroups.size())
              .filter(j -> featureGroups.get(j).equals(name))
              .toArray();
    }
    return new RowExplainer(model, bg, List.copyOf(names), members);
  }

  /** A copy of the background rows, encoded, in the order they are compared with. */
  public double[][] background() {
    double[][] out = new double[background.length][];
    for (int i = 0; i < out.length; i++) out[i] = background[i].clone();
    return out;
  }

  /**
   * The same explainer against only the first {@code backgroundRows} of its background rows: less
   * precise per row, and as many times faster, for averages over many rows.
   */
  public RowExplainer withBackgroundRows(int backgroundRows) {
    if (backgroundRows < 1) throw new IllegalArgumentException("backgroundRows must be >= 1");
    if (backgroundRows >= background.length) return this;
    return new RowExplainer(model, Arrays.copyOf(background, backgroundRows), groups, members);
  }

  /** The groups, in the column order of {@link #contributions}. */
  public List<String> groups() {
    return groups;
  }

  /** A one-line statement of the method, for reports. */
  public String method() {
    return "occlusion: change in log-odds against "
        + background.length
        + " background rows, per original column";
  }

  /**
   * The contribution of each group to each row, in log-odds: {@code [row][group]}.
   *
   * @param rows encoded rows, laid out like the reference data
   */
  public double[][] contributions(double[][] rows) {
    int g = groups.size();
    int k = background.length;
    double[][] out = new double[rows.length][g];
    int perRow = g * k + 1;
    int chunk = Math.max(1, BATCH_ROWS / perRow);
    for (int start = 0; start < rows.length; start += chunk) {
      int end = Math.min(rows.length, start + chunk);
      double[][] batch = new double[(end - start) * perRow][];
      int at = 0;
      for (int i = start; i < end; i++) {
        batch[at++] = rows[i];
        for (int grp = 0; grp < g; grp++) {
          for (double[] b : background) {
            double[] x = rows[i].clone();
            for (int j : members[grp]) x[j] = b[j];
            batch[at++] = x;
          }
        }
      }
      double[] p = model.predictProbability(batch);
      at = 0;
      for (int i = start; i < end; i++) {
        double own = PlattScaling.logit(p[at++]);
        for (int grp = 0; grp < g; grp++) {
          double sum = 0;
          for (int b = 0; b < k; b++) sum += PlattScaling.logit(p[at++]);
          out[i][grp] = own - sum / k;
        }
      }
    }
    return out;
  }
}
