package io.fissile.cli.commands.function;

import io.fissile.api.v1.FunctionSpec;
import io.fissile.api.v1.Reference;
import io.fissile.cli.commands.CliException;
import picocli.CommandLine.Option;

import java.util.List;

/**
 * The flags every kind of function takes alike, environment-based or container: its time limits and
 * the secrets and config maps it reads.
 */
final class InvocationFlags {

    @Option(names = {"--fntimeout", "--ft", "-t"}, paramLabel = "SECONDS",
            description = "Maximum time a request may wait for the function's response (default: 60)")
    Integer functionTimeout;

    @Option(names = "--idletimeout", paramLabel = "SECONDS",
            description = "Time a function may sit idle before its instances are recycled (default: 120)")
    Integer idleTimeout;

    @Option(names = "--secret", paramLabel = "SECRET", description = "A secret the function can read; repeat for several (update replaces the list)")
    List<String> secrets;

    @Option(names = "--configmap", paramLabel = "CONFIGMAP", description = "A configmap the function can read; repeat for several (update replaces the list)")
    List<String> configmaps;

    /** Sets the fields whose flags were given; names without a namespace are in {@code namespace}. */
    void applyTo(FunctionSpec spec, String namespace) {
        if (functionTimeout != null) {
            if (functionTimeout <= 0) throw new CliException("--fntimeout must be greater than 0");
            spec.functionTimeout(functionTimeout);
        }
        if (idleTimeout != null) spec.idleTimeout(idleTimeout);
        if (secrets != null) spec.secrets(references(secrets, namespace));
        if (configmaps != null) spec.configmaps(references(configmaps, namespace));
    }

    private static List<Reference> references(List<String> names, String namespace) {
        return names.stream().map(name -> Reference.to(name).namespace(namespace)).toList();
    }
}
