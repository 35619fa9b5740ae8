package io.marketlens.ml.embed;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * One sentence encoder: an ONNX Runtime session over the in-jar model and the HuggingFace tokenizer
 * from the same jar. {@link #encode} runs one text per call, never a padded batch: the models are
 * dynamically quantised, so a batch changes every member's vector (cosine 0.987 against the text
 * alone), and a text's vector must not depend on what it was embedded with. Thread-safe: ONNX
 * Runtime sessions and the tokenizer may be called from several threads at once.
 */
final class OnnxEncoder implements AutoCloseable {

  private final ModelSpec spec;
  private final OrtEnvironment environment;
  private final OrtSession session;
  private final HuggingFaceTokenizer tokenizer;
  private final boolean wantsTokenTypes;
  private final long clsId;
  private final long sepId;

  private OnnxEncoder(
      ModelSpec spec,
      OrtEnvironment environment,
      OrtSession session,
      HuggingFaceTokenizer tokenizer,
      long clsId,
      long sepId)
      throws OrtException {
    this.spec = spec;
    this.environment = environment;
    this.session = session;
    this.tokenizer = tokenizer;
    this.wantsTokenTypes = session.getInputNames().contains("token_type_ids");
    this.clsId = clsId;
    this.sepId = sepId;
  }

  /** Loads the model and tokenizer of {@code spec} from the class path (a few hundred ms). */
  static OnnxEncoder load(ModelSpec spec) {
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    HuggingFaceTokenizer tokenizer = null;
    OrtSession session = null;
    try (InputStream model = spec.open(spec.modelResource);
        InputStream vocab = spec.open(spec.tokenizerResource)) {
      tokenizer =
          HuggingFaceTokenizer.newInstance(
              vocab, Map.of("padding", "false", "truncation", "false"));
      long[] specials = tokenizer.encode("", true, false).getIds();
      if (specials.length != 2) {
        throw new IllegalStateException(
            spec.tokenizerResource
                + ": expected [CLS] [SEP] around a text, found "
                + specials.length
                + " special tokens");
      }
      // One intra-op thread per call: parallelism comes from encoding several texts at once, which
      // scales better for short texts and keeps every call's arithmetic order fixed.
      try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
        options.setIntraOpNumThreads(1);
        options.setInterOpNumThreads(1);
        options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        session = env.createSession(model.readAllBytes(), options);
      }
      return new OnnxEncoder(spec, env, session, tokenizer, specials[0], specials[1]);
    } catch (IOException e) {
      closeQuietly(tokenizer, session);
      throw new UncheckedIOException("cannot read the " + spec.language + " sentence encoder", e);
    } catch (OrtException e) {
      closeQuietly(tokenizer, session);
      throw new IllegalStateException(
          "cannot load the " + spec.language + " sentence encoder " + spec.modelResource, e);
    }
  }

  ModelSpec spec() {
    return spec;
  }

  /**
   * The L2-normalised vector of {@code text}. A text longer than the model's window is cut into
   * windows at word boundaries, and the window vectors are averaged, weighted by token count.
   */
  float[] encode(String text) {
    Encoding encoding = tokenizer.encode(text, false, false);
    long[] ids = encoding.getIds();
    String[] tokens = encoding.getTokens();
    int window = spec.maxTokens - 2;
    double[] sum = new double[spec.dimension];
    if (ids.length == 0) {
      accumulate(sum, run(new long[0]), 1);
    }
    for (int from = 0; from < ids.length; ) {
      int to = Math.min(ids.length, from + window);
      // Do not split a word: back off while the next window would start inside one.
      while (to < ids.length && to > from + 1 && tokens[to].startsWith("##")) to--;
      accumulate(sum, run(Arrays.copyOfRange(ids, from, to)), to - from);
      from = to;
    }
    return normalise(sum);
  }

  /** Runs the model on [CLS] ids [SEP] and pools its last hidden state. */
  private float[] run(long[] ids) {
    int n = ids.length + 2;
    long[] input = new long[n];
    input[0] = clsId;
    System.arraycopy(ids, 0, input, 1, ids.length);
    input[n - 1] = sepId;
    long[] ones = new long[n];
    Arrays.fill(ones, 1L);
    long[] shape = {1, n};
    try (OnnxTensor inputIds = OnnxTensor.createTensor(environment, LongBuffer.wrap(input), shape);
        OnnxTensor mask = OnnxTensor.createTensor(environment, LongBuffer.wrap(ones), shape);
        OnnxTensor types =
            OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[n]), shape)) {
      Map<String, OnnxTensor> inputs = new HashMap<>();
      inputs.put("input_ids", inputIds);
      inputs.put("attention_mask", mask);
      if (wantsTokenTypes) inputs.put("token_type_ids", types);
      try (OrtSession.Result result = session.run(inputs, Set.of(outputName()))) {
        FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer();
        return pool(hidden, n);
      }
    } catch (OrtException e) {
      throw new IllegalStateException(
          "the " + spec.language + " sentence encoder failed on a text of " + n + " tokens", e);
    }
  }

  private String outputName() {
    return session.getOutputNames().iterator().next();
  }

  private float[] pool(FloatBuffer hidden, int tokens) {
    int d = spec.dimension;
    if (hidden.remaining() != tokens * d) {
      throw new IllegalStateException(
          spec.modelResource
              + ": expected "
              + tokens
              + " x "
              + d
              + " outputs, found "
              + hidden.remaining());
    }
    float[] out = new float[d];
    if (spec.pooling == ModelSpec.Pooling.CLS) {
      hidden.get(out, 0, d);
      return out;
    }
    double[] acc = new double[d];
    for (int t = 0; t < tokens; t++) {
      for (int j = 0; j < d; j++) acc[j] += hidden.get(t * d + j);
    }
    for (int j = 0; j < d; j++) out[j] = (float) (acc[j] / tokens);
    return out;
  }

  private static void accumulate(double[] sum, float[] v, int weight) {
    for (int j = 0; j < sum.length; j++) sum[j] += (double) v[j] * weight;
  }

  private static float[] normalise(double[] v) {
    double norm = 0;
    for (double x : v) norm += x * x;
    norm = Math.sqrt(norm);
    float[] out = new float[v.length];
    if (norm == 0) return out;
    for (int j = 0; j < v.length; j++) out[j] = (float) (v[j] / norm);
    return out;
  }

  @Override
  public void close() {
    closeQuietly(tokenizer, session);
  }

  private static void closeQuietly(HuggingFaceTokenizer tokenizer, OrtSession session) {
    if (tokenizer != null) tokenizer.close();
    if (session != null) {
      try {
        session.close();
      } catch (OrtException e) {
        System.getLogger(OnnxEncoder.class.getName())
            .log(System.Logger.Level.WARNING, "closing an ONNX session failed", e);
      }
    }
  }
}
