package io.fissile.cli.commands.httptrigger;

import io.fissile.api.v1.FunctionReference;
import io.fissile.api.v1.HTTPTriggerSpec;
import io.fissile.api.v1.IngressConfig;
import io.fissile.cli.commands.CliException;
import io.fissile.cli.commands.resource.FieldFlags;
import io.fissile.cli.options.KeyValues;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The flags {@code route create} and {@code route update} share; each changes only its own field. */
public final class RouteFlags {
    static final FieldFlags FIELDS = FieldFlags.of(
            "spec.relativeurl", "--url",
            "spec.prefix", "--prefix",
            "spec.methods", "--method",
            "spec.method", "--method",
            "spec.functionref", "--function",
            "spec.host", "--host",
            "spec.ingressconfig.host", "--ingressrule",
            "spec.ingressconfig.path", "--ingressrule",
            "spec.ingressconfig.annotations", "--ingressannotation");

    /** Written as a flag's value, removes that setting ({@code --ingresstls -}), as in Fission. */
    private static final String REMOVE = "-";

    @Option(names = "--url", paramLabel = "URL", description = "URL pattern, with {param} and {param:regex} parts")
    String url;

    @Option(names = "--prefix", paramLabel = "PREFIX", description = "Route every path under this prefix (takes precedence over --url)")
    String prefix;

    @Option(names = "--keepprefix", arity = "0..1", paramLabel = "true|false",
            description = "Keep the prefix in the URL passed to the function")
    Boolean keepPrefix;

    @Option(names = "--method", paramLabel = "METHOD", description = "HTTP method; repeat for several (default on create: GET)")
    List<String> methods;

    @Option(names = "--function", paramLabel = "FUNCTION",
            description = "Function the route calls; give two, with --weight each, to split traffic for a canary")
    List<String> functions;

    @Option(names = "--weight", paramLabel = "PERCENT", description = "Weight of each --function, in the same order; they add up to 100")
    List<Integer> weights;

    @Option(names = "--host", paramLabel = "HOST", description = "Host the route answers for (deprecated in Fission: use --ingressrule)")
    String host;

    @Option(names = "--createingress", arity = "0..1", paramLabel = "true|false", description = "Create an ingress with the same URL")
    Boolean createIngress;

    @Option(names = "--ingressrule", paramLabel = "HOST=PATH", description = "Host and path of the ingress rule; - for the defaults")
    String ingressRule;

    @Option(names = "--ingressannotation", paramLabel = "KEY=VALUE", description = "Annotation for the ingress; repeat for several; - removes them")
    List<String> ingressAnnotations;

    @Option(names = "--ingresstls", paramLabel = "SECRET", description = "Secret holding the ingress's TLS key and certificate; - removes it")
    String ingressTls;

    boolean functionsGiven() {
        return functions != null && !functions.isEmpty();
    }

    /** Sets the fields whose flags were given. */
    void applyTo(HTTPTriggerSpec spec) {
        if (url != null) spec.relativeUrl(path("--url", url));
        if (prefix != null) spec.prefix(path("--prefix", prefix));
        if (keepPrefix != null) spec.keepPrefix(keepPrefix);
        if (methods != null && !methods.isEmpty()) spec.methods(methods.stream().map(m -> m.toUpperCase(Locale.ROOT)).toList());
        if (functionsGiven()) spec.functionRef(functionReference());
        if (host != null) spec.host(host);
        if (createIngress != null) spec.createIngress(createIngress);
        if (ingressRule != null || ingressAnnotations != null || ingressTls != null || Boolean.TRUE.equals(createIngress)) {
            spec.ingressConfig(ingress(spec));
        }
    }

    /** One function by name, or two by weight as Fission allows. */
    private FunctionReference functionReference() {
        if (functions.size() == 1) {
            if (weights != null && !weights.isEmpty()) throw new CliException("--weight is only used with two --function flags");
            return FunctionReference.byName(functions.get(0));
        }
        if (functions.size() != 2) {
            throw new CliException("a route calls one function, or two with --weight each for a canary; got " + functions.size());
        }
        if (weights == null || weights.size() != 2) throw new CliException("give a --weight for each of the two functions");
        if (weights.get(0) + weights.get(1) != 100) throw new CliException("the --weight values must add up to 100");
        Map<String, Integer> byFunction = new LinkedHashMap<>();
        byFunction.put(functions.get(0), weights.get(0));
        byFunction.put(functions.get(1), weights.get(1));
        return new FunctionReference().type(FunctionReference.TYPE_FUNCTION_WEIGHTS).functionWeights(byFunction);
    }

    /** Fission's ingress rules: host "*" and the route's own path unless a rule says otherwise; "-" removes a setting. */
    private IngressConfig ingress(HTTPTriggerSpec spec) {
        IngressConfig config = spec.ingressConfig() == null ? new IngressConfig() : spec.ingressConfig();
        String routePath = spec.prefix() != null && !spec.prefix().isEmpty() ? spec.prefix() : spec.relativeUrl();
        if (ingressRule != null && !ingressRule.equals(REMOVE)) {
            String[] hostAndPath = ingressRule.split("=", -1);
            if (hostAndPath.length != 2 || hostAndPath[0].isEmpty() || hostAndPath[1].isEmpty()) {
                throw new CliException("--ingressrule \"" + ingressRule + "\" is not HOST=PATH");
            }
            config.host(hostAndPath[0]).path(hostAndPath[1]);
        } else if (REMOVE.equals(ingressRule) || config.host() == null || config.host().isEmpty()) {
            config.host("*").path(routePath);
        }
        if (ingressAnnotations != null) {
            config.annotations(ingressAnnotations.contains(REMOVE) ? null : merged(config.annotations()));
        }
        if (ingressTls != null) config.tls(ingressTls.equals(REMOVE) ? null : ingressTls);
        return config;
    }

    private Map<String, String> merged(Map<String, String> existing) {
        Map<String, String> annotations = existing == null ? new LinkedHashMap<>() : new LinkedHashMap<>(existing);
        annotations.putAll(KeyValues.parse("--ingressannotation", ingressAnnotations));
        return annotations;
    }

    /** A route path starts with '/', and is more than '/' alone. */
    public static String path(String flag, String value) {
        if (value.isEmpty()) return value;
        if (value.equals("/")) throw new CliException(flag + " / is not allowed: a route needs more than the root path");
        return value.startsWith("/") ? value : "/" + value;
    }
}
