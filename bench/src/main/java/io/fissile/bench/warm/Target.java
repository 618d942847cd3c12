package io.fissile.bench.warm;

/** The three ways to the same instance that the warm path compares. */
public enum Target {
    DIRECT("direct to the instance"),
    NGINX("nginx -> instance"),
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
