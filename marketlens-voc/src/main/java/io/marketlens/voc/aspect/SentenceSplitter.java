package io.marketlens.voc.aspect;

import io.marketlens.ml.embed.Language;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a review into the sentences that aspect sentiment scores one by one.
 *
 * <ol>
 *   <li>Sentences end at {@code . ! ? ;}, at {@code 。！？；．…} and at line breaks; a run of them, with
 *       closing quotes and brackets, ends one sentence. A full stop ends a sentence only before a
 *       space, a line end, a Han character or more punctuation, so {@code 3.5} and {@code
 *       www.example.com} stay whole.
 *   <li>A Chinese sentence is also cut at commas ({@code ，,}), tildes and spaces between Han
 *       characters: Chinese reviewers run clauses together with commas ("黄金地段，性价比比较高，但是环境一般" is one
 *       sentence holding three aspects), so the comma is the clause boundary there.
 *   <li>A fragment that is too short to carry an aspect on its own (under 3 words, or under 4 Han
 *       characters plus words) is attached to the fragment before it, or to the one after it when
 *       it comes first: "Great." and "还可以" add to a neighbour instead of standing alone.
 * </ol>
 *
 * <p>Spans index into the original text, trimmed of surrounding spaces and of trailing commas.
 * Stateless and thread-safe.
 */
final class SentenceSplitter {

  static final int MIN_ENGLISH_WORDS = 3;
  static final int MIN_CHINESE_UNITS = 4;

  /** A sentence: the characters {@code [start, end)} of the review. */
  record Span(int start, int end) {
    String of(String text) {
      return text.substring(start, end);
    }
  }

  private SentenceSplitter() {}

  /** The sentences of {@code text}, in order; empty for a blank text. */
  static List<Span> split(String text) {
    List<Span> pieces = new ArrayList<>();
    for (Span sentence : sentences(text)) {
      if (Language.detect(sentence.of(text)) == Language.ZH) {
        pieces.addAll(clauses(text, sentence));
      } else {
        pieces.add(sentence);
      }
    }
    List<Span> trimmed = new ArrayList<>();
    for (Span s : pieces) {
      Span t = trim(text, s);
      if (t != null) trimmed.add(t);
    }
    return merge(text, trimmed);
  }

  /** Cuts at sentence ends, each piece keeping its closing punctuation. */
  private static List<Span> sentences(String text) {
    List<Span> out = new ArrayList<>();
    int start = 0;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        out.add(new Span(start, i));
        start = i + 1;
        i++;
      } else if (isTerminator(text, i)) {
        int end = i + 1;
        while (end < text.length() && (isTerminator(text, end) || isClosing(text.charAt(end)))) {
          end++;
        }
        out.add(new Span(start, end));
        start = end;
        i = end;
      } else {
        i++;
      }
    }
    if (start < text.length()) out.add(new Span(start, text.length()));
    return out;
  }

  /** Cuts a Chinese sentence at commas, tildes and spaces between Han characters. */
  private static List<Span> clauses(String text, Span sentence) {
    List<Span> out = new ArrayList<>();
    int start = sentence.start();
    int i = sentence.start();
    while (i < sentence.end()) {
      if (isClauseMark(text, i, sentence)) {
        int end = i + 1;
        while (end < sentence.end() && isClauseMark(text, end, sentence)) end++;
        out.add(new Span(start, end));
        start = end;
        i = end;
      } else {
        i++;
      }
    }
    if (start < sentence.end()) out.add(new Span(start, sentence.end()));
    return out;
  }

  private static boolean isTerminator(String text, int i) {
    char c = text.charAt(i);
    switch (c) {
      case '!', '?', ';', '。', '！', '？', '；', '．', '…':
        return true;
      case '.':
        if (i + 1 >= text.length()) return true;
        char next = text.charAt(i + 1);
        return Character.isWhitespace(next)
            || next == '.'
            || isClosing(next)
            || isHan(text.codePointAt(i + 1))
            || (next != '.' && isTerminator(text, i + 1));
      default:
        return false;
    }
  }

  private static boolean isClosing(char c) {
    return "\"'”’)）」』】》".indexOf(c) >= 0;
  }

  private static boolean isClauseMark(String text, int i, Span sentence) {
    char c = text.charAt(i);
    if (c == '，' || c == ',' || c == '~' || c == '～') return true;
    if (!Character.isWhitespace(c)) return false;
    int before = i - 1;
    while (before >= sentence.start() && Character.isWhitespace(text.charAt(before))) before--;
    int after = i + 1;
    while (after < sentence.end() && Character.isWhitespace(text.charAt(after))) after++;
    return before >= sentence.start()
        && after < sentence.end()
        && isHan(text.codePointBefore(before + 1))
        && isHan(text.codePointAt(after));
  }

  /**
   * The span without surrounding spaces, leading punctuation and trailing commas; null if empty.
   */
  private static Span trim(String text, Span s) {
    int start = s.start();
    int end = s.end();
    while (start < end && (Character.isWhitespace(text.charAt(start)) || isLead(text, start))) {
      start++;
    }
    while (end > start
        && (Character.isWhitespace(text.charAt(end - 1))
            || isTrailingComma(text.charAt(end - 1)))) {
      end--;
    }
    return start < end ? new Span(start, end) : null;
  }

  private static boolean isLead(String text, int i) {
    char c = text.charAt(i);
    return isTrailingComma(c) || c == '.' || c == '…' || c == ';' || c == '；';
  }

  private static boolean isTrailingComma(char c) {
    return c == '，' || c == ',' || c == '、' || c == '~' || c == '～';
  }

  /** Attaches short fragments to a neighbour. */
  private static List<Span> merge(String text, List<Span> pieces) {
    List<Span> out = new ArrayList<>();
    Span pending = null;
    for (Span p : pieces) {
      if (pending != null) {
        p = new Span(pending.start(), p.end());
        pending = null;
      }
      if (isShort(p.of(text))) {
        if (out.isEmpty()) {
          pending = p;
        } else {
          Span last = out.remove(out.size() - 1);
          out.add(new Span(last.start(), p.end()));
        }
      } else {
        out.add(p);
      }
    }
    if (pending != null) out.add(pending);
    return out;
  }

  /** Under 4 Han characters plus words (Chinese) or under 3 words (otherwise). */
  static boolean isShort(String piece) {
    int han = 0;
    int words = 0;
    boolean inWord = false;
    for (int i = 0; i < piece.length(); ) {
      int cp = piece.codePointAt(i);
      i += Character.charCount(cp);
      if (isHan(cp)) {
        han++;
        inWord = false;
      } else if (Character.isLetterOrDigit(cp) || (inWord && (cp == '\'' || cp == '-'))) {
        if (!inWord) words++;
        inWord = true;
      } else {
        inWord = false;
      }
    }
    if (Language.detect(piece) == Language.ZH) return han + words < MIN_CHINESE_UNITS;
    return han + words < MIN_ENGLISH_WORDS;
  }

  private static boolean isHan(int cp) {
    return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
  }
}
