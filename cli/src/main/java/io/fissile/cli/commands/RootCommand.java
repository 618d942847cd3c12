package io.fissile.cli.commands;

import io.fissile.cli.CliContext;
import io.fissile.cli.kubernetes.KubernetesEndpoints;
import io.fissile.client.ControllerClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;
import java.util.function.Supplier;

/** {@code fissile} itself: where the global options start, and the maker of each command's session. */
@Command(name = "fissile",
        description = {"Fissile: fast and simple serverless functions, with Fission's commands.", ""},
        synopsisSubcommandLabel = "COMMAND")
public final class RootCommand implements Callable<Integer> {
    public static final String SERVER_ENV = "FISSILE_URL";
    public static final String DEFAULT_SERVER = "http://127.0.0.1:8889";
    public static final String ROUTER_ENV = "FISSILE_ROUTER_URL";
    public static final String DEFAULT_ROUTER = "http://127.0.0.1:8888";
    public static final int DEFAULT_VERBOSITY = 1;

    @Mixin(name = GlobalOptions.MIXIN)
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    private final CliContext context;

    public RootCommand(CliContext context) {
        this.context = context;
    }

    /** Without a command, {@code fissile} shows what it can do. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** A session for one run of {@code command}, from the global options given on its command line. */
    Session newSession(CommandSpec command) {
        GlobalOptions options = GlobalOptions.resolve(command);
        KubernetesEndpoints cluster = kubernetes(options);
        return new Session(context,
                url(options.server(), SERVER_ENV, DEFAULT_SERVER, cluster == null ? null : cluster::controllerUrl),
                url(options.router(), ROUTER_ENV, DEFAULT_ROUTER, cluster == null ? null : cluster::routerUrl),
                options.namespace(), options.verbosity(), spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /**
     * The URL given as a flag, else in the environment variable, else through the Kubernetes
     * cluster {@code --kube-context}/{@code --kubeconfig} select, else the default.
     */
    private Supplier<String> url(String flag, String environmentVariable, String defaultUrl, Supplier<String> throughCluster) {
        if (flag != null && !flag.isBlank()) return () -> flag;
        String fromEnvironment = context.environment().get(environmentVariable);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) return () -> fromEnvironment;
        return throughCluster != null ? throughCluster : () -> defaultUrl;
    }

    /** The cluster --kube-context or --kubeconfig select, or null when neither is given; its forwards close when the process ends. */
    private KubernetesEndpoints kubernetes(GlobalOptions options) {
        String kubeContext = blankToNull(options.kubeContext());
        String kubeconfig = blankToNull(options.kubeconfig());
        if (kubeContext == null && kubeconfig == null) return null;
        KubernetesEndpoints endpoints = new KubernetesEndpoints(
                kubeconfig == null ? null : context.workingDirectory().resolve(kubeconfig), kubeContext);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(endpoints::close));
        return endpoints;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /**
     * The controller client as {@code --server} given to {@code fissile} or {@code FISSILE_URL}
     * names it: for commands of other modules under {@code fissile}, such as {@code spec}.
     */
    public ControllerClient controllerClient() {
        return newSession(spec).client();
    }
}
