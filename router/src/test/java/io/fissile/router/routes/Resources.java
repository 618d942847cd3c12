package io.fissile.router.routes;

import io.fissile.api.v1.Function;
import io.fissile.api.v1.FunctionReference;
import io.fissile.api.v1.HTTPTrigger;
import io.fissile.api.v1.HTTPTriggerSpec;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/** Functions and HTTPTriggers as the store would hold them, for route table tests. */
final class Resources {
    private static final Instant EPOCH = Instant.parse("2025-01-01T00:00:00Z");

    private Resources() {
    }

    static Function function(String namespace, String name) {
        Function function = new Function();
        function.metadata().namespace(namespace).name(name).uid("uid-" + name).resourceVersion("7")
                .creationTimestamp(EPOCH.toString());
        return function;
    }

    static Function function(String name) {
        return function("default", name);
    }

    /** A trigger created {@code age} seconds after the epoch: larger is newer. */
    static HTTPTrigger trigger(String namespace, String name, int age, Consumer<HTTPTriggerSpec> spec) {
        HTTPTrigger trigger = new HTTPTrigger();
        trigger.metadata().namespace(namespace).name(name).creationTimestamp(EPOCH.plusSeconds(age).toString());
        spec.accept(trigger.spec());
        return trigger;
    }

    static HTTPTrigger trigger(String name, int age, Consumer<HTTPTriggerSpec> spec) {
        return trigger("default", name, age, spec);
    }

    /** A GET route from {@code url} to the function of the same name as the trigger. */
    static HTTPTrigger route(String name, int age, String url) {
        return trigger(name, age, s -> s.relativeUrl(url).functionRef(FunctionReference.byName(name)));
    }

    static HTTPTrigger prefixRoute(String name, int age, String prefix, boolean keepPrefix) {
        return trigger(name, age, s -> s.prefix(prefix).keepPrefix(keepPrefix).functionRef(FunctionReference.byName(name)));
    }

    static RouteTable table(List<HTTPTrigger> triggers, List<Function> functions) {
        RouteTableBuild build = RouteTableBuilder.build(triggers, functions);
        return build.table();
    }
}
