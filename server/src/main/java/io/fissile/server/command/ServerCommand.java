package io.fissile.server.command;

import io.fissile.api.Quantity;
import io.fissile.server.FissileServer;
import io.fissile.server.KubernetesMode;
import io.fissile.server.ServerOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code fissile server}: runs the whole platform in this process until it is stopped. */
@Command(name = "server",
        description = "Run Fissile on this machine: the router, the functions' instances, the controller API, "
                + "the store and the archives.")
public final class ServerCommand implements Callable<Integer> {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help")
    boolean help;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where resources, archives and logs are kept (default: ~/.fissile).")
    Path dataDirectory = ServerOptions.defaultDataDirectory();

    @Option(names = "--address", paramLabel = "ADDRESS", defaultValue = ServerOptions.DEFAULT_ADDRESS,
            description = "The address to listen on (default: ${DEFAULT-VALUE}).")
    String address;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "" + ServerOptions.DEFAULT_ROUTER_PORT,
            description = "The router's port, where functions answer (default: ${DEFAULT-VALUE}).")
    int routerPort;

    @Option(names = "--api-port", paramLabel = "PORT", defaultValue = "" + ServerOptions.DEFAULT_API_PORT,
            description = "The controller API's port, which the CLI uses (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int apiPort;

    @Option(names = "--kubernetes",
            description = "Run on Kubernetes: resources are the cluster's fission.io custom resources (deploy/crds), "
                    + "Secrets and ConfigMaps; functions run in pods. Inside a pod its service account is used, "
                    + "else the kubeconfig.")
    boolean kubernetes;

    @Option(names = "--kubeconfig", paramLabel = "FILE",
            description = "With --kubernetes: the kubeconfig (default: $KUBECONFIG, else ~/.kube/config).")
    Path kubeconfig;

    @Option(names = "--kube-context", paramLabel = "CONTEXT",
            description = "With --kubernetes: the kubeconfig's context (default: its current one).")
    String kubeContext;

    @Spec
    CommandSpec spec;

    @Option(names = "--max-archive-size", paramLabel = "SIZE", defaultValue = "1Gi",
            description = "The largest archive an upload may send, e.g. 512Mi or 2Gi (default: ${DEFAULT-VALUE}).")
    String maxArchiveSize;

    @Override
    public Integer call() throws Exception {
        ServerOptions options = new ServerOptions(dataDirectory.toAbsolutePath(), address, routerPort, apiPort,
                Quantity.parse(maxArchiveSize).longValueExact());
        if (!kubernetes && (kubeconfig != null || kubeContext != null)) {
            throw new ParameterException(spec.commandLine(), "--kubeconfig and --kube-context go with --kubernetes");
        }
        if (kubernetes) {
            try {
                options = options.withKubernetes(KubernetesMode.fromEnvironment(kubeconfig, kubeContext, System.getenv()));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        CountDownLatch stopped = new CountDownLatch(1);
        FissileServer server = FissileServer.start(options);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "fissile-shutdown"));
        if (!server.capabilities().sandboxed() || !server.capabilities().memoryLimits()) {
            System.out.println("Note: " + server.capabilities().notes());
        }
        // The line tests and scripts wait for: everything is listening.
        System.out.println("Fissile is running: router at " + server.routerUrl() + " (FISSILE_ROUTER_URL), controller API at "
                + server.apiUrl() + " (FISSILE_URL), data in " + options.dataDirectory());
        System.out.flush();
        stopped.await();
        return 0;
    }
}
