package io.fissile.cli.commands;

import io.fissile.api.FieldError;
import io.fissile.api.InvalidResourceException;
import io.fissile.client.ApiException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints why a command failed, as {@code Error: <message>} with each detail on its own line, and
 * answers exit code 1. The stack trace is shown only at verbosity 2.
 */
public final class ErrorReporter implements IExecutionExceptionHandler {
    public static final int FAILED = 1;

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        commandLine.getOut().flush();
        List<String> lines = describe(ex, commandLine);
        err.println("Error: " + lines.get(0));
        lines.subList(1, lines.size()).forEach(line -> err.println("  " + line));
        if (GlobalOptions.resolve(commandLine.getCommandSpec()).verbosity() >= 2) {
            ex.printStackTrace(err);
        }
        err.flush();
        return FAILED;
    }

    /** The message first, then its details. */
    private static List<String> describe(Throwable ex, CommandLine commandLine) {
        List<String> lines = new ArrayList<>();
        switch (ex) {
            case CliException e -> {
                lines.add(e.getMessage());
                lines.addAll(e.details());
            }
            case ApiException e -> describeApiError(e, lines);
            case InvalidResourceException e -> {
                lines.add(e.subject() + " is invalid:");
                e.errors().forEach(error -> lines.add(error.toString()));
            }
            case UncheckedIOException e when unreachable(e) -> lines.add("cannot reach the Fissile controller at "
                    + serverOf(commandLine) + ". Is `fissile server` running there? Point the CLI at the controller with --server URL or "
                    + RootCommand.SERVER_ENV + "=URL.");
            default -> lines.add(ex.getMessage() == null || ex.getMessage().isBlank() ? ex.toString() : ex.getMessage());
        }
        return lines;
    }

    private static void describeApiError(ApiException e, List<String> lines) {
        String message = e.getMessage();
        List<FieldError> details = e.details();
        int invalid = message.indexOf(" is invalid:");
        if (!details.isEmpty() && invalid > 0) {
            // The message repeats the details; keep its subject and list each field once.
            lines.add(message.substring(0, invalid) + " is invalid:");
        } else {
            lines.addAll(message.lines().toList());
        }
        details.forEach(detail -> lines.add(detail.toString()));
        if ("Conflict".equals(e.reason())) {
            lines.add("Someone changed it since this command read it; run the command again to apply your change to the latest version.");
        }
    }

    private static boolean unreachable(UncheckedIOException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException
                    || cause instanceof UnresolvedAddressException || cause instanceof java.net.UnknownHostException) {
                return true;
            }
        }
        return false;
    }

    private static String serverOf(CommandLine commandLine) {
        if (commandLine.getCommandSpec().root().userObject() instanceof RootCommand root) {
            return root.newSession(commandLine.getCommandSpec()).serverUrl();
        }
        return RootCommand.DEFAULT_SERVER;
    }
}
