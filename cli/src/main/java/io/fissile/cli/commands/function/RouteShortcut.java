package io.fissile.cli.commands.function;

import io.fissile.api.v1.Function;
import io.fissile.api.v1.FunctionReference;
import io.fissile.api.v1.HTTPTrigger;
import io.fissile.api.v1.Kinds;
import io.fissile.cli.commands.Session;
import io.fissile.cli.commands.httptrigger.RouteFlags;
import io.fissile.cli.commands.resource.FieldFlags;
import io.fissile.cli.commands.resource.Names;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Locale;

/**
 * {@code fn create --url U [--method M]}: an HTTP route to the new function, made in the same
 * command as Fission's {@code fn create} allows (Fission recommends {@code route create}).
 */
public final class RouteShortcut {
    private static final FieldFlags FIELDS = FieldFlags.of("spec.relativeurl", "--url", "spec.prefix", "--prefix", "spec.methods", "--method");

    @Option(names = "--url", paramLabel = "URL", description = "Also create a route with this URL to the function (prefer route create)")
    String url;

    @Option(names = "--prefix", paramLabel = "PREFIX", description = "Also create a route for all paths under this prefix (prefer route create)")
    String prefix;

    @Option(names = "--method", paramLabel = "METHOD", description = "HTTP method of that route; repeat for several (default: GET)")
    List<String> methods;

    /** The route the flags ask for, checked; null when neither --url nor --prefix is given. */
    HTTPTrigger triggerFor(Function fn) {
        if (blank(url) && blank(prefix)) return null;
        List<String> routeMethods = (methods == null || methods.isEmpty() ? List.of("GET") : methods).stream()
                .map(m -> m.toUpperCase(Locale.ROOT)).toList();
        HTTPTrigger trigger = Kinds.HTTP_TRIGGER.create(fn.metadata().namespace(), Names.generated());
        trigger.spec().functionRef(FunctionReference.byName(fn.name())).methods(routeMethods);
        if (!blank(prefix)) trigger.spec().prefix(RouteFlags.path("--prefix", prefix));
        if (!blank(url)) trigger.spec().relativeUrl(RouteFlags.path("--url", url));
        FIELDS.check(trigger);
        return trigger;
    }

    void create(Session session, HTTPTrigger trigger) {
        session.client().create(trigger);
        String path = blank(trigger.spec().prefix()) ? trigger.spec().relativeUrl() : trigger.spec().prefix();
        session.out().println("route created: " + trigger.spec().methods() + " " + path + " -> " + trigger.spec().functionRef().name());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
