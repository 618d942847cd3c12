package io.fissile.cli.commands.configmap;

import io.fissile.api.v1.ConfigMap;
import io.fissile.api.v1.Kinds;
import io.fissile.cli.commands.CommandGroup;
import io.fissile.cli.commands.resource.DeleteResource;
import io.fissile.cli.commands.resource.FieldFlags;
import io.fissile.cli.commands.resource.GetResource;
import io.fissile.cli.commands.resource.ListResources;
import io.fissile.cli.commands.resource.ResourceType;
import io.fissile.cli.output.Column;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.List;

/** {@code fissile configmap}: Kubernetes ConfigMaps that functions read under {@code /configs}. */
public final class ConfigMapCommands {
    public static final ResourceType<ConfigMap> TYPE = new ResourceType<>(Kinds.CONFIG_MAP, "configmap", "configmaps", "configmap",
            List.of(Column.of("NAME", ConfigMap::name),
                    Column.of("KEYS", ConfigMapCommands::keys),
                    Column.of("NAMESPACE", ConfigMap::namespace)));

    static final FieldFlags FIELDS = FieldFlags.of("data", "--from-literal/--from-file", "binaryData", "--from-file");

    private ConfigMapCommands() {
    }

    public static CommandLine commandLine() {
        return CommandGroup.of("configmap", new String[0], "Create, update and manage config maps (settings functions read from files)",
                new ConfigMapCreate(),
                GetResource.command(TYPE),
                new ConfigMapUpdate(),
                DeleteResource.command(TYPE),
                ListResources.command(TYPE));
    }

    private static List<String> keys(ConfigMap map) {
        List<String> keys = new ArrayList<>();
        if (map.data() != null) keys.addAll(map.data().keySet());
        if (map.binaryData() != null) keys.addAll(map.binaryData().keySet());
        return keys;
    }
}
