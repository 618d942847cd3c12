package io.fissile.api.v1;

import io.fissile.api.Extensible;

import java.util.Map;

/** How an HTTP trigger is exposed through a Kubernetes Ingress. */
public final class IngressConfig extends Extensible {
    private Map<String, String> annotations;
    private String path;
    private String host;
    private String tls;

    public Map<String, String> annotations() { return annotations; }
    public IngressConfig annotations(Map<String, String> annotations) { this.annotations = annotations; return this; }

    public String path() { return path; }
    public IngressConfig path(String path) { this.path = path; return this; }

    public String host() { return host; }
    public IngressConfig host(String host) { this.host = host; return this; }

    public String tls() { return tls; }
    public IngressConfig tls(String tls) { this.tls = tls; return this; }
}
