package io.fissile.router.routes;

import io.fissile.api.ObjectMeta;
import io.fissile.api.v1.Function;

/**
 * Fission's route to every function by name, which non-HTTP triggers call:
 * {@code /fission-function/<name>} in the default namespace, {@code /fission-function/<namespace>/<name>}
 * elsewhere. What follows the name is passed on to the function as its path.
 */
public final class InternalRoutes {
    public static final String ROOT = "/fission-function";

    private InternalRoutes() {
    }

    public static String pathOf(Function function) {
        String namespace = function.namespace();
        return ObjectMeta.DEFAULT_NAMESPACE.equals(namespace)
                ? ROOT + "/" + function.name()
                : ROOT + "/" + namespace + "/" + function.name();
    }

    static Route routeTo(Function function) {
        return Route.of(PathTemplate.parse(pathOf(function), RouteKind.PREFIX), null, null, false,
                new SingleFunction(function),
                RouteOrder.of(function.metadata().creationTimestamp(), function.namespace(), function.name()),
                "internal route of Function " + function.namespace() + "/" + function.name());
    }
}
