package io.fissile.spec.internal.cli;

import picocli.CommandLine.Option;

/** The namespace for objects that name none ({@code --namespace}, or FISSION_DEFAULT_NAMESPACE as in Fission). */
public final class NamespaceOptions {
    @Option(names = {"-n", "--namespace"}, paramLabel = "NAMESPACE", defaultValue = "${env:FISSION_DEFAULT_NAMESPACE:-default}",
            description = "Namespace for objects that name none (default: ${DEFAULT-VALUE})")
    String namespace;

    public String namespace() {
        return namespace;
    }
}
