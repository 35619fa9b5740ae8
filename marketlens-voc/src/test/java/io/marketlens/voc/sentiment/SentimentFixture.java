package io.marketlens.voc.sentiment;

import io.marketlens.core.io.ReadOptions;
import io.marketlens.core.io.TableReader;
import io.marketlens.core.progress.Progress;
import io.marketlens.core.table.Column;
import io.marketlens.core.table.Table;
import io.marketlens.ml.embed.Embedder;
import io.marketlens.ml.embed.EmbedderOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Makes the saved-model fixture of {@code SentimentModelTest}: the {@code tfidf-embedding-lr}
 * candidate trained (seed 42, default split) on the first {@value #ROWS} reviews of the demo's
 * {@code reviews.csv}, saved to {@code DIR/model-v1}, and the probability positive it gives each of
 * the demo's next {@value #SCORED} reviews, in {@code DIR/model-v1-scores.tsv} (hexadecimal bits of
 * the double, a tab, the review). Run from the module directory with the test class path: {@code
 * SentimentFixture src/test/resources/io/marketlens/voc/sentiment}.
 */
public final class SentimentFixture {

  static final int ROWS = 240;
  static final int SCORED = 20;

  private SentimentFixture() {}

  /** The demo reviews (text, label), in file order. */
  static List<String[]> demoReviews() {
    Table t =
        TableReader.read(
                "reviews",
                Path.of("../examples/demo/data/reviews.csv"),
                ReadOptions.defaults(),
                Progress.NONE)
            .table();
    Column review = t.column("review");
    Column sentiment = t.column("sentiment");
    List<String[]> out = new ArrayList<>();
    for (int i = 0; i < t.rowCount(); i++) {
      out.add(new String[] {review.getString(i), sentiment.getString(i)});
    }
    return out;
  }

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    List<String[]> reviews = demoReviews();
    List<String> texts = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (String[] r : reviews.subList(0, ROWS)) {
      texts.add(r[0]);
      labels.add(r[1]);
    }
    SentimentOptions options =
        SentimentOptions.defaults().withCandidates(List.of(SentimentCandidate.TFIDF_EMBEDDING_LR));
    try (Embedder embedder = Embedder.open(EmbedderOptions.defaults());
        SentimentModel model =
            SentimentAnalysis.run(texts, labels, null, options, embedder, Progress.NONE).model()) {
      model
          .snapshot()
          .withTrainingData("examples/demo/data/reviews.csv, first 240 rows")
          .write(dir.resolve("model-v1"));
      List<String> scored = new ArrayList<>();
      for (String[] r : reviews.subList(ROWS, ROWS + SCORED)) scored.add(r[0]);
      double[] p = model.score(scored, embedder);
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < p.length; i++) {
        out.append(Long.toHexString(Double.doubleToRawLongBits(p[i])).toLowerCase(Locale.ROOT))
            .append('\t')
            .append(scored.get(i).replace('\t', ' ').replace('\n', ' '))
            .append('\n');
      }
      Files.writeString(dir.resolve("model-v1-scores.tsv"), out, StandardCharsets.UTF_8);
    }
  }
}
