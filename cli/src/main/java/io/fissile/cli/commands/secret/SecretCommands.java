package io.fissile.cli.commands.secret;

import io.fissile.api.v1.Kinds;
import io.fissile.api.v1.Secret;
import io.fissile.cli.commands.CommandGroup;
import io.fissile.cli.commands.resource.DeleteResource;
import io.fissile.cli.commands.resource.FieldFlags;
import io.fissile.cli.commands.resource.ListResources;
import io.fissile.cli.commands.resource.ResourceType;
import io.fissile.cli.output.Column;
import picocli.CommandLine;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code fissile secret}: Kubernetes Secrets that functions read under {@code /secrets}. Tables show keys and sizes, never values. */
public final class SecretCommands {
    public static final ResourceType<Secret> TYPE = new ResourceType<>(Kinds.SECRET, "secret", "secrets", "secret",
            List.of(Column.of("NAME", Secret::name),
                    Column.of("TYPE", Secret::type),
                    Column.of("DATA", SecretCommands::sizes),
                    Column.of("NAMESPACE", Secret::namespace)));

    static final FieldFlags FIELDS = FieldFlags.of("data", "--from-literal/--from-file", "type", "--type");

    private SecretCommands() {
    }

    public static CommandLine commandLine() {
        return CommandGroup.of("secret", new String[0], "Create, update and manage secrets (values functions read from files)",
                new SecretCreate(),
                new SecretGet(),
                new SecretUpdate(),
                DeleteResource.command(TYPE),
                ListResources.command(TYPE));
    }

    /** "password (6 bytes), user (5 bytes)", from the sizes the server shows in place of values. */
    private static String sizes(Secret secret) {
        Map<String, Integer> sizes = secret.isRedacted() ? secret.dataSizes() : secret.redacted().dataSizes();
        return sizes.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + (e.getValue() == 1 ? " byte)" : " bytes)"))
                .collect(Collectors.joining(", "));
    }
}
