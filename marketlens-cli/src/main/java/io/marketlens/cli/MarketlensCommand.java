package io.marketlens.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code marketlens} command; each subcommand is its own class. */
@Command(
    name = "marketlens",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Evidence for product positioning, from your own data.",
    subcommands = {
      DemoCommand.class,
      InitCommand.class,
      AnalyzeCommand.class,
      TrainCommand.class,
      GenerateCommand.class,
      EvaluateCommand.class,
      PredictCommand.class,
      ServeCommand.class,
      KeysCommand.class,
      BenchCommand.class,
      CommandLine.HelpCommand.class
    })
public final class MarketlensCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /**
   * A command line with Marketlens' error handling: exit 2 for bad input, 1 for internal faults.
   */
  public static CommandLine newCommandLine() {
    CommandLine cl = new CommandLine(new MarketlensCommand());
    ErrorHandler handler = new ErrorHandler();
    cl.setExecutionExceptionHandler(handler);
    cl.setParameterExceptionHandler(handler);
    cl.setExitCodeExceptionMapper(handler);
    // Options such as --optimizer sgd and --schedule cosine are documented in lower case.
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    return cl;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
  }
}
