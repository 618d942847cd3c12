package io.fissile.api.v1;

import io.fissile.api.Extensible;

import java.util.ArrayList;
import java.util.List;

/**
 * The part of a Kubernetes PodSpec a function's {@code spec.podspec} gives the container executor:
 * its containers. Every other pod field (volumes, grace period, pull secrets) is kept as written.
 */
public final class PodSpec extends Extensible {
    private List<Container> containers;

    public static PodSpec of(Container container) {
        PodSpec podSpec = new PodSpec();
        podSpec.containers = new ArrayList<>(List.of(container));
        return podSpec;
    }

    public List<Container> containers() { return containers; }
    public PodSpec containers(List<Container> containers) { this.containers = containers; return this; }

    /** The one container of a container function; null unless there is exactly one. */
    public Container onlyContainer() {
        return containers != null && containers.size() == 1 ? containers.getFirst() : null;
    }
}
