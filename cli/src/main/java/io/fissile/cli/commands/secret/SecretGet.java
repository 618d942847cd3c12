package io.fissile.cli.commands.secret;

import io.fissile.api.v1.Secret;
import io.fissile.cli.commands.FissileCommand;
import io.fissile.cli.commands.resource.Resources;
import io.fissile.cli.options.OutputOption;
import io.fissile.cli.options.RequiredName;
import io.fissile.cli.output.OutputFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code secret get --name N [-o yaml|json] [--reveal]}: keys and sizes, or with --reveal the whole secret. */
@Command(name = "get", description = "Get secret details: its keys and their sizes, or with --reveal its values")
public final class SecretGet extends FissileCommand {
    @Mixin
    RequiredName name;

    @Mixin
    OutputOption output;

    @Option(names = "--reveal", description = "Show the values too (as YAML unless -o json)")
    boolean reveal;

    @Override
    protected void run() {
        if (!reveal) {
            Resources.showOne(session(), SecretCommands.TYPE, Resources.require(session(), SecretCommands.TYPE, name.name()), output.format());
            return;
        }
        Secret secret = session().client().revealSecret(session().namespace(), name.name())
                .orElseThrow(() -> Resources.notFound(SecretCommands.TYPE, name.name(), session().namespace()));
        Resources.showOne(session(), SecretCommands.TYPE, secret, output.format() == null ? OutputFormat.YAML : output.format());
    }
}
