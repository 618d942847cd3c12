package io.fissile.controller.http;

/** Answers one kind of request. Whatever it throws is answered as an {@link ApiError}. */
@FunctionalInterface
public interface RequestHandler {
    void handle(Exchange exchange) throws Exception;
}
