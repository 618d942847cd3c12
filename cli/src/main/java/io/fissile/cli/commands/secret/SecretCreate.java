package io.fissile.cli.commands.secret;

import io.fissile.api.v1.Kinds;
import io.fissile.api.v1.Secret;
import io.fissile.cli.commands.FissileCommand;
import io.fissile.cli.commands.resource.Resources;
import io.fissile.cli.options.DataOptions;
import io.fissile.cli.options.LabelOptions;
import io.fissile.cli.options.RequiredName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code secret create --name N --from-literal K=V --from-file [K=]PATH [--type T]}. */
@Command(name = "create", description = "Create a secret from literal values and files")
public final class SecretCreate extends FissileCommand {
    @Mixin
    RequiredName name;

    @Mixin
    DataOptions data;

    @Option(names = "--type", paramLabel = "TYPE", defaultValue = Secret.OPAQUE, description = "Kubernetes' secret type (default: ${DEFAULT-VALUE})")
    String type;

    @Mixin
    LabelOptions labels;

    @Override
    protected void run() {
        Secret secret = Kinds.SECRET.create(session().namespace(), name.name()).type(type);
        data.read(session()).forEach(secret::data);
        labels.applyTo(secret.metadata());
        SecretCommands.FIELDS.check(secret);
        Resources.create(session(), SecretCommands.TYPE, secret);
    }
}
