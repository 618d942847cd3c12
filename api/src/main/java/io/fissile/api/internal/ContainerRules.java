package io.fissile.api.internal;

import io.fissile.api.v1.Container;
import io.fissile.api.v1.ContainerPort;
import io.fissile.api.v1.PodSpec;

import java.util.List;

/**
 * The rules for the pod spec of a function of executor type container: one container, naming a
 * command (run locally) or an image (run in Kubernetes), serving HTTP on one port.
 */
final class ContainerRules {
    static final int MAX_PORT = 65535;

    private ContainerRules() {
    }

    /** Checks {@code podspec}; {@code p} is the function spec's problems. */
    static void check(PodSpec podSpec, Problems p) {
        if (podSpec == null) {
            p.add("podspec", "is required for executor type container");
            return;
        }
        List<Container> containers = podSpec.containers();
        int count = containers == null ? 0 : containers.size();
        if (count != 1) {
            p.at("podspec").add("containers", "needs exactly one container for executor type container, not " + count);
            return;
        }
        Problems c = p.at("podspec").at("containers", 0);
        Container container = containers.getFirst();
        if (container == null) {
            c.add("", "is empty");
            return;
        }
        if (!container.hasCommand() && !container.hasImage()) {
            c.add("command", "is required when there is no image: the program to run (or give an image to run in Kubernetes)");
        }
        ports(container.ports(), c);
        EnvVarRules.check(container.env(), c);
    }

    private static void ports(List<ContainerPort> ports, Problems c) {
        int count = ports == null ? 0 : ports.size();
        if (count != 1) {
            c.add("ports", "needs exactly one port, the one the container serves HTTP on, not " + count);
            return;
        }
        ContainerPort port = ports.getFirst();
        Problems portProblems = c.at("ports", 0);
        if (port == null || port.containerPort() == null) {
            portProblems.add("containerPort", "is required");
        } else {
            portProblems.between("containerPort", port.containerPort(), 1, MAX_PORT);
        }
    }
}
