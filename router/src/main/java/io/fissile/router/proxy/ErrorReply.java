package io.fissile.router.proxy;

import io.fissile.api.ObjectMeta;
import io.fissile.api.v1.Function;
import io.fissile.executor.FunctionUnavailableException;
import io.fissile.executor.TooManyRequestsException;

import java.util.Set;

/**
 * An answer the router makes itself: a status and a plain-text message a curl user understands,
 * naming the function where there is one. Every error the router can give is made here.
 */
record ErrorReply(int status, String message, boolean retryLater, String allow) {

    ErrorReply(int status, String message, boolean retryLater) {
        this(status, message, retryLater, null);
    }

    static ErrorReply noRoute(String method, String path) {
        return new ErrorReply(404, "no function route for " + method + " " + path, false);
    }

    static ErrorReply methodNotAllowed(String method, String path, Set<String> allowed) {
        return new ErrorReply(405, "method " + method + " is not allowed for " + path
                + (allowed.isEmpty() ? "" : "; allowed: " + String.join(", ", allowed)), false, String.join(", ", allowed));
    }

    /** The executor could not give an instance. */
    static ErrorReply acquireFailed(Function function, Throwable cause) {
        return switch (cause) {
            case TooManyRequestsException busy -> new ErrorReply(429, mention(function, busy.getMessage()), true);
            case FunctionUnavailableException unavailable -> unavailable.isTransient()
                    ? new ErrorReply(503, mention(function, unavailable.getMessage()), true)
                    : new ErrorReply(500, mention(function, unavailable.getMessage()), false);
            default -> new ErrorReply(500, "function " + name(function) + " is unavailable: " + cause, false);
        };
    }

    static ErrorReply timedOut(Function function, int seconds) {
        return new ErrorReply(504, "function " + name(function) + " did not answer within its timeout of " + seconds + "s", false);
    }

    static ErrorReply crashed(Function function, String reason) {
        return new ErrorReply(500, "function " + name(function) + " crashed: " + reason, false);
    }

    static ErrorReply unreachable(Function function, int attempts, Throwable cause) {
        return new ErrorReply(502, "function " + name(function) + " could not be reached"
                + (attempts > 1 ? " (" + attempts + " instances tried)" : "") + ": " + describe(cause), false);
    }

    static ErrorReply connectionBroken(Function function, Throwable cause) {
        return new ErrorReply(502, "function " + name(function) + " closed the connection without answering: " + describe(cause), false);
    }

    /** {@code hello} in the default namespace, {@code team-a/hello} elsewhere, as in its internal route. */
    static String name(Function function) {
        String namespace = function.namespace();
        return ObjectMeta.DEFAULT_NAMESPACE.equals(namespace) ? function.name() : namespace + "/" + function.name();
    }

    /** The executor's message, prefixed with the function unless it names it already. */
    private static String mention(Function function, String message) {
        if (message == null || message.isEmpty()) return "function " + name(function) + " is unavailable";
        return message.contains(function.name()) ? message : "function " + name(function) + ": " + message;
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return message == null || message.isEmpty() ? cause.getClass().getSimpleName() : message;
    }
}
