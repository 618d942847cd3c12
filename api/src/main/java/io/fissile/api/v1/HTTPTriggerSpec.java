package io.fissile.api.v1;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fissile.api.Extensible;

import java.util.List;

/** An HTTP route to a function. */
public final class HTTPTriggerSpec extends Extensible {
    private String host;
    @JsonProperty("relativeurl")
    private String relativeUrl;
    private String prefix;
    private Boolean keepPrefix;
    private String method;
    private List<String> methods;
    @JsonProperty("functionref")
    private FunctionReference functionRef;
    @JsonProperty("createingress")
    private Boolean createIngress;
    @JsonProperty("ingressconfig")
    private IngressConfig ingressConfig;

    public String host() { return host; }
    public HTTPTriggerSpec host(String host) { this.host = host; return this; }

    /** A path with {@code {name}} and {@code {name:regex}} parameters. */
    public String relativeUrl() { return relativeUrl; }
    public HTTPTriggerSpec relativeUrl(String relativeUrl) { this.relativeUrl = relativeUrl; return this; }

    /** Matches every path under this prefix. */
    public String prefix() { return prefix; }
    public HTTPTriggerSpec prefix(String prefix) { this.prefix = prefix; return this; }

    /** Pass the prefix on to the function instead of stripping it. */
    public Boolean keepPrefix() { return keepPrefix; }
    public HTTPTriggerSpec keepPrefix(Boolean keepPrefix) { this.keepPrefix = keepPrefix; return this; }

    /** Deprecated single method; see {@code methods}. */
    public String method() { return method; }
    public HTTPTriggerSpec method(String method) { this.method = method; return this; }

    public List<String> methods() { return methods; }
    public HTTPTriggerSpec methods(List<String> methods) { this.methods = methods; return this; }

    public FunctionReference functionRef() { return functionRef; }
    public HTTPTriggerSpec functionRef(FunctionReference functionRef) { this.functionRef = functionRef; return this; }

    public Boolean createIngress() { return createIngress; }
    public HTTPTriggerSpec createIngress(Boolean createIngress) { this.createIngress = createIngress; return this; }

    public IngressConfig ingressConfig() { return ingressConfig; }
    public HTTPTriggerSpec ingressConfig(IngressConfig ingressConfig) { this.ingressConfig = ingressConfig; return this; }

    /** The methods this route answers: {@code methods}, else {@code method}, else GET. */
    public List<String> effectiveMethods() {
        if (methods != null && !methods.isEmpty()) return methods;
        if (method != null && !method.isEmpty()) return List.of(method);
        return List.of("GET");
    }
}
