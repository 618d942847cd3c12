package io.fissile.environments.jvm.loader;

import io.fissile.function.Context;
import io.fissile.function.Function;
import io.fissile.function.Request;
import io.fissile.function.Response;

/**
 * The function of the startup rehearsal: loaded from the runtime's own code in a function class
 * loader, like any user's class, it touches the parts of the API a typical function uses.
 */
public final class RehearsalFunction implements Function {

    @Override
    public Response handle(Request request, Context context) {
        String probe = request.query("probe");
        return Response.status(200)
                .header("X-Probe", "probe " + (probe == null ? request.path() : probe))
                .addHeader("X-Namespace", context.namespace())
                .body(request.headers().size() + " headers, " + request.bodyAsString());
    }
}
