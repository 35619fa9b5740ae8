package io.marketlens.cli;

import io.marketlens.core.privacy.PiiRedactor;
import io.marketlens.core.validate.InvalidInputException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * The one place where failures become exit codes and messages: a user's mistake prints one clear
 * line and exits 2; anything else is an internal fault, exits 1, and shows its stack trace only
 * with {@code MARKETLENS_DEBUG=1}. Messages are passed through the personal-data mask so that no
 * e-mail address or phone number from the data is echoed.
 */
final class ErrorHandler
    implements CommandLine.IExecutionExceptionHandler,
        CommandLine.IParameterExceptionHandler,
        CommandLine.IExitCodeExceptionMapper {

  @Override
  public int handleExecutionException(
      Exception e, CommandLine cl, CommandLine.ParseResult parseResult) {
    PrintWriter err = cl.getErr();
    InvalidInputException input = findInputError(e);
    if (input != null) {
      err.println("error: " + PiiRedactor.maskForMessage(input.getMessage()));
      err.flush();
      return ExitCodes.BAD_INPUT;
    }
    if (e instanceof NotAvailableException) {
      err.println("error: " + e.getMessage());
      err.flush();
      return ExitCodes.BAD_INPUT;
    }
    err.println(
        "internal error: "
            + e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : ": " + PiiRedactor.maskForMessage(e.getMessage()))
            + " (this is a bug; rerun with MARKETLENS_DEBUG=1 for details and report it)");
    if ("1".equals(System.getenv("MARKETLENS_DEBUG"))) e.printStackTrace(err);
    err.flush();
    return ExitCodes.INTERNAL_FAULT;
  }

  @Override
  public int handleParseException(CommandLine.ParameterException e, String[] args) {
    CommandLine cl = e.getCommandLine();
    PrintWriter err = cl.getErr();
    err.println("error: " + e.getMessage());
    err.println("Usage: see '" + cl.getCommandSpec().qualifiedName() + " --help'");
    err.flush();
    return ExitCodes.BAD_INPUT;
  }

  @Override
  public int getExitCode(Throwable t) {
    return findInputError(t) != null ? ExitCodes.BAD_INPUT : ExitCodes.INTERNAL_FAULT;
  }

  private static InvalidInputException findInputError(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof InvalidInputException iie) return iie;
    }
    return null;
  }
}
