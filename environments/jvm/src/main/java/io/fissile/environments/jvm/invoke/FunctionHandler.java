package io.fissile.environments.jvm.invoke;

import io.fissile.environments.jvm.http.HttpExchange;
import io.fissile.environments.jvm.http.HttpHandler;
import io.fissile.function.Function;
import io.fissile.function.Request;
import io.fissile.function.Response;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serves every request of a specialized jvm runtime: the exchange becomes a {@link Request}, the
 * function's {@link Response} becomes the HTTP response. Calls run on the connection's virtual
 * thread, in parallel unless the function is single-threaded.
 */
public final class FunctionHandler implements HttpHandler {

    private static final byte[] NO_BODY = new byte[0];

    private final Function function;
    private final ClassLoader functionLoader;
    private final ReentrantLock oneCallAtATime;
    private final Map<String, String> environment;
    private final MountedFiles secrets;
    private final MountedFiles configs;

    /** {@code environment}: the function's own variables, which its {@link io.fissile.function.Context} offers. */
    public FunctionHandler(Function function, ClassLoader functionLoader, boolean singleThreaded,
                           Map<String, String> environment, Path secretsDir, Path configsDir) {
        this.function = function;
        this.functionLoader = functionLoader;
        this.oneCallAtATime = singleThreaded ? new ReentrantLock(true) : null;
        this.environment = Map.copyOf(environment);
        this.secrets = new MountedFiles("secret", secretsDir);
        this.configs = new MountedFiles("config map", configsDir);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Request request = toRequest(exchange);
        Response response;
        try {
            response = call(request);
        } catch (Throwable failure) {
            failure.printStackTrace();
            exchange.respondText(500, "function failed: " + failure + "\n");
            return;
        }
        if (response == null) {
            exchange.respondText(500, "function returned no response\n");
            return;
        }
        exchange.respond(response.status(), response.headers(), response.body());
    }

    private Response call(Request request) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(functionLoader);
        if (oneCallAtATime != null) {
            oneCallAtATime.lock();
        }
        try {
            return function.handle(request, new FunctionContext(request, environment, secrets, configs));
        } finally {
            if (oneCallAtATime != null) {
                oneCallAtATime.unlock();
            }
            thread.setContextClassLoader(previous);
        }
    }

    private static Request toRequest(HttpExchange exchange) throws IOException {
        Request.Builder request = Request.builder().method(exchange.method()).uri(exchange.target());
        for (int i = 0; i < exchange.headerCount(); i++) {
            request.header(exchange.headerName(i), exchange.headerValue(i));
        }
        return request.body(exchange.contentLength() == 0 ? NO_BODY : exchange.body().readAllBytes()).build();
    }
}
