package io.fissile.router;

import io.fissile.api.v1.Function;
import io.fissile.api.v1.HTTPTrigger;
import io.fissile.executor.FunctionExecutor;
import io.fissile.router.proxy.RouterServer;
import io.fissile.store.Informer;
import io.vertx.core.Future;

/**
 * Fissile's HTTP data plane: serves HTTPTriggers and Fission's internal routes
 * ({@code /fission-function/[<namespace>/]<name>}) by streaming each request to an instance the
 * executor leases, and the answer back.
 * <p>
 * Routes follow the informers: a trigger or function added, changed or deleted takes effect
 * without a restart. Errors the router makes are plain text: 404 no route, 405 wrong method,
 * 429 function at its concurrency limit, 500/503 function unavailable, 500 instance crashed,
 * 502 instance unreachable, 504 function timeout. The function's own answers pass untouched.
 */
public interface Router {

    /**
     * Starts routing. The future completes once the route table holds every trigger and function
     * the informers know, and the router listens.
     * <p>
     * The router neither starts nor closes the informers and the executor: they are the caller's.
     */
    static Future<Router> start(RouterOptions options, Informer<HTTPTrigger> triggers,
                                Informer<Function> functions, FunctionExecutor executor) {
        return RouterServer.start(options, triggers, functions, executor);
    }

    /** The port listened on; the one picked when {@link RouterOptions#port()} was 0. */
    int port();

    /** Stops listening and following the informers; requests in flight are cut. */
    Future<Void> close();
}
