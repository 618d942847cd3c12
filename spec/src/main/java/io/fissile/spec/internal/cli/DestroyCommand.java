package io.fissile.spec.internal.cli;

import io.fissile.spec.DeployedObjects;
import io.fissile.spec.ObjectChange;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;

/** {@code spec destroy}: deletes every object the deployment applied, and nothing else. */
@Command(name = "destroy", description = "Delete every object this spec directory's deployment applied")
public final class DestroyCommand extends SpecSubcommand {
    @Mixin
    SpecDirOptions dirs;

    @Option(names = "--force", description = "Accepted for Fission's scripts: destroy always covers every namespace")
    boolean force;

    @Override
    protected int execute() {
        String uid = deploymentUid(dirs);
        List<ObjectChange> deleted = new DeployedObjects(client()).destroy(uid, out()::println);
        out().println(deleted.isEmpty()
                ? "Nothing to delete: no object carries the deployment uid " + uid + "."
                : count(deleted.size(), "object") + " deleted.");
        return 0;
    }
}
