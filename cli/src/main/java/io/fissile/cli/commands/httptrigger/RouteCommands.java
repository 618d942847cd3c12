package io.fissile.cli.commands.httptrigger;

import io.fissile.api.v1.FunctionReference;
import io.fissile.api.v1.HTTPTrigger;
import io.fissile.api.v1.IngressConfig;
import io.fissile.api.v1.Kinds;
import io.fissile.cli.commands.CommandGroup;
import io.fissile.cli.commands.resource.GetResource;
import io.fissile.cli.commands.resource.ResourceType;
import io.fissile.cli.output.Cells;
import io.fissile.cli.output.Column;
import picocli.CommandLine;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** {@code fissile httptrigger} (aliases {@code ht}, {@code route}). */
public final class RouteCommands {
    public static final ResourceType<HTTPTrigger> TYPE = new ResourceType<>(Kinds.HTTP_TRIGGER, "trigger", "HTTP triggers", "route",
            List.of(Column.of("NAME", HTTPTrigger::name),
                    Column.of("METHOD", t -> "[" + String.join(" ", t.spec().effectiveMethods()) + "]"),
                    Column.of("URL", t -> t.spec().relativeUrl() != null && !t.spec().relativeUrl().isEmpty()
                            ? t.spec().relativeUrl() : t.spec().prefix()),
                    Column.of("FUNCTION(s)", t -> functions(t.spec().functionRef())),
                    Column.of("INGRESS", t -> Cells.bool(t.spec().createIngress())),
                    Column.of("HOST", t -> ingressOr(t, IngressConfig::host, t.spec().host())),
                    Column.of("PATH", t -> ingressOr(t, IngressConfig::path, t.spec().relativeUrl())),
                    Column.of("TLS", t -> ingressOr(t, IngressConfig::tls, null)),
                    Column.of("ANNOTATIONS", t -> t.spec().ingressConfig() == null || t.spec().ingressConfig().annotations() == null ? null
                            : t.spec().ingressConfig().annotations().entrySet().stream()
                            .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", "))),
                    Column.of("NAMESPACE", HTTPTrigger::namespace)));

    private RouteCommands() {
    }

    public static CommandLine commandLine() {
        return CommandGroup.of("httptrigger", new String[]{"ht", "route"}, "Create, update and manage HTTP triggers",
                new RouteCreate(),
                GetResource.command(TYPE),
                new RouteUpdate(),
                new RouteDelete(),
                new RouteList());
    }

    /** One function by name, or each function with its weight ({@code old:80 new:20}). */
    static String functions(FunctionReference ref) {
        if (ref == null) return null;
        if (FunctionReference.TYPE_NAME.equals(ref.effectiveType())) return ref.name();
        return ref.functionWeights() == null ? null : ref.functionWeights().entrySet().stream()
                .map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(" "));
    }

    private static String ingressOr(HTTPTrigger t, Function<IngressConfig, String> field, String fallback) {
        String value = t.spec().ingressConfig() == null ? null : field.apply(t.spec().ingressConfig());
        return value == null || value.isEmpty() ? fallback : value;
    }
}
