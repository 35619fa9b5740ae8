package io.marketlens.voc.theme;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.common.Term;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a review into keyword candidates. Chinese: HanLP words (bundled portable dictionaries),
 * without punctuation, numbers, stop-words and single characters other than a few meaningful ones.
 * English: lower-cased words of at least 2 letters without stop-words. Web addresses are dropped
 * first. Thread-safe. Public so that baselines (the TF-IDF + k-means theme baseline of {@code bench
 * voc}) see the same words.
 */
public final class Tokenizer {

  private static final Pattern ENGLISH_WORD = Pattern.compile("[a-z][a-z'-]*[a-z]");

  /** Web addresses: their parts (http, www, com, ...) are not what a review is about. */
  private static final Pattern URL =
      Pattern.compile("(?i)\\b(?:https?:/*|www\\.)[\\p{Alnum}\\-._~:/?#\\[\\]@!$&'()*+,;=%]*");

  private static final Set<String> EN_STOP = load("english-stopwords.txt");
  private static final Set<String> ZH_STOP = load("chinese-stopwords.txt");

  /** Single Chinese characters that name a quality on their own. */
  private static final Set<String> MEANINGFUL_SINGLE =
      Set.of(
          "贵", "脏", "吵", "慢", "快", "差", "旧", "臭", "冷", "热", "潮", "香", "甜", "辣", "咸", "苦", "酸", "暗",
          "乱", "挤", "远", "卡", "烫", "硬", "软", "薄", "厚", "重", "轻", "亮");

  private Tokenizer() {}

  /** The keyword candidates of {@code text}, in order, repeats kept. */
  public static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    text = URL.matcher(text).replaceAll(" ");
    if (hasHan(text)) {
      for (Term t : segment(text)) {
        String w = t.word.strip();
        if (w.isEmpty()) continue;
        String nature = t.nature == null ? "" : t.nature.toString();
        if (nature.startsWith("w") || nature.startsWith("m") || nature.startsWith("q")) continue;
        if (hasHan(w)) {
          if (!allHan(w)) continue;
          int len = w.codePointCount(0, w.length());
          if (len == 1 && !MEANINGFUL_SINGLE.contains(w)) continue;
          if (ZH_STOP.contains(w)) continue;
          out.add(w);
        } else {
          english(w, out);
        }
      }
    } else {
      english(text, out);
    }
    return out;
  }

  private static List<Term> segment(String text) {
    synchronized (Tokenizer.class) {
      // HanLP's default segmenter keeps shared mutable state in a few caches
      return HanLP.segment(text);
    }
  }

  private static void english(String text, List<String> out) {
    Matcher m = ENGLISH_WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      String w = m.group();
      if (w.endsWith("'s")) w = w.substring(0, w.length() - 2);
      if (w.length() < 3 || EN_STOP.contains(w) || w.indexOf('\'') >= 0) continue;
      out.add(w);
    }
  }

  static boolean hasHan(String s) {
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) return true;
      i += Character.charCount(cp);
    }
    return false;
  }

  private static boolean allHan(String s) {
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (Character.UnicodeScript.of(cp) != Character.UnicodeScript.HAN) return false;
      i += Character.charCount(cp);
    }
    return true;
  }

  private static Set<String> load(String resource) {
    Set<String> words = new HashSet<>();
    try (InputStream in = Tokenizer.class.getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException("missing resource " + resource);
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String w = line.strip();
        if (!w.isEmpty() && !w.startsWith("#")) words.add(w);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(words);
  }
}
