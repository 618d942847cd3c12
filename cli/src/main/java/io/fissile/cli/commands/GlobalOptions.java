package io.fissile.cli.commands;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code --server}, {@code --router}, {@code --kube-context}, {@code --kubeconfig}, {@code -n/--namespace},
 * {@code -v/--verbosity} and {@code -h/--help}: accepted
 * by {@code fissile}, by each group and by each command, so that they may come before or after a
 * command's name. Every command carries its own copy (rather than picocli's inherited options) so
 * that commands from other modules, which declare their own {@code -n} or {@code -h}, fit in the tree.
 */
public final class GlobalOptions {
    /** The name of this mixin in every command that carries it. */
    public static final String MIXIN = "global";

    @Option(names = "--server", paramLabel = "URL",
            description = "The Fissile controller (default: $" + RootCommand.SERVER_ENV + ", else " + RootCommand.DEFAULT_SERVER + ")")
    String server;

    @Option(names = "--router", paramLabel = "URL",
            description = "The Fissile router, which fn test calls (default: $" + RootCommand.ROUTER_ENV + ", else " + RootCommand.DEFAULT_ROUTER + ")")
    String router;

    @Option(names = "--kube-context", paramLabel = "CONTEXT",
            description = "Reach Fissile installed in this Kubernetes context (a port-forward to its controller and router) "
                    + "when neither --server nor $" + RootCommand.SERVER_ENV + " is set")
    String kubeContext;

    @Option(names = "--kubeconfig", paramLabel = "FILE",
            description = "The kubeconfig file for --kube-context (default: $KUBECONFIG, else ~/.kube/config); "
                    + "given alone, its current context is used")
    String kubeconfig;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NAMESPACE",
            description = "The namespace of the objects (default: " + Session.DEFAULT_NAMESPACE + ")")
    String namespace;

    @Option(names = {"-v", "--verbosity"}, paramLabel = "LEVEL", description = "CLI verbosity (0 is quiet, 1 is the default, 2 is verbose)")
    Integer verbosity;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help")
    boolean help;

    /** The options as given to a command and the groups above it: the value given closest to the command wins. */
    static GlobalOptions resolve(CommandSpec command) {
        GlobalOptions resolved = new GlobalOptions();
        for (CommandSpec spec = command; spec != null; spec = spec.parent()) {
            CommandSpec mixin = spec.mixins().get(MIXIN);
            if (mixin == null || !(mixin.userObject() instanceof GlobalOptions given)) continue;
            if (resolved.server == null) resolved.server = given.server;
            if (resolved.router == null) resolved.router = given.router;
            if (resolved.kubeContext == null) resolved.kubeContext = given.kubeContext;
            if (resolved.kubeconfig == null) resolved.kubeconfig = given.kubeconfig;
            if (resolved.namespace == null) resolved.namespace = given.namespace;
            if (resolved.verbosity == null) resolved.verbosity = given.verbosity;
        }
        return resolved;
    }

    String server() {
        return server;
    }

    String router() {
        return router;
    }

    String kubeContext() {
        return kubeContext;
    }

    String kubeconfig() {
        return kubeconfig;
    }

    String namespace() {
        return namespace;
    }

    int verbosity() {
        return verbosity == null ? RootCommand.DEFAULT_VERBOSITY : verbosity;
    }
}
