package io.fissile.api.v1;

import io.fissile.api.Extensible;

/** An environment variable of a function's instances, as a Kubernetes EnvVar writes it: {@code {name, value}}. */
public final class EnvVar extends Extensible {
    private String name;
    private String value;

    public static EnvVar of(String name, String value) {
        EnvVar variable = new EnvVar();
        variable.name = name;
        variable.value = value;
        return variable;
    }

    public String name() { return name; }
    public EnvVar name(String name) { this.name = name; return this; }

    /** The value; null reads as empty, as in Kubernetes. */
    public String value() { return value; }
    public EnvVar value(String value) { this.value = value; return this; }
}
