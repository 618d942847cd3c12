package io.fissile.controller.logs;

import io.fissile.api.v1.Kinds;
import io.fissile.controller.http.ApiError;
import io.fissile.controller.http.Exchange;
import io.fissile.store.ResourceStore;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * What a logs request asks for: whose lines, how many of the latest, from when, and whether to go
 * on with new ones.
 *
 * @param tail  how many of the latest lines (at most {@value #MAX_TAIL}; Fission's CLI shows 20)
 * @param since only lines after this time, or null for any
 */
record LogQuery(String namespace, String function, int tail, Instant since, boolean follow) {
    static final int DEFAULT_TAIL = 20;
    /** A function's log is two capped files; more lines than this are no longer a tail. */
    static final int MAX_TAIL = 10_000;

    static LogQuery of(Exchange exchange) {
        return new LogQuery(exchange.namespace(), exchange.pathParam("name"), tail(exchange.query("tail")),
                since(exchange.query("since")), exchange.queryFlag("follow"));
    }

    /** 404 unless the function exists: lines of a deleted function are no answer to a typo. */
    void requireFunctionIn(ResourceStore store) {
        if (store.get(Kinds.FUNCTION, namespace, function).isEmpty()) {
            throw ApiError.notFound(Kinds.FUNCTION.name() + " \"" + namespace + "/" + function + "\" not found");
        }
    }

    String describe() {
        return "logs of function " + namespace + "/" + function;
    }

    private static int tail(String text) {
        if (text == null) return DEFAULT_TAIL;
        try {
            int lines = Integer.parseInt(text.trim());
            if (lines < 0) throw new NumberFormatException();
            return Math.min(lines, MAX_TAIL);
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("query parameter tail must be a number of lines (0 or more), not \"" + text + "\"");
        }
    }

    private static Instant since(String text) {
        if (text == null) return null;
        try {
            // An unencoded '+' of an offset arrives as a space.
            return OffsetDateTime.parse(text.trim().replace(' ', '+')).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest("query parameter since must be an RFC 3339 time such as 2024-05-01T12:00:00Z, not \""
                    + text + "\"");
        }
    }
}
