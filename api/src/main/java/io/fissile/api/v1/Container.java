package io.fissile.api.v1;

import io.fissile.api.Extensible;

import java.util.List;

/**
 * One container of a pod spec, as Kubernetes writes it. Locally, {@code command} and {@code args}
 * are the program a container function runs; in Kubernetes, {@code image} names what runs.
 */
public final class Container extends Extensible {
    private String name;
    private String image;
    private List<String> command;
    private List<String> args;
    private List<ContainerPort> ports;
    private List<EnvVar> env;

    public String name() { return name; }
    public Container name(String name) { this.name = name; return this; }

    public String image() { return image; }
    public Container image(String image) { this.image = image; return this; }

    /** The program and its first arguments; null or empty when the image's own entrypoint runs. */
    public List<String> command() { return command; }
    public Container command(List<String> command) { this.command = command; return this; }

    /** Arguments after the command. */
    public List<String> args() { return args; }
    public Container args(List<String> args) { this.args = args; return this; }

    public List<ContainerPort> ports() { return ports; }
    public Container ports(List<ContainerPort> ports) { this.ports = ports; return this; }

    public List<EnvVar> env() { return env; }
    public Container env(List<EnvVar> env) { this.env = env; return this; }

    public boolean hasCommand() {
        return command != null && !command.isEmpty() && command.getFirst() != null && !command.getFirst().isBlank();
    }

    public boolean hasImage() {
        return image != null && !image.isBlank();
    }

    /** The port the container serves HTTP on: its only port's number, or null unless it has exactly one. */
    public Integer servingPort() {
        return ports != null && ports.size() == 1 && ports.getFirst() != null ? ports.getFirst().containerPort() : null;
    }
}
