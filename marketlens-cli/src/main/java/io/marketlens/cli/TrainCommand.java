package io.marketlens.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code marketlens train tabular|image|textgen|text}: the model lab (DESIGN §4.1). */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = "Train a model: tabular, image, textgen or text.",
    subcommands = {
      TrainTabularCommand.class,
      TrainImageCommand.class,
      TrainTextGenCommand.class,
      TrainTextCommand.class
    })
final class TrainCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "a task is required: tabular, image, textgen or text");
  }
}
