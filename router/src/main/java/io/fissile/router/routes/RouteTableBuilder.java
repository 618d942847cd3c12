package io.fissile.router.routes;

import io.fissile.api.v1.Function;
import io.fissile.api.v1.FunctionReference;
import io.fissile.api.v1.HTTPTrigger;
import io.fissile.api.v1.HTTPTriggerSpec;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns HTTPTriggers and Functions into a route table: one route per trigger, resolved to the
 * Function objects it names in its own namespace, and one internal route per function. A trigger
 * whose functions do not all exist is left out, as Fission does, so its path answers 404 until
 * they do.
 */
public final class RouteTableBuilder {

    private RouteTableBuilder() {
    }

    public static RouteTableBuild build(Collection<HTTPTrigger> triggers, Collection<Function> functions) {
        Map<String, Function> byName = new HashMap<>();
        for (Function function : functions) byName.put(key(function.namespace(), function.name()), function);

        List<Route> routes = new ArrayList<>(triggers.size() + functions.size());
        List<String> problems = new ArrayList<>();
        for (HTTPTrigger trigger : triggers) {
            try {
                routes.add(routeOf(trigger, byName));
            } catch (IllegalArgumentException e) {
                problems.add("HTTPTrigger " + trigger.namespace() + "/" + trigger.name() + " is not served: " + e.getMessage());
            }
        }
        for (Function function : functions) routes.add(InternalRoutes.routeTo(function));
        return new RouteTableBuild(RouteTable.of(routes), List.copyOf(problems));
    }

    private static Route routeOf(HTTPTrigger trigger, Map<String, Function> functions) {
        HTTPTriggerSpec spec = trigger.spec();
        if (spec == null) throw new IllegalArgumentException("it has no spec");
        boolean prefix = spec.prefix() != null && !spec.prefix().isEmpty();
        String template = prefix ? spec.prefix() : spec.relativeUrl();
        if (template == null || template.isEmpty()) throw new IllegalArgumentException("it has neither relativeurl nor prefix");
        return Route.of(PathTemplate.parse(template, prefix ? RouteKind.PREFIX : RouteKind.EXACT),
                spec.effectiveMethods(), spec.host(), Boolean.TRUE.equals(spec.keepPrefix()),
                targetOf(spec.functionRef(), trigger.namespace(), functions),
                RouteOrder.of(trigger.metadata().creationTimestamp(), trigger.namespace(), trigger.name()),
                "HTTPTrigger " + trigger.namespace() + "/" + trigger.name());
    }

    private static FunctionTarget targetOf(FunctionReference ref, String namespace, Map<String, Function> functions) {
        if (ref == null) throw new IllegalArgumentException("it has no functionref");
        return switch (ref.effectiveType()) {
            case FunctionReference.TYPE_NAME -> new SingleFunction(function(namespace, ref.name(), functions));
            case FunctionReference.TYPE_FUNCTION_WEIGHTS -> {
                if (ref.functionWeights() == null || ref.functionWeights().isEmpty()) {
                    throw new IllegalArgumentException("its functionweights are empty");
                }
                // Sorted by name, so that a table built twice from the same resources picks the same way.
                Map<Function, Integer> weights = new LinkedHashMap<>();
                new TreeMap<>(ref.functionWeights()).forEach((name, weight) -> weights.put(function(namespace, name, functions), weight));
                yield WeightedFunctions.of(weights);
            }
            default -> throw new IllegalArgumentException("its functionref type \"" + ref.type() + "\" is unknown");
        };
    }

    private static Function function(String namespace, String name, Map<String, Function> functions) {
        Function function = name == null ? null : functions.get(key(namespace, name));
        if (function == null) throw new IllegalArgumentException("function " + namespace + "/" + name + " does not exist");
        return function;
    }

    private static String key(String namespace, String name) {
        return namespace + "/" + name;
    }
}
