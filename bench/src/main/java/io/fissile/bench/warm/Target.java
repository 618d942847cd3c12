package io.fissile.bench.warm;

/**
 * The ways to the same instance that the warm path compares. nginx runs twice: as usually set up
 * (it sends the instance the client's request with little more than Host), and sending the headers
 * the router must send (forwarding and Fission's), so that the instance gets the same request from
 * both proxies and only the proxies differ.
 */
public enum Target {
    DIRECT("direct to the instance"),
    NGINX("nginx -> instance"),
    NGINX_AS_ROUTER("nginx, the router's headers -> instance"),
    ROUTER("Fissile router -> instance");

    private final String description;

    Target(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    public String key() {
        return name().toLowerCase();
    }
}
