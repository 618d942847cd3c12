package io.fissile.cli.commands.configmap;

import io.fissile.api.v1.ConfigMap;
import io.fissile.cli.commands.FissileCommand;
import io.fissile.cli.commands.resource.Resources;
import io.fissile.cli.options.DataOptions;
import io.fissile.cli.options.LabelOptions;
import io.fissile.cli.options.RequiredName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;

/** {@code configmap update --name N [--from-literal K=V] [--from-file [K=]PATH] [--remove-key K]}: sets and removes keys, keeping the others. */
@Command(name = "update", description = "Set or remove keys of a config map, keeping the others")
public final class ConfigMapUpdate extends FissileCommand {
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
        ConfigMap map = Resources.require(session(), ConfigMapCommands.TYPE, name.name());
        data.read(session()).forEach((key, value) -> ConfigMapValues.put(map, key, value));
        if (removed != null) removed.forEach(key -> ConfigMapValues.remove(map, key));
        labels.applyTo(map.metadata());
        ConfigMapCommands.FIELDS.check(map);
        Resources.update(session(), ConfigMapCommands.TYPE, map);
    }
}
