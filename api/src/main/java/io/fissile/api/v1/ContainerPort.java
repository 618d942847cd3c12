package io.fissile.api.v1;

import io.fissile.api.Extensible;

/** A port a container listens on; Fission names a function's serving port {@code http-env}. */
public final class ContainerPort extends Extensible {
    private String name;
    private Integer containerPort;

    public static ContainerPort http(int port) {
        ContainerPort containerPort = new ContainerPort();
        containerPort.name = HTTP_NAME;
        containerPort.containerPort = port;
        return containerPort;
    }

    public String name() { return name; }
    public ContainerPort name(String name) { this.name = name; return this; }

    public Integer containerPort() { return containerPort; }
    public ContainerPort containerPort(Integer containerPort) { this.containerPort = containerPort; return this; }

    public static final String HTTP_NAME = "http-env";
    /** The port Fission's CLI gives a container when none is named (the runtime port of its environments). */
    public static final int DEFAULT_PORT = 8888;
}
