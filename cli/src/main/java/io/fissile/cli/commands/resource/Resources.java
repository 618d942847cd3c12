package io.fissile.cli.commands.resource;

import io.fissile.api.Kind;
import io.fissile.api.Resource;
import io.fissile.cli.commands.CliException;
import io.fissile.cli.commands.Session;
import io.fissile.cli.options.SpecOptions;
import io.fissile.cli.output.OutputFormat;
import io.fissile.cli.output.Printer;
import io.fissile.client.ApiException;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The one way every kind is read, created, updated, deleted and shown. */
public final class Resources {
    private Resources() {
    }

    public static <R extends Resource<?, ?>> Optional<R> find(Session session, Kind<R> kind, String namespace, String name) {
        return session.client().get(kind, namespace, name);
    }

    /** The object in the session's namespace, or a "not found" error naming it. */
    public static <R extends Resource<?, ?>> R require(Session session, ResourceType<R> type, String name) {
        return find(session, type.kind(), session.namespace(), name).orElseThrow(() -> notFound(type, name, session.namespace()));
    }

    public static CliException notFound(ResourceType<?> type, String name, String namespace) {
        return new CliException(type.named(name) + " not found in namespace '" + namespace + "'");
    }

    /** Objects of a kind in the session's namespace, or in all of them; sorted by namespace and name. */
    public static <R extends Resource<?, ?>> List<R> list(Session session, Kind<R> kind, boolean allNamespaces) {
        return session.client().list(kind, allNamespaces ? null : session.namespace(), null).items().stream()
                .sorted(Comparator.comparing((R r) -> r.namespace()).thenComparing(Resource::name))
                .toList();
    }

    /** Checks the object, then saves it to a spec file (--spec, --dry) or creates it on the server. */
    public static <R extends Resource<?, ?>> void createOrSave(Session session, SpecOptions spec, ResourceType<R> type,
                                                               FieldFlags flags, R resource) {
        flags.check(resource);
        if (spec.active()) {
            spec.write(session, type.specFile(resource.name()), List.of(resource));
        } else {
            create(session, type, resource);
        }
    }

    public static <R extends Resource<?, ?>> R create(Session session, ResourceType<R> type, R resource) {
        R created = session.client().create(resource);
        session.out().println(type.named(created.name()) + " created");
        return created;
    }

    /** Writes back an object read earlier; its resource version makes a concurrent change a conflict. */
    public static <R extends Resource<?, ?>> R update(Session session, ResourceType<R> type, R resource) {
        R updated = session.client().update(resource);
        session.out().println(type.named(updated.name()) + " updated");
        return updated;
    }

    /** Deletes an object and says so; false when it did not exist and {@code ignoreNotFound} is set. */
    public static <R extends Resource<?, ?>> boolean delete(Session session, ResourceType<R> type, String name, boolean ignoreNotFound) {
        try {
            session.client().delete(type.kind(), session.namespace(), name);
        } catch (ApiException e) {
            if (!e.isNotFound()) throw e;
            if (ignoreNotFound) return false;
            throw notFound(type, name, session.namespace());
        }
        session.out().println(type.named(name) + " deleted");
        return true;
    }

    /** A table of the objects, or the whole list as yaml or json. */
    public static <R extends Resource<?, ?>> void show(Session session, ResourceType<R> type, List<R> items, OutputFormat format) {
        if (format == null) {
            type.table().print(session.out(), items);
        } else {
            Printer.printList(session.out(), type.kind(), items, format);
        }
    }

    /** One object: its table row, or the object as yaml or json. */
    public static <R extends Resource<?, ?>> void showOne(Session session, ResourceType<R> type, R item, OutputFormat format) {
        if (format == null) {
            type.table().print(session.out(), List.of(item));
        } else {
            Printer.print(session.out(), item, format);
        }
    }
}
