package io.fissile.router;

/**
 * Hears of every request the router routed to a function, once it is over. Called on the router's
 * event loop: implementations must be quick and must not block.
 */
@FunctionalInterface
public interface RouterObserver {
    RouterObserver NONE = record -> { };

    void requestCompleted(RequestRecord record);
}
