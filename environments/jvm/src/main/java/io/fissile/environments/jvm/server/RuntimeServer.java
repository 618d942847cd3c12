package io.fissile.environments.jvm.server;

import io.fissile.environments.jvm.http.HttpExchange;
import io.fissile.environments.jvm.http.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The environment contract's request routing: specialization calls go to the {@link Specializer}
 * once; before that every other request is refused as generic, after it every request goes to
 * the function's handler.
 */
public final class RuntimeServer implements HttpHandler {

    private final Specializer specializer;
    private final RuntimeSettings settings;
    private final Lock specializing = new ReentrantLock();
    private final boolean reporting;
    private volatile HttpHandler function;

    public RuntimeServer(Specializer specializer, RuntimeSettings settings) {
        this(specializer, settings, true);
    }

    /** A server that reports specializations on the console only when {@code reporting}. */
    RuntimeServer(Specializer specializer, RuntimeSettings settings, boolean reporting) {
        this.specializer = specializer;
        this.settings = settings;
        this.reporting = reporting;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (exchange.method().equals("POST")) {
            String path = exchange.path();
            if (path.equals("/v2/specialize") || path.equals("/specialize")) {
                specialize(exchange, path.equals("/v2/specialize"));
                return;
            }
        }
        HttpHandler handler = function;
        if (handler == null) {
            exchange.respondText(500, "generic instance: not specialized with a function yet\n");
            return;
        }
        handler.handle(exchange);
    }

    private void specialize(HttpExchange exchange, boolean v2) throws IOException {
        byte[] body = exchange.body().readAllBytes();
        LoadRequest request;
        try {
            request = v2 ? v2Request(new String(body, StandardCharsets.UTF_8)) : v1Request();
        } catch (IllegalArgumentException e) {
            exchange.respondText(400, "invalid specialization request: " + e.getMessage() + "\n");
            return;
        }
        specializing.lock();
        try {
            if (function != null) {
                exchange.respondText(400, "already specialized\n");
                return;
            }
            long start = System.nanoTime();
            function = specializer.specialize(request);
            // Composed even in the rehearsal, whose purpose is to have run this code once.
            String message = specializedMessage(request, System.nanoTime() - start);
            if (reporting) {
                System.out.println(message);
            }
            exchange.respondText(200, "specialized\n");
        } catch (SpecializationException e) {
            if (reporting) {
                System.err.println("specialization failed: " + e.getMessage());
            }
            exchange.respondText(500, e.getMessage() + "\n");
        } catch (RuntimeException | LinkageError e) {
            e.printStackTrace();
            exchange.respondText(500, "specialization failed: " + e + "\n");
        } finally {
            specializing.unlock();
        }
    }

    // No String.format: its locale machinery costs milliseconds on the cold path.
    private static String specializedMessage(LoadRequest request, long nanos) {
        long tenthsOfMillis = (nanos + 50_000) / 100_000;
        String entrypoint = request.functionName().isEmpty() ? "" : " (" + request.functionName() + ")";
        return "specialized with " + request.filepath() + entrypoint + " in "
                + tenthsOfMillis / 10 + "." + tenthsOfMillis % 10 + " ms";
    }

    private LoadRequest v1Request() {
        return new LoadRequest(settings.v1CodePath(), "", "");
    }

    /**
     * An empty body or filepath falls back to the v1 code path, as Fission's runtimes do; members
     * that are not strings count as absent, but for {@code "env"}, which must be right.
     */
    private LoadRequest v2Request(String json) {
        Map<String, Object> members = json.isBlank() ? Map.of() : JsonObjectReader.members(json);
        String filepath = stringMember(members, "filepath");
        return new LoadRequest(
                filepath.isEmpty() ? settings.v1CodePath() : settings.userFuncDir().resolve(filepath),
                stringMember(members, "functionName"),
                stringMember(members, "url"),
                FunctionEnvironment.of(members.get(FunctionEnvironment.MEMBER), specializer::reservesVariable));
    }

    private static String stringMember(Map<String, Object> members, String name) {
        return members.get(name) instanceof String value ? value : "";
    }
}
