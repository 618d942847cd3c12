package io.fissile.spec.internal.cli;

import io.fissile.api.Resource;
import io.fissile.spec.DeployedObjects;
import io.fissile.spec.internal.TextTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;

/** {@code spec list}: the objects on the server that the deployment applied. */
@Command(name = "list", description = "List the objects on the server that this spec directory's deployment applied")
public final class ListCommand extends SpecSubcommand {
    @Option(names = {"--deployid", "--id"}, paramLabel = "UID", description = "Uid of the deployment (default: the spec directory's)")
    String deployId;

    @Mixin
    SpecDirOptions dirs;

    @Mixin
    NamespaceOptions namespace;

    @Option(names = {"-A", "--all-namespaces"}, description = "List the objects of every namespace")
    boolean allNamespaces;

    @Override
    protected int execute() {
        String uid = deployId != null && !deployId.isBlank() ? deployId : deploymentUid(dirs);
        String scope = allNamespaces ? null : namespace.namespace();
        List<Resource<?, ?>> objects = new DeployedObjects(client()).list(uid, scope);
        if (objects.isEmpty()) {
            out().println("No objects of deployment uid " + uid + (scope == null ? "" : " in namespace " + scope) + ".");
            return 0;
        }
        TextTable table = new TextTable("KIND", "NAME", "NAMESPACE");
        objects.forEach(o -> table.row(o.kind(), o.name(), o.namespace()));
        out().print(table);
        return 0;
    }
}
