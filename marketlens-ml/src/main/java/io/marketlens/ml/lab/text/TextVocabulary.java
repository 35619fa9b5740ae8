package io.marketlens.ml.lab.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Token ids: 0 is padding, 1 stands for every token not in the vocabulary ({@code <unk>}), and the
 * tokens seen at least {@code minCount} times in the training texts follow in code-point order.
 * Saved with the model as {@code vocabulary.json}.
 */
public final class TextVocabulary {

  /** The padding id. */
  public static final int PAD = 0;

  /** The id of unknown tokens. */
  public static final int UNK = 1;

  /** The file name inside a model directory. */
  public static final String FILE = "vocabulary.json";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<String> tokens;
  private final Map<String, Integer> ids;

  private TextVocabulary(List<String> tokens) {
    this.tokens = List.copyOf(tokens);
    this.ids = new HashMap<>(tokens.size() * 2);
    for (int i = 2; i < tokens.size(); i++) ids.put(tokens.get(i), i);
  }

  /** The vocabulary of the tokens seen at least {@code minCount} times in {@code documents}. */
  public static TextVocabulary build(List<List<String>> documents, int minCount) {
    Map<String, Integer> counts = new HashMap<>();
    for (List<String> doc : documents) for (String t : doc) counts.merge(t, 1, Integer::sum);
    List<String> kept = new ArrayList<>();
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      if (e.getValue() >= minCount) kept.add(e.getKey());
    }
    Collections.sort(kept, TextVocabulary::compareCodePoints);
    List<String> all = new ArrayList<>(kept.size() + 2);
    all.add("<pad>");
    all.add("<unk>");
    all.addAll(kept);
    return new TextVocabulary(all);
  }

  /** The number of ids, padding and unknown included. */
  public int size() {
    return tokens.size();
  }

  /** The token of {@code id}. */
  public String token(int id) {
    return tokens.get(id);
  }

  /** The id of {@code token}, or {@link #UNK}. */
  public int id(String token) {
    Integer id = ids.get(token);
    return id == null ? UNK : id;
  }

  /**
   * The ids of the first {@code maxLength} tokens; a text without tokens becomes one {@link #UNK},
   * so that no sequence is all padding.
   */
  public int[] encode(List<String> tokens, int maxLength) {
    int n = Math.min(tokens.size(), maxLength);
    if (n == 0) return new int[] {UNK};
    int[] out = new int[n];
    for (int i = 0; i < n; i++) out[i] = id(tokens.get(i));
    return out;
  }

  /** The vocabulary as JSON: {@code {"tokens": [...]}} in id order. */
  public byte[] toJson() {
    try {
      return JSON.writeValueAsBytes(Map.of("tokens", tokens));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Reads what {@link #toJson()} wrote.
   *
   * @throws IOException when the bytes are not such a vocabulary
   */
  public static TextVocabulary fromJson(byte[] json) throws IOException {
    Object tokens = JSON.readValue(json, Map.class).get("tokens");
    if (!(tokens instanceof List<?> list) || list.size() < 2) {
      throw new IOException("no \"tokens\" list of at least two entries");
    }
    List<String> out = new ArrayList<>(list.size());
    for (Object o : list) {
      if (!(o instanceof String s)) throw new IOException("a token that is not a string: " + o);
      out.add(s);
    }
    return new TextVocabulary(out);
  }

  private static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) return Integer.compare(ca, cb);
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
