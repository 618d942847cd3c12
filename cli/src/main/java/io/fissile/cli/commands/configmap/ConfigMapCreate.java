package io.fissile.cli.commands.configmap;

import io.fissile.api.v1.ConfigMap;
import io.fissile.api.v1.Kinds;
import io.fissile.cli.commands.FissileCommand;
import io.fissile.cli.commands.resource.Resources;
import io.fissile.cli.options.DataOptions;
import io.fissile.cli.options.LabelOptions;
import io.fissile.cli.options.RequiredName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code configmap create --name N --from-literal K=V --from-file [K=]PATH}. */
@Command(name = "create", description = "Create a config map from literal values and files")
public final class ConfigMapCreate extends FissileCommand {
    @Mixin
    RequiredName name;

    @Mixin
    DataOptions data;

    @Mixin
    LabelOptions labels;

    @Override
    protected void run() {
        ConfigMap map = Kinds.CONFIG_MAP.create(session().namespace(), name.name());
        data.read(session()).forEach((key, value) -> ConfigMapValues.put(map, key, value));
        labels.applyTo(map.metadata());
        ConfigMapCommands.FIELDS.check(map);
        Resources.create(session(), ConfigMapCommands.TYPE, map);
    }
}
