package org.senderguard.adapters.cli;

import org.senderguard.application.port.DatabaseUnavailableException;
import org.senderguard.domain.common.ConflictException;
import org.senderguard.domain.common.DomainException;
import org.senderguard.domain.common.FreeText;
import picocli.CommandLine;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure into one line on standard error and the Contract's exit code: 2 for a usage
 * error or input the domain refuses, 1 for anything else. No stack traces for the operator, and
 * what an argument held cannot break the line (picocli's messages quote it as given).
 */
public class CliErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {

    public static final int FAILURE = 1;

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        cmd.getErr().println("senderguard: " + FreeText.escaped(e.getMessage()) + " (see '"
                + cmd.getCommandSpec().qualifiedName() + " --help')");
        cmd.getErr().flush();
        return ExitCode.USAGE;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parseResult) {
        if (e instanceof ParameterException pe) {
            return handleParseException(pe, parseResult.originalArgs().toArray(String[]::new));
        }
        // A clash with a concurrent change is no mistake of the input: the same command may succeed again.
        boolean badInput = e instanceof DomainException refused && !ConflictException.CONCURRENT_CHANGE.equals(refused.type());
        cmd.getErr().println("senderguard: "
                + (badInput ? e.getMessage() : "failed: " + FreeText.escaped(databaseAway(e) + rootCause(e))));
        cmd.getErr().flush();
        return badInput ? ExitCode.USAGE : FAILURE;
    }

    /** What the database's absence meant (it did not answer in time, say), before the driver's words for it. */
    private static String databaseAway(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof DatabaseUnavailableException away && away.getCause() != null) {
                return away.getMessage() + ": ";
            }
        }
        return "";
    }

    /** The message of the deepest cause: the one that says what really went wrong. */
    public static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** Installs this handler on a command line and all its subcommands. */
    public static CommandLine install(CommandLine commandLine) {
        CliErrorHandler handler = new CliErrorHandler();
        return commandLine.setExecutionExceptionHandler(handler).setParameterExceptionHandler(handler);
    }
}
