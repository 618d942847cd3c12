package io.fissile.router.routes;

import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** One way into a function: a path template, the methods and host it answers, and its target. */
public final class Route {
    private final PathTemplate template;
    private final Set<String> methods;
    private final String host;
    private final boolean keepPrefix;
    private final FunctionTarget target;
    private final RouteOrder order;
    private final String source;
    private final String[] parameterHeaders;

    private Route(PathTemplate template, Set<String> methods, String host, boolean keepPrefix,
                  FunctionTarget target, RouteOrder order, String source) {
        this.template = Objects.requireNonNull(template, "template");
        this.methods = methods;
        this.host = host;
        this.keepPrefix = keepPrefix;
        this.target = Objects.requireNonNull(target, "target");
        this.order = Objects.requireNonNull(order, "order");
        this.source = Objects.requireNonNull(source, "source");
        this.parameterHeaders = template.parameterNames().stream().map(ParameterHeaders::forParameter).toArray(String[]::new);
    }

    /**
     * @param methods    the methods answered (any case), or null for every method
     * @param host       the Host (without port) this route is limited to, or null/empty for any
     * @param keepPrefix for a prefix route: forward the whole path instead of what follows the prefix
     * @param source     what the route comes from, for logs (e.g. {@code HTTPTrigger default/hello})
     */
    public static Route of(PathTemplate template, Collection<String> methods, String host, boolean keepPrefix,
                           FunctionTarget target, RouteOrder order, String source) {
        Set<String> methodSet = methods == null ? null
                : methods.stream().map(m -> m.toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        String hostName = host == null || host.isEmpty() ? null : host.toLowerCase(Locale.ROOT);
        return new Route(template, methodSet, hostName, keepPrefix, target, order, source);
    }

    public PathTemplate template() {
        return template;
    }

    public RouteKind kind() {
        return template.kind();
    }

    /** Null when the route answers every method. */
    public Set<String> methods() {
        return methods;
    }

    /** Null when the route answers any host. */
    public String host() {
        return host;
    }

    public boolean keepPrefix() {
        return keepPrefix;
    }

    public FunctionTarget target() {
        return target;
    }

    public RouteOrder order() {
        return order;
    }

    public String source() {
        return source;
    }

    /** The header that carries parameter {@code index} to the function, or null when it has none. */
    public String parameterHeader(int index) {
        return parameterHeaders[index];
    }

    boolean allows(String method) {
        return methods == null || methods.contains(method);
    }

    boolean requiresTrailingSlash() {
        return template.requiresTrailingSlash();
    }

    @Override
    public String toString() {
        return (methods == null ? "*" : String.join(",", methods)) + " " + (host == null ? "" : host) + template
                + (kind() == RouteKind.PREFIX ? " (prefix)" : "") + " from " + source;
    }
}
