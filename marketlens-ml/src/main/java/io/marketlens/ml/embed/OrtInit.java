package io.marketlens.ml.embed;

import java.lang.System.Logger.Level;

/**
 * Process-wide set-up before the first ONNX Runtime session. Two things in one JVM need care:
 *
 * <ul>
 *   <li>DJL's OnnxRuntime engine, when it is on the class path, creates the global {@code
 *       OrtEnvironment} with its own thread options and fails if one exists already. So it is
 *       started first, and our sessions then share its environment.
 *   <li>DJL's tokenizer reports usage over the network unless told not to. Marketlens runs offline
 *       ({@code -Dai.djl.offline=true} in the launcher and tests); where that flag and DJL's own
 *       opt-out are both missing, the opt-out is set.
 * </ul>
 */
final class OrtInit {

  private static final String DJL_ORT_PROVIDER = "ai.djl.onnxruntime.engine.OrtEngineProvider";
  private static volatile boolean done;

  private OrtInit() {}

  static void beforeFirstSession() {
    if (done) return;
    synchronized (OrtInit.class) {
      if (done) return;
      if (unset("ai.djl.offline", "DJL_OFFLINE") && unset("OPT_OUT_TRACKING", "OPT_OUT_TRACKING")) {
        System.setProperty("OPT_OUT_TRACKING", "true");
      }
      if (present(DJL_ORT_PROVIDER)) {
        try {
          ai.djl.engine.Engine.getEngine("OnnxRuntime");
        } catch (RuntimeException e) {
          System.getLogger(OrtInit.class.getName())
              .log(Level.WARNING, "DJL's OnnxRuntime engine did not start: " + e);
        }
      }
      done = true;
    }
  }

  private static boolean unset(String property, String env) {
    return System.getProperty(property) == null && System.getenv(env) == null;
  }

  private static boolean present(String className) {
    try {
      Class.forName(className, false, OrtInit.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
