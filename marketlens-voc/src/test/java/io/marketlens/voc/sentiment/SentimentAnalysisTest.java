package io.marketlens.voc.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketlens.core.io.ReadOptions;
import io.marketlens.core.io.TableReader;
import io.marketlens.core.progress.Progress;
import io.marketlens.core.table.Column;
import io.marketlens.core.table.Table;
import io.marketlens.core.validate.InvalidInputException;
import io.marketlens.ml.embed.Embedder;
import io.marketlens.ml.embed.EmbedderOptions;
import io.marketlens.ml.embed.Language;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SentimentAnalysisTest {

  static Embedder embedder;
  static final List<String> texts = new ArrayList<>();
  static final List<String> labels = new ArrayList<>();

  /** One run with the default options, shared by the tests that only read it. */
  static SentimentResult result;

  @BeforeAll
  static void setUp() {
    embedder = Embedder.open(EmbedderOptions.defaults().withThreads(2));
    Table t =
        TableReader.read(
                "reviews",
                Path.of("../examples/demo/data/reviews.csv"),
                ReadOptions.defaults(),
                Progress.NONE)
            .table();
    Column review = t.column("review");
    Column sentiment = t.column("sentiment");
    for (int i = 0; i < t.rowCount(); i++) {
      texts.add(review.isMissing(i) ? null : review.getString(i));
      labels.add(sentiment.isMissing(i) ? null : sentiment.getString(i));
    }
    result =
        SentimentAnalysis.run(
            texts, labels, null, SentimentOptions.defaults(), embedder, Progress.NONE);
  }

  @AfterAll
  static void tearDown() {
    result.model().close();
    embedder.close();
  }

  @Test
  void trainsOneModelPerLanguageWellAboveChance() {
    SentimentResult r = result;
    assertThat(r.trained()).isTrue();
    assertThat(r.labelSource()).isEqualTo(LabelSource.LABELS);
    assertThat(r.byLanguage())
        .extracting(LanguageSentiment::language)
        .containsExactly(Language.EN, Language.ZH);
    for (LanguageSentiment l : r.byLanguage()) {
      assertThat(l.trained()).isTrue();
      assertThat(l.test().rows()).isBetween(50, 70);
      assertThat(l.test().accuracy()).as(l.language() + " accuracy").isGreaterThan(0.75);
      assertThat(l.test().auc()).as(l.language() + " auc").isGreaterThan(0.85);
    }
    assertThat(r.overall().rows())
        .isEqualTo(r.byLanguage().stream().mapToInt(l -> l.test().rows()).sum());
    assertThat(r.overall().accuracy()).isGreaterThan(0.75);
    for (int i = 0; i < texts.size(); i++) {
      assertThat(r.score(i)).isPresent();
      assertThat(r.languages().get(i)).isNotNull();
    }
  }

  @Test
  void everyCandidateIsReported_andTheBestOnValidationIsChosen() {
    for (LanguageSentiment l : result.byLanguage()) {
      assertThat(l.candidates())
          .extracting(SentimentCandidates.Report::candidate)
          .containsExactly(SentimentCandidate.values());
      SentimentCandidates.Report transformer = l.candidates().get(l.candidates().size() - 1);
      assertThat(transformer.status()).isEqualTo("skipped");
      assertThat(transformer.note()).contains("180 training rows").contains("from 2000");
      List<SentimentCandidates.Report> trained =
          l.candidates().stream().filter(c -> c.status().equals("trained")).toList();
      assertThat(trained).hasSize(SentimentCandidate.values().length - 1);
      assertThat(trained).allSatisfy(c -> assertThat(c.validation().rows()).isEqualTo(60));
      SentimentCandidates.Report chosen =
          l.candidates().stream().filter(SentimentCandidates.Report::chosen).findFirst().get();
      assertThat(chosen.candidate()).isEqualTo(l.chosen());
      assertThat(chosen.description()).isEqualTo(l.model());
      double best =
          trained.stream().mapToDouble(c -> c.validation().accuracy()).max().getAsDouble();
      assertThat(chosen.validation().accuracy()).isEqualTo(best);
      assertThat(l.candidates().stream().filter(SentimentCandidates.Report::chosen)).hasSize(1);
    }
  }

  @Test
  void head_scoresAnyTextOfItsLanguage_likeTheReviewScores() {
    SentimentResult r = result;
    for (int i = 0; i < 20; i++) {
      Language language = r.languages().get(i);
      SentimentHead head = r.head(language).orElseThrow();
      assertThat(head.language()).isEqualTo(language);
      assertThat(head.encoder()).isEqualTo(Embedder.modelId(language));
      assertThat(head.probabilityPositive(texts.get(i), embedder.embed(texts.get(i))))
          .isEqualTo(r.score(i).getAsDouble());
    }
    SentimentHead en = r.head(Language.EN).orElseThrow();
    float[] chinese = embedder.embed("房间很干净");
    assertThatThrownBy(() -> en.probabilityPositive("房间很干净", chinese))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("512-d");
    SentimentResult none =
        SentimentAnalysis.run(texts, null, null, SentimentOptions.defaults(), embedder, null);
    assertThat(none.head(Language.EN)).isEmpty();
    assertThat(none.model()).isNull();
  }

  @Test
  void sameSeed_sameChoices_sameMetrics_sameScores() {
    SentimentResult b =
        SentimentAnalysis.run(
            texts, labels, null, SentimentOptions.defaults(), embedder, Progress.NONE);
    try {
      for (int k = 0; k < b.byLanguage().size(); k++) {
        LanguageSentiment x = result.byLanguage().get(k);
        LanguageSentiment y = b.byLanguage().get(k);
        assertThat(y.chosen()).isEqualTo(x.chosen());
        assertThat(y.model()).isEqualTo(x.model());
        assertThat(y.test()).isEqualTo(x.test());
        // Everything but the training time.
        assertThat(y.candidates())
            .usingRecursiveFieldByFieldElementComparatorIgnoringFields("seconds")
            .isEqualTo(x.candidates());
      }
      assertThat(b.overall()).isEqualTo(result.overall());
      assertThat(b.scores()).isEqualTo(result.scores());
    } finally {
      b.model().close();
    }
  }

  @Test
  void ratingsAreWeakLabelsWhenThereAreNoLabels() {
    List<Double> ratings = new ArrayList<>();
    List<String> withBlanks = new ArrayList<>(texts);
    for (int i = 0; i < texts.size(); i++) {
      boolean positive = labels.get(i).equals("positive");
      // Every tenth review is a neutral 3 and carries no label.
      ratings.add(
          i % 10 == 0 ? 3.0 : positive ? (i % 2 == 0 ? 5.0 : 4.0) : (i % 2 == 0 ? 1.0 : 2.0));
    }
    withBlanks.set(1, "   ");
    SentimentOptions lrOnly =
        SentimentOptions.defaults().withCandidates(List.of(SentimentCandidate.EMBEDDING_LR));
    SentimentResult r =
        SentimentAnalysis.run(withBlanks, null, ratings, lrOnly, embedder, Progress.NONE);
    assertThat(r.labelSource()).isEqualTo(LabelSource.RATINGS);
    assertThat(r.blankTexts()).isEqualTo(1);
    assertThat(r.labelledRows()).isEqualTo(texts.size() - 60 - 1);
    assertThat(r.score(1)).isEmpty();
    assertThat(r.languages().get(1)).isNull();
    assertThat(r.trained()).isTrue();
    assertThat(r.overall().accuracy()).isGreaterThan(0.75);
    assertThat(r.byLanguage())
        .allSatisfy(
            l -> {
              assertThat(l.chosen()).isEqualTo(SentimentCandidate.EMBEDDING_LR);
              assertThat(l.candidates()).hasSize(1);
            });
  }

  @Test
  void noLabelsIsAResultNotAnError() {
    SentimentResult r =
        SentimentAnalysis.run(
            texts, null, null, SentimentOptions.defaults(), embedder, Progress.NONE);
    assertThat(r.trained()).isFalse();
    assertThat(r.labelSource()).isEqualTo(LabelSource.NONE);
    assertThat(r.reason()).contains("no sentiment labels");
    assertThat(r.overall()).isNull();
    assertThat(Arrays.stream(r.scores()).allMatch(Double::isNaN)).isTrue();
  }

  @Test
  void aLanguageWithTooFewLabelsGetsNoModel() {
    List<String> few = new ArrayList<>(labels);
    for (int i = 0; i < texts.size(); i++) {
      if (Language.detect(texts.get(i)) == Language.ZH && i % 20 != 0) few.set(i, null);
    }
    SentimentOptions lrOnly =
        SentimentOptions.defaults().withCandidates(List.of(SentimentCandidate.EMBEDDING_LR));
    SentimentResult r = SentimentAnalysis.run(texts, few, null, lrOnly, embedder, null);
    assertThat(r.trained()).isTrue();
    assertThat(r.of(Language.EN).trained()).isTrue();
    LanguageSentiment zh = r.of(Language.ZH);
    assertThat(zh.trained()).isFalse();
    assertThat(zh.reason()).contains("a model needs 40");
    assertThat(zh.candidates()).isEmpty();
    assertThat(r.overall().rows()).isEqualTo(r.of(Language.EN).test().rows());
    assertThat(r.model().languages()).containsExactly(Language.EN);
  }

  @Test
  void labelSpellingsAreAccepted() {
    assertThat(SentimentAnalysis.parseLabel("Positive", 0)).isEqualTo(1);
    assertThat(SentimentAnalysis.parseLabel(" NEG ", 0)).isEqualTo(0);
    assertThat(SentimentAnalysis.parseLabel("1", 0)).isEqualTo(1);
    assertThat(SentimentAnalysis.parseLabel("false", 0)).isEqualTo(0);
    assertThat(SentimentAnalysis.parseLabel("yes", 0)).isEqualTo(1);
    assertThat(SentimentAnalysis.parseLabel("", 0)).isEqualTo(-1);
    assertThat(SentimentAnalysis.weakLabel(4.0)).isEqualTo(1);
    assertThat(SentimentAnalysis.weakLabel(2.0)).isEqualTo(0);
    assertThat(SentimentAnalysis.weakLabel(3.0)).isEqualTo(-1);
    assertThat(SentimentAnalysis.weakLabel(null)).isEqualTo(-1);
  }

  @Test
  void anUnknownLabelIsInvalidInput() {
    List<String> bad = new ArrayList<>(labels);
    bad.set(7, "meh");
    assertThatThrownBy(
            () ->
                SentimentAnalysis.run(
                    texts, bad, null, SentimentOptions.defaults(), embedder, Progress.NONE))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("\"meh\"")
        .hasMessageContaining("row 8");
  }

  @Test
  void anUnknownCandidateNameIsInvalidInput() {
    assertThat(SentimentCandidate.of("tfidf-lr")).isEqualTo(SentimentCandidate.TFIDF_LR);
    assertThatThrownBy(() -> SentimentCandidate.of("tfidf_lr"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("tfidf-lr");
  }
}
