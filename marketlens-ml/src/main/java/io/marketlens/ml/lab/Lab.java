package io.marketlens.ml.lab;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import io.marketlens.core.validate.InvalidInputException;
import java.util.Locale;

/**
 * The PyTorch engine as the lab uses it: offline, a fixed number of intra-op threads, a device
 * chosen by name, and seeds derived per epoch so that a resumed run draws the same random numbers
 * as an uninterrupted one.
 */
public final class Lab {

  /** The engine name; the only engine the lab trains on. */
  public static final String ENGINE = "PyTorch";

  private Lab() {}

  /**
   * The PyTorch engine with {@code threadCount} intra-op threads ({@code <= 0}: leave as is).
   * Offline mode is forced: nothing is downloaded and DJL does not call home.
   */
  public static synchronized Engine engine(int threadCount) {
    System.setProperty("ai.djl.offline", "true");
    if (threadCount > 0 && System.getProperty("ai.djl.pytorch.num_threads") == null) {
      System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threadCount));
    }
    Engine engine;
    try {
      engine = Engine.getEngine(ENGINE);
    } catch (RuntimeException | UnsatisfiedLinkError e) {
      throw new IllegalStateException(
          "the PyTorch engine did not load (are the pytorch-native jars on the class path?): "
              + e.getMessage(),
          e);
    }
    if (threadCount > 0) {
      // Set every time, not only on a change: another native library in the process (LightGBM sets
      // OpenMP's thread count) may have changed it since, and the thread count changes results in
      // the last bits.
      JniUtils.setNumThreads(threadCount);
    }
    return engine;
  }

  /** PyTorch's current intra-op thread count. */
  public static int intraOpThreads() {
    engine(-1);
    return JniUtils.getNumThreads();
  }

  /**
   * The device called {@code name}: {@code auto} (a GPU when there is one, else the CPU), {@code
   * cpu} or {@code gpu}.
   *
   * @throws InvalidInputException for another name, or {@code gpu} on a machine without one
   */
  public static Device device(String name) {
    Engine engine = engine(-1);
    String n = name == null ? "auto" : name.toLowerCase(Locale.ROOT);
    return switch (n) {
      case "auto" -> engine.getGpuCount() > 0 ? Device.gpu() : Device.cpu();
      case "cpu" -> Device.cpu();
      case "gpu", "cuda" -> {
        if (engine.getGpuCount() == 0) {
          throw InvalidInputException.in(null)
              .key("--device")
              .expected("a CUDA GPU visible to PyTorch")
              .found("none on this machine")
              .hint("build with ./mvnw -Pgpu package for the CUDA natives, or use --device cpu")
              .build();
        }
        yield Device.gpu();
      }
      default ->
          throw InvalidInputException.in(null)
              .key("--device")
              .expected("auto, cpu or gpu")
              .found(name)
              .build();
    };
  }

  /**
   * Seeds PyTorch's generator (weight initialisation, dropout) with a value derived from {@code
   * seed} and {@code stream}; use a distinct stream per purpose (e.g. the epoch number).
   */
  public static void seed(long seed, long stream) {
    engine(-1).setRandomSeed((int) (mix(seed, stream) & 0x7fffffff));
  }

  /** A well-mixed 64-bit value from a seed and a stream number (SplitMix64 finaliser). */
  public static long mix(long seed, long stream) {
    long z = seed * 0x9E3779B97F4A7C15L + stream + 0x632BE59BD9B4E019L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** The versions of the engine and the lab's libraries, recorded in every model's metadata. */
  public static java.util.Map<String, String> versions() {
    java.util.Map<String, String> v = new java.util.LinkedHashMap<>();
    v.put("marketlens", String.valueOf(Lab.class.getPackage().getImplementationVersion()));
    v.put("djl", Engine.getDjlVersion());
    v.put("pytorch", engine(-1).getVersion());
    v.put("java", System.getProperty("java.version"));
    return v;
  }
}
