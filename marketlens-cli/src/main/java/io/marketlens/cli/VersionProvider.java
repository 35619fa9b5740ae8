package io.marketlens.cli;

import io.marketlens.pipeline.Analysis;
import picocli.CommandLine;

/** Prints the Marketlens and Java versions for {@code --version}. */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {
      "marketlens " + Analysis.VERSION, "Java " + System.getProperty("java.version")
    };
  }
}
