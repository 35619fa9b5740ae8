package io.marketlens.voc.sentiment;

/** Where the training labels came from. */
public enum LabelSource {
  /** Sentiment labels given with the texts. */
  LABELS,
  /** Weak labels from ratings: 4 and above positive, 2 and below negative, 3 ignored. */
  RATINGS,
  /** Neither labels nor ratings: nothing was trained. */
  NONE
}
