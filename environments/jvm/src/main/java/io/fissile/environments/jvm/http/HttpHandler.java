package io.fissile.environments.jvm.http;

import java.io.IOException;

/** Answers the requests of an {@link HttpServer}; called on a virtual thread per connection. */
@FunctionalInterface
public interface HttpHandler {

    /**
     * Answers one request: reads what it needs of the body, then responds exactly once, or aborts.
     * Throwing closes the connection.
     */
    void handle(HttpExchange exchange) throws IOException;
}
