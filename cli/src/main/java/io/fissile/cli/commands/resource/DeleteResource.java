package io.fissile.cli.commands.resource;

import io.fissile.api.Resource;
import io.fissile.cli.commands.CommandLines;
import io.fissile.cli.commands.FissileCommand;
import io.fissile.cli.options.RequiredName;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code delete --name N [--ignorenotfound]}. Kinds that guard or clean up around a delete extend it. */
@Command(name = "delete")
public class DeleteResource<R extends Resource<?, ?>> extends FissileCommand {
    @Mixin
    RequiredName name;

    @Option(names = "--ignorenotfound", description = "Treat \"not found\" as a successful delete")
    boolean ignoreNotFound;

    private final ResourceType<R> type;

    public DeleteResource(ResourceType<R> type) {
        this.type = type;
    }

    public static CommandLine command(ResourceType<?> type) {
        return CommandLines.described(new DeleteResource<>(type), "Delete " + CommandLines.withArticle(type.noun()));
    }

    /** Runs before the delete, with the object as stored; throws to refuse. */
    protected void beforeDelete(R current) {
    }

    /** Runs after the object is gone. */
    protected void afterDelete(R deleted) {
    }

    protected String name() {
        return name.name();
    }

    @Override
    protected void run() {
        var found = Resources.find(session(), type.kind(), session().namespace(), name.name());
        if (found.isEmpty()) {
            if (ignoreNotFound) return;
            throw Resources.notFound(type, name.name(), session().namespace());
        }
        beforeDelete(found.get());
        if (Resources.delete(session(), type, name.name(), ignoreNotFound)) {
            afterDelete(found.get());
        }
    }
}
