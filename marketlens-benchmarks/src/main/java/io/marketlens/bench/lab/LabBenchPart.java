package io.marketlens.bench.lab;

import java.io.PrintStream;

/** One architecture of {@code bench lab}: trains ours, runs the peer, returns both. */
interface LabBenchPart {

  /** The part's name as {@code --only} takes it. */
  String name();

  /** Runs ours and (when {@code options.runPeer()}) the peer; progress goes to {@code err}. */
  LabBenchResult run(LabBenchOptions options, PrintStream err) throws InterruptedException;
}
