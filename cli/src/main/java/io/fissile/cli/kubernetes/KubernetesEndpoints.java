package io.fissile.cli.kubernetes;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.LocalPortForward;
import io.fissile.cli.commands.CliException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The controller and router of Fissile installed in a Kubernetes cluster, reached as Fission's CLI
 * reaches Fission's: through a port-forward to their services, opened on first use over the
 * kubeconfig's credentials. The Helm chart installs them as services {@value #CONTROLLER_SERVICE}
 * (port {@value #CONTROLLER_PORT}) and {@value #ROUTER_SERVICE} (port {@value #ROUTER_PORT}) in the
 * namespace {@value #NAMESPACE}.
 */
public final class KubernetesEndpoints implements AutoCloseable {
    public static final String NAMESPACE = "fissile";
    public static final String CONTROLLER_SERVICE = "controller";
    public static final int CONTROLLER_PORT = 8889;
    public static final String ROUTER_SERVICE = "router";
    public static final int ROUTER_PORT = 8888;

    private final Path kubeconfig;
    private final String context;
    private final List<AutoCloseable> opened = new ArrayList<>();
    private KubernetesClient client;
    private String controllerUrl;
    private String routerUrl;

    /**
     * @param kubeconfig the kubeconfig file, or null for {@code $KUBECONFIG} or {@code ~/.kube/config}
     * @param context    the context, or null for the kubeconfig's current one
     */
    public KubernetesEndpoints(Path kubeconfig, String context) {
        this.kubeconfig = kubeconfig;
        this.context = context;
    }

    /** The controller's URL on this machine, forwarded to the controller service. */
    public synchronized String controllerUrl() {
        if (controllerUrl == null) controllerUrl = forward(CONTROLLER_SERVICE, CONTROLLER_PORT, "--server URL or FISSILE_URL");
        return controllerUrl;
    }

    /** The router's URL on this machine, forwarded to the router service. */
    public synchronized String routerUrl() {
        if (routerUrl == null) routerUrl = forward(ROUTER_SERVICE, ROUTER_PORT, "--router URL or FISSILE_ROUTER_URL");
        return routerUrl;
    }

    private String forward(String service, int port, String alternative) {
        String where = "service " + NAMESPACE + "/" + service + " in Kubernetes context "
                + (context == null ? "(the current one)" : "\"" + context + "\"");
        try {
            LocalPortForward forward = client().services().inNamespace(NAMESPACE).withName(service).portForward(port);
            opened.add(forward);
            return "http://127.0.0.1:" + forward.getLocalPort();
        } catch (KubernetesClientException | IllegalStateException e) {
            throw unreachable("cannot reach the Fissile " + service + " through the " + where + ": "
                    + e.getMessage() + ". Is Fissile installed there (deploy/README.md)? Else set " + alternative + ".", e);
        }
    }

    private KubernetesClient client() {
        if (client == null) {
            Config config;
            if (kubeconfig == null) {
                config = Config.autoConfigure(context);
            } else {
                if (!Files.isReadable(kubeconfig)) {
                    throw unreachable("--kubeconfig: cannot read " + kubeconfig, null);
                }
                try {
                    config = Config.fromKubeconfig(context, kubeconfig.toFile());
                } catch (RuntimeException e) {
                    throw unreachable("--kubeconfig " + kubeconfig + ": " + e.getMessage(), e);
                }
            }
            // fabric8 falls back to the current context when the one named is missing: say so instead.
            if (context != null && (config.getCurrentContext() == null
                    || !context.equals(config.getCurrentContext().getName()))) {
                throw unreachable("--kube-context: no context \"" + context + "\" in "
                        + (kubeconfig == null ? "the kubeconfig" : kubeconfig.toString()), null);
            }
            client = new KubernetesClientBuilder().withConfig(config).build();
            opened.add(client);
        }
        return client;
    }

    /** Kubernetes could not be reached as asked: a user error whose message says what to change. */
    private static CliException unreachable(String message, Throwable cause) {
        CliException e = new CliException(message);
        if (cause != null) e.initCause(cause);
        return e;
    }

    @Override
    public synchronized void close() {
        for (AutoCloseable closeable : opened.reversed()) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // Closing on the way out: nothing left to tell the user.
            }
        }
        opened.clear();
    }
}
