package io.fissile.spec.internal;

import io.fissile.api.Resource;
import io.fissile.api.v1.Archive;
import io.fissile.api.v1.ArchiveUploadSpec;
import io.fissile.api.v1.ExecutionStrategy;
import io.fissile.api.v1.Function;
import io.fissile.api.v1.FunctionReference;
import io.fissile.api.v1.HTTPTrigger;
import io.fissile.api.v1.Kinds;
import io.fissile.api.v1.KubernetesWatchTrigger;
import io.fissile.api.v1.MessageQueueTrigger;
import io.fissile.api.v1.Package;
import io.fissile.api.v1.PackageRef;
import io.fissile.api.v1.Reference;
import io.fissile.api.v1.TimeTrigger;
import io.fissile.spec.Located;
import io.fissile.spec.SpecLocation;
import io.fissile.spec.SpecProblem;
import io.fissile.spec.SpecSet;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks what objects of a spec directory refer to, as Fission's spec validate does. Errors: a
 * package's {@code archive://} with no ArchiveUploadSpec, an ArchiveUploadSpec no package uses,
 * a function's package missing or in another namespace, a trigger's function (or any of its
 * weighted functions) missing. Warnings: a
 * package no function uses, a function's environment not in the specs (nor, when known, on the
 * server), deprecated HTTPTrigger fields.
 */
public final class ReferenceChecks {
    public static final String ARCHIVE_URL_PREFIX = "archive://";

    private final SpecSet specs;
    private final ServerSnapshot server;
    private final List<SpecProblem> problems = new ArrayList<>();
    private final Set<ObjectKey> declared;

    private ReferenceChecks(SpecSet specs, ServerSnapshot server) {
        this.specs = specs;
        this.server = server;
        this.declared = specs.resources().stream().map(l -> ObjectKey.of(l.value())).collect(Collectors.toSet());
    }

    /** The problems; {@code server} may be null when the server was not consulted. */
    public static List<SpecProblem> check(SpecSet specs, ServerSnapshot server) {
        ReferenceChecks checks = new ReferenceChecks(specs, server);
        checks.archives();
        checks.functions();
        checks.triggers();
        return checks.problems;
    }

    /** The name in an {@code archive://name} URL, or null when the archive is not one. */
    public static String archiveName(Archive archive) {
        if (archive == null || archive.url() == null || !archive.url().startsWith(ARCHIVE_URL_PREFIX)) return null;
        String name = archive.url().substring(ARCHIVE_URL_PREFIX.length());
        return name.isEmpty() ? null : name;
    }

    private void archives() {
        Set<String> names = specs.archives().stream().map(a -> a.value().name()).collect(Collectors.toSet());
        Set<String> used = new HashSet<>();
        for (Located<Package> pkg : specs.resources(Kinds.PACKAGE)) {
            archiveReference(pkg, "source", pkg.value().spec().source(), names, used);
            archiveReference(pkg, "deployment", pkg.value().spec().deployment(), names, used);
        }
        for (Located<ArchiveUploadSpec> archive : specs.archives()) {
            if (!used.contains(archive.value().name())) {
                error(archive.location(), "ArchiveUploadSpec \"" + archive.value().name() + "\" is not used by any package");
            }
        }
    }

    private void archiveReference(Located<Package> pkg, String role, Archive archive, Set<String> names, Set<String> used) {
        String name = archiveName(archive);
        if (name == null) return;
        if (names.contains(name)) {
            used.add(name);
        } else {
            error(pkg.location(), "spec." + role + ".url: " + ARCHIVE_URL_PREFIX + name
                    + " names no ArchiveUploadSpec in the specs");
        }
    }

    private void functions() {
        Set<ObjectKey> usedPackages = new HashSet<>();
        for (Located<Function> located : specs.resources(Kinds.FUNCTION)) {
            Function fn = located.value();
            if (ExecutionStrategy.CONTAINER.equals(fn.spec().effectiveExecutorType())) continue;
            packageReference(located, usedPackages);
            environmentReference(located);
        }
        for (Located<Package> pkg : specs.resources(Kinds.PACKAGE)) {
            if (!usedPackages.contains(ObjectKey.of(pkg.value()))) {
                warning(pkg.location(), "package \"" + pkg.value().name() + "\" is not used by any function");
            }
        }
    }

    private void packageReference(Located<Function> located, Set<ObjectKey> usedPackages) {
        Function fn = located.value();
        PackageRef ref = fn.spec().packageRef() == null ? null : fn.spec().packageRef().packageRef();
        if (ref == null || ref.name() == null || ref.name().isEmpty()) return;
        String namespace = ref.namespaceOr(fn.namespace());
        ObjectKey key = new ObjectKey(Kinds.PACKAGE, namespace, ref.name());
        if (!namespace.equals(fn.namespace())) {
            error(located.location(), "spec.package.packageref: package \"" + namespace + "/" + ref.name()
                    + "\" is outside the function's namespace \"" + fn.namespace() + "\"");
        } else if (!declared.contains(key)) {
            error(located.location(), "spec.package.packageref: package \"" + namespace + "/" + ref.name()
                    + "\" is not in the specs");
        } else {
            usedPackages.add(key);
        }
    }

    private void environmentReference(Located<Function> located) {
        Function fn = located.value();
        Reference env = fn.spec().environment();
        if (env == null || env.name() == null || env.name().isEmpty()) return;
        ObjectKey key = new ObjectKey(Kinds.ENVIRONMENT, env.namespaceOr(fn.namespace()), env.name());
        if (declared.contains(key)) return;
        String where = "\"" + key.namespace() + "/" + key.name() + "\"";
        if (server == null) {
            warning(located.location(), "spec.environment: environment " + where
                    + " is not in the specs; it must exist on the server for the function to run");
        } else if (!server.contains(key)) {
            warning(located.location(), "spec.environment: environment " + where + " is neither in the specs nor on the server");
        }
    }

    private void triggers() {
        for (Located<Resource<?, ?>> located : specs.resources()) {
            FunctionReference ref = switch (located.value()) {
                case HTTPTrigger t -> {
                    httpDeprecations(located.location(), t);
                    yield t.spec().functionRef();
                }
                case TimeTrigger t -> t.spec().functionRef();
                case MessageQueueTrigger t -> t.spec().functionRef();
                case KubernetesWatchTrigger t -> t.spec().functionRef();
                default -> null;
            };
            if (ref != null) functionReference(located, ref);
        }
    }

    private void functionReference(Located<Resource<?, ?>> trigger, FunctionReference ref) {
        List<String> names = FunctionReference.TYPE_FUNCTION_WEIGHTS.equals(ref.effectiveType())
                ? (ref.functionWeights() == null ? List.of() : List.copyOf(ref.functionWeights().keySet()))
                : (ref.name() == null || ref.name().isEmpty() ? List.of() : List.of(ref.name()));
        String namespace = trigger.value().namespace();
        for (String name : names) {
            if (!declared.contains(new ObjectKey(Kinds.FUNCTION, namespace, name))) {
                error(trigger.location(), "spec.functionref: function \"" + namespace + "/" + name + "\" is not in the specs");
            }
        }
    }

    private void httpDeprecations(SpecLocation location, HTTPTrigger trigger) {
        if (trigger.spec().host() != null && !trigger.spec().host().isEmpty()) {
            warning(location, "spec.host is deprecated: use spec.ingressconfig.host");
        }
        if (trigger.spec().method() != null && !trigger.spec().method().isEmpty()) {
            warning(location, "spec.method is deprecated: use spec.methods");
        }
    }

    private void error(SpecLocation location, String message) {
        problems.add(SpecProblem.error(location, message));
    }

    private void warning(SpecLocation location, String message) {
        problems.add(SpecProblem.warning(location, message));
    }
}
