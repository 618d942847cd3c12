package io.fissile.cli.commands.canary;

import io.fissile.api.v1.CanaryConfig;
import io.fissile.api.v1.FunctionReference;
import io.fissile.api.v1.HTTPTrigger;
import io.fissile.api.v1.Kinds;
import io.fissile.cli.commands.CliException;
import io.fissile.cli.commands.FissileCommand;
import io.fissile.cli.commands.function.FunctionCommands;
import io.fissile.cli.commands.httptrigger.RouteCommands;
import io.fissile.cli.commands.resource.Resources;
import io.fissile.cli.options.RequiredName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Map;

/**
 * {@code canary create --name N --httptrigger T --newfunction NEW --oldfunction OLD [...]}: the
 * route must split its traffic by weight between the two functions, as Fission requires.
 */
@Command(name = "create", description = "Create a canary config")
public final class CanaryCreate extends FissileCommand {
    @Mixin
    RequiredName name;

    @Option(names = "--httptrigger", required = true, paramLabel = "TRIGGER", description = "HTTP trigger whose traffic moves")
    String trigger;

    @Option(names = {"--newfunction", "--newfn"}, required = true, paramLabel = "FUNCTION", description = "New version of the function")
    String newFunction;

    @Option(names = {"--oldfunction", "--oldfn"}, required = true, paramLabel = "FUNCTION", description = "Old, stable version of the function")
    String oldFunction;

    @Mixin
    CanaryFlags flags;

    @Override
    protected void run() {
        HTTPTrigger route = Resources.require(session(), RouteCommands.TYPE, trigger);
        FunctionReference ref = route.spec().functionRef();
        Map<String, Integer> weights = ref == null ? null : ref.functionWeights();
        if (ref == null || !FunctionReference.TYPE_FUNCTION_WEIGHTS.equals(ref.effectiveType()) || weights == null) {
            throw new CliException(RouteCommands.TYPE.named(trigger) + " does not split traffic by weight; create it with "
                    + "--function " + oldFunction + " --weight 100 --function " + newFunction + " --weight 0");
        }
        for (String function : new String[]{newFunction, oldFunction}) {
            if (!weights.containsKey(function)) throw new CliException(RouteCommands.TYPE.named(trigger) + " does not call function '" + function + "'");
            Resources.require(session(), FunctionCommands.TYPE, function);
        }
        CanaryConfig canary = Kinds.CANARY_CONFIG.create(session().namespace(), name.name());
        canary.spec().trigger(trigger).newFunction(newFunction).oldFunction(oldFunction);
        flags.applyDefaults(canary.spec());
        flags.applyTo(canary.spec());
        CanaryFlags.FIELDS.check(canary);
        Resources.create(session(), CanaryCommands.TYPE, canary);
    }
}
