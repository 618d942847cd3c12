package io.fissile.controller.resources;

import io.fissile.api.Defaults;
import io.fissile.api.FieldError;
import io.fissile.api.InvalidResourceException;
import io.fissile.api.ObjectMeta;
import io.fissile.api.Resource;
import io.fissile.api.Validation;
import io.fissile.api.v1.Secret;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What happens to an object between the request and the store, as in Kubernetes admission: its
 * namespace and name are settled against the request, defaults are filled in on create, and it is
 * validated; a Secret's stringData is then folded into its data. Every problem is reported at once.
 */
final class Admission {
    private Admission() {
    }

    static <R extends Resource<?, ?>> R forCreate(R resource, String queryNamespace) {
        List<FieldError> problems = new ArrayList<>();
        settleNamespace(resource, queryNamespace, problems);
        Defaults.apply(resource);
        problems.addAll(Validation.validate(resource));
        return accepted(resource, problems);
    }

    static <R extends Resource<?, ?>> R forUpdate(R resource, String queryNamespace, String pathName) {
        List<FieldError> problems = new ArrayList<>();
        settleNamespace(resource, queryNamespace, problems);
        settleName(resource, pathName, problems);
        problems.addAll(Validation.validate(resource));
        return accepted(resource, problems);
    }

    /** Only the status is written, so only the status is judged (a status writer may send no spec). */
    static <R extends Resource<?, ?>> R forStatus(R resource, String queryNamespace, String pathName) {
        List<FieldError> problems = new ArrayList<>();
        settleNamespace(resource, queryNamespace, problems);
        settleName(resource, pathName, problems);
        Validation.validate(resource).stream()
                .filter(error -> error.field() != null && (error.field().equals("status") || error.field().startsWith("status.")))
                .forEach(problems::add);
        return accepted(resource, problems);
    }

    /** The body's namespace wins; the query's fills in a missing one; they must not disagree. */
    private static void settleNamespace(Resource<?, ?> resource, String queryNamespace, List<FieldError> problems) {
        ObjectMeta meta = resource.metadata();
        String written = meta.namespace();
        boolean bodyHasOne = written != null && !written.isEmpty();
        if (bodyHasOne && queryNamespace != null && !written.equals(queryNamespace)) {
            problems.add(new FieldError("metadata.namespace", "\"" + written
                    + "\" does not match the namespace of the request, \"" + queryNamespace + "\""));
        } else if (!bodyHasOne) {
            meta.namespace(Objects.requireNonNullElse(queryNamespace, ObjectMeta.DEFAULT_NAMESPACE));
        }
    }

    /** The path names the object; a body without a name takes it, one with another name is refused. */
    private static void settleName(Resource<?, ?> resource, String pathName, List<FieldError> problems) {
        String written = resource.metadata().name();
        if (written == null || written.isEmpty()) {
            resource.metadata().name(pathName);
        } else if (!written.equals(pathName)) {
            problems.add(new FieldError("metadata.name", "\"" + written
                    + "\" does not match the name in the path, \"" + pathName + "\""));
        }
    }

    private static <R extends Resource<?, ?>> R accepted(R resource, List<FieldError> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidResourceException(subject(resource), problems);
        }
        if (resource instanceof Secret secret) secret.normalize();
        return resource;
    }

    private static String subject(Resource<?, ?> resource) {
        String name = resource.metadata().name();
        return name == null || name.isEmpty()
                ? resource.kind() + " in namespace \"" + resource.namespace() + "\""
                : resource.describe();
    }
}
