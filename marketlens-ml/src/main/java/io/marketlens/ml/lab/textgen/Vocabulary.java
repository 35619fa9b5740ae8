package io.marketlens.ml.lab.textgen;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The tokens a language model knows, each with its index (the model's input and output class).
 *
 * <p>Character level: the sorted distinct characters (by code point, as Python's {@code
 * sorted(set(text))}). Word level: {@value #UNKNOWN} first, then the words seen at least {@code
 * minCount} times, sorted; rarer words map to {@value #UNKNOWN}.
 */
final class Vocabulary {

  /** The word-level token for words the vocabulary does not hold. */
  static final String UNKNOWN = "<unk>";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final TokenLevel level;
  private final List<String> tokens;
  private final Map<String, Integer> index = new HashMap<>();

  Vocabulary(TokenLevel level, List<String> tokens) {
    this.level = level;
    this.tokens = List.copyOf(tokens);
    for (int i = 0; i < this.tokens.size(); i++) {
      if (index.put(this.tokens.get(i), i) != null) {
        throw new IllegalArgumentException("duplicate token " + this.tokens.get(i));
      }
    }
    if (level == TokenLevel.WORD && !UNKNOWN.equals(this.tokens.get(0))) {
      throw new IllegalArgumentException("a word vocabulary starts with " + UNKNOWN);
    }
  }

  /** The sorted distinct tokens of a character-level text. */
  static Vocabulary ofChars(List<String> tokens) {
    TreeSet<Integer> cps = new TreeSet<>();
    for (String t : tokens) cps.add(t.codePointAt(0));
    List<String> out = new ArrayList<>(cps.size());
    for (int cp : cps) out.add(new String(Character.toChars(cp)));
    return new Vocabulary(TokenLevel.CHAR, out);
  }

  /** {@value #UNKNOWN} and the words seen at least {@code minCount} times, sorted. */
  static Vocabulary ofWords(List<String> tokens, int minCount) {
    Map<String, Integer> counts = new TreeMap<>();
    for (String t : tokens) counts.merge(t, 1, Integer::sum);
    List<String> out = new ArrayList<>();
    out.add(UNKNOWN);
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      if (e.getValue() >= minCount && !e.getKey().equals(UNKNOWN)) out.add(e.getKey());
    }
    return new Vocabulary(TokenLevel.WORD, out);
  }

  TokenLevel level() {
    return level;
  }

  int size() {
    return tokens.size();
  }

  String token(int i) {
    return tokens.get(i);
  }

  List<String> tokens() {
    return tokens;
  }

  /** The index of {@code token}, or -1 when unknown. */
  int indexOf(String token) {
    Integer i = index.get(token);
    return i == null ? -1 : i;
  }

  /**
   * The indices of {@code tokens}; unknown words become {@value #UNKNOWN}, unknown characters -1
   * (the caller reports them).
   */
  int[] encode(List<String> tokens) {
    int[] out = new int[tokens.size()];
    for (int i = 0; i < out.length; i++) {
      int k = indexOf(tokens.get(i));
      out[i] = k < 0 && level == TokenLevel.WORD ? 0 : k;
    }
    return out;
  }

  /** The tokens of {@code ids}. */
  List<String> decode(int[] ids) {
    List<String> out = new ArrayList<>(ids.length);
    for (int id : ids) out.add(tokens.get(id));
    return out;
  }

  /** {@code {"level": ..., "tokens": [...]}} as UTF-8 JSON. */
  byte[] toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("level", level.id());
    m.put("tokens", tokens);
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(m);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads what {@link #toJson()} wrote. */
  @SuppressWarnings("unchecked")
  static Vocabulary fromJson(byte[] json) throws IOException {
    Map<String, Object> m = JSON.readValue(json, Map.class);
    TokenLevel level = TokenLevel.parse(String.valueOf(m.get("level")));
    Object tokens = m.get("tokens");
    if (level == null || !(tokens instanceof List<?> list) || list.isEmpty()) {
      throw new IOException("expected {\"level\": \"char|word\", \"tokens\": [...]}");
    }
    List<String> out = new ArrayList<>();
    for (Object o : list) out.add(String.valueOf(o));
    try {
      return new Vocabulary(level, out);
    } catch (IllegalArgumentException e) {
      throw new IOException(e.getMessage(), e);
    }
  }
}
