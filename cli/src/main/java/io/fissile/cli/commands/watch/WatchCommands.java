package io.fissile.cli.commands.watch;

import io.fissile.api.v1.Kinds;
import io.fissile.api.v1.KubernetesWatchTrigger;
import io.fissile.cli.commands.CommandGroup;
import io.fissile.cli.commands.resource.DeleteResource;
import io.fissile.cli.commands.resource.GetResource;
import io.fissile.cli.commands.resource.ListResources;
import io.fissile.cli.commands.resource.ResourceType;
import io.fissile.cli.output.Column;
import picocli.CommandLine;

import java.util.List;

/** {@code fissile watch} (alias {@code w}): Kubernetes watch triggers. */
public final class WatchCommands {
    public static final ResourceType<KubernetesWatchTrigger> TYPE = new ResourceType<>(Kinds.KUBERNETES_WATCH_TRIGGER, "trigger",
            "kube watchers", "kubewatch",
            List.of(Column.of("NAME", KubernetesWatchTrigger::name),
                    Column.of("NAMESPACE", w -> w.spec().namespace()),
                    Column.of("OBJTYPE", w -> w.spec().type()),
                    Column.of("LABELS", w -> w.spec().labelSelector()),
                    Column.of("FUNCTION_NAME", w -> w.spec().functionRef() == null ? null : w.spec().functionRef().name())));

    private WatchCommands() {
    }

    public static CommandLine commandLine() {
        return CommandGroup.of("watch", new String[]{"w"}, "Create, update and manage kube watchers",
                new WatchCreate(),
                GetResource.command(TYPE),
                new WatchUpdate(),
                DeleteResource.command(TYPE),
                ListResources.command(TYPE));
    }
}
