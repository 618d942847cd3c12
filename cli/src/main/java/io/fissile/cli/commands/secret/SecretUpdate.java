package io.fissile.cli.commands.secret;

import io.fissile.api.v1.Secret;
import io.fissile.cli.commands.FissileCommand;
import io.fissile.cli.commands.resource.Resources;
import io.fissile.cli.options.DataOptions;
import io.fissile.cli.options.LabelOptions;
import io.fissile.cli.options.RequiredName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;

/** {@code secret update --name N [--from-literal K=V] [--from-file [K=]PATH] [--remove-key K]}: sets and removes keys, keeping the others. */
@Command(name = "update", description = "Set or remove keys of a secret, keeping the others")
public final class SecretUpdate extends FissileCommand {
    @Mixin
    RequiredName name;

    @Mixin
    DataOptions data;

    @Option(names = "--remove-key", paramLabel = "KEY", description = "A key to remove; repeat for several")
    List<String> removed;

    @Mixin
    LabelOptions labels;

    @Override
    protected void run() {
        Secret secret = session().client().revealSecret(session().namespace(), name.name())
                .orElseThrow(() -> Resources.notFound(SecretCommands.TYPE, name.name(), session().namespace()));
        data.read(session()).forEach(secret::data);
        if (removed != null && secret.data() != null) removed.forEach(secret.data()::remove);
        labels.applyTo(secret.metadata());
        SecretCommands.FIELDS.check(secret);
        Resources.update(session(), SecretCommands.TYPE, secret);
    }
}
