package io.fissile.bench.routes;

import io.fissile.api.v1.Function;
import io.fissile.api.v1.FunctionPackageRef;
import io.fissile.api.v1.FunctionReference;
import io.fissile.api.v1.HTTPTrigger;
import io.fissile.api.v1.Kinds;
import io.fissile.api.v1.PackageRef;
import io.fissile.api.v1.Reference;
import io.fissile.router.routes.RouteTable;
import io.fissile.router.routes.RouteTableBuild;
import io.fissile.router.routes.RouteTableBuilder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Functions and HTTPTriggers as a large deployment would hold them, one function per trigger, and
 * the route table the router builds from them. Half the routes are static
 * ({@code /api/v1/svc-<i>/items}), half have two parameters around a literal
 * ({@code /tenants/{tenant}/svc-<i>/users/{id}}), so that a lookup crosses both a wide literal level
 * and a parameter shared by thousands of routes.
 */
public final class RouteFixtures {
    private static final String NAMESPACE = "default";
    private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");

    private RouteFixtures() {
    }

    public static List<Function> functions(int count) {
        List<Function> functions = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Function function = Kinds.FUNCTION.create(NAMESPACE, "fn-" + i);
            function.metadata().uid("00000000-0000-0000-0000-" + "%012d".formatted(i)).resourceVersion(Integer.toString(i + 1))
                    .creationTimestamp(CREATED.plusSeconds(i).toString());
            function.spec().environment(Reference.to("nodejs").namespace(NAMESPACE));
            function.spec().packageRef(new FunctionPackageRef().functionName("handler")
                    .packageRef(new PackageRef().namespace(NAMESPACE).name("fn-" + i + "-pkg").resourceVersion("1")));
            functions.add(function);
        }
        return functions;
    }

    public static List<HTTPTrigger> triggers(int count) {
        List<HTTPTrigger> triggers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            HTTPTrigger trigger = Kinds.HTTP_TRIGGER.create(NAMESPACE, "route-" + i);
            trigger.metadata().creationTimestamp(CREATED.plusSeconds(i).toString());
            trigger.spec().relativeUrl(template(i)).method("GET").functionRef(FunctionReference.byName("fn-" + i));
            triggers.add(trigger);
        }
        return triggers;
    }

    public static RouteTable table(List<HTTPTrigger> triggers, List<Function> functions) {
        RouteTableBuild build = RouteTableBuilder.build(triggers, functions);
        if (!build.problems().isEmpty()) throw new IllegalStateException("routes left out: " + build.problems());
        return build.table();
    }

    /** The table for {@code count} triggers and their functions. */
    public static RouteTable table(int count) {
        return table(triggers(count), functions(count));
    }

    static String template(int i) {
        return i % 2 == 0 ? "/api/v1/svc-" + i + "/items" : "/tenants/{tenant}/svc-" + i + "/users/{id}";
    }

    /** A request path that a static route of a table of {@code count} matches, from the middle of the table. */
    public static String staticPath(int count) {
        return "/api/v1/svc-" + evenAtMost(count / 2) + "/items";
    }

    /** A request path that a parameterised route of a table of {@code count} matches. */
    public static String parameterisedPath(int count) {
        return "/tenants/acme/svc-" + (evenAtMost(count / 2) + 1) + "/users/42";
    }

    /** A path no route matches, though it goes through the shared parameter before it fails. */
    public static String missingPath() {
        return "/tenants/acme/svc-none/users/42";
    }

    private static int evenAtMost(int n) {
        return n - n % 2;
    }
}
