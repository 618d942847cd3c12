package io.fissile.cli.commands.environment;

import io.fissile.api.v1.Environment;
import io.fissile.api.v1.Function;
import io.fissile.api.v1.Kinds;
import io.fissile.cli.commands.CliException;
import io.fissile.cli.commands.resource.DeleteResource;
import io.fissile.cli.commands.resource.Resources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;

/** {@code env delete --name N [-f]}: refuses while functions use the environment, unless forced. */
@Command(name = "delete")
public final class EnvironmentDelete extends DeleteResource<Environment> {
    @Option(names = {"-f", "--force"}, description = "Delete the environment even if functions use it")
    boolean force;

    public EnvironmentDelete() {
        super(EnvironmentCommands.TYPE);
    }

    @Override
    protected void beforeDelete(Environment env) {
        if (force) return;
        List<String> users = Resources.list(session(), Kinds.FUNCTION, true).stream()
                .filter(fn -> uses(fn, env))
                .map(fn -> fn.namespace() + "/" + fn.name())
                .toList();
        if (!users.isEmpty()) {
            throw new CliException(EnvironmentCommands.TYPE.named(env.name()) + " is used by " + users.size()
                    + " function(s): " + String.join(", ", users) + "; delete them first, or use --force");
        }
    }

    private static boolean uses(Function fn, Environment env) {
        var ref = fn.spec().environment();
        return ref != null && env.name().equals(ref.name()) && env.namespace().equals(ref.namespaceOr(fn.namespace()));
    }
}
