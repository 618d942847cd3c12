package io.fissile.router;

import java.nio.file.Path;

/**
 * The Java function the proxy tests talk to. What it does is chosen by the query parameter
 * {@code action}, since the query always reaches the function unchanged.
 */
final class ProbeFunction {
    static final String CLASS_NAME = "probe.Probe";

    private static final String SOURCE = """
            package probe;

            import io.fissile.function.Context;
            import io.fissile.function.Function;
            import io.fissile.function.Request;
            import io.fissile.function.Response;

            import java.util.List;
            import java.util.Map;

            public final class Probe implements Function {
                @Override
                public Response handle(Request request, Context context) throws Exception {
                    String action = request.query("action");
                    if (action == null) action = "describe";
                    switch (action) {
                        case "status": {
                            String code = request.query("code");
                            return Response.status(Integer.parseInt(code))
                                    .header("X-Function-Header", "kept")
                                    .header("Keep-Alive", "timeout=99")
                                    .header("Proxy-Authenticate", "Basic realm=x")
                                    .body("status " + code + " from the function\\n");
                        }
                        case "sleep":
                            Thread.sleep(Long.parseLong(request.query("ms")));
                            return Response.ok("slept\\n");
                        case "crash":
                            Runtime.getRuntime().halt(3);
                            return null;
                        case "echo": {
                            String type = request.header("Content-Type");
                            return Response.status(200)
                                    .header("Content-Type", type == null ? "application/octet-stream" : type)
                                    .body(request.body());
                        }
                        default: {
                            StringBuilder out = new StringBuilder();
                            out.append("method ").append(request.method()).append('\\n');
                            out.append("uri ").append(request.uri()).append('\\n');
                            for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
                                for (String value : header.getValue()) {
                                    out.append("header ").append(header.getKey()).append(": ").append(value).append('\\n');
                                }
                            }
                            out.append("body ").append(request.bodyAsString()).append('\\n');
                            return Response.ok(out.toString());
                        }
                    }
                }
            }
            """;

    private ProbeFunction() {
    }

    static Path jar(Path directory) {
        return JavaFunctionJar.build(CLASS_NAME, SOURCE, directory);
    }
}
