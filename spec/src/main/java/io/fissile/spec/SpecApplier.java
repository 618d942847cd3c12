package io.fissile.spec;

import io.fissile.api.Kind;
import io.fissile.api.Resource;
import io.fissile.api.v1.Archive;
import io.fissile.api.v1.DeploymentConfig;
import io.fissile.api.v1.Function;
import io.fissile.api.v1.Kinds;
import io.fissile.api.v1.Package;
import io.fissile.api.v1.PackageRef;
import io.fissile.api.v1.Secret;
import io.fissile.client.ApiException;
import io.fissile.client.ControllerClient;
import io.fissile.spec.ObjectChange.Action;
import io.fissile.spec.internal.BuildWaiter;
import io.fissile.spec.internal.ConflictCheck;
import io.fissile.spec.internal.ContentComparison;
import io.fissile.spec.internal.DesiredObjects;
import io.fissile.spec.internal.ObjectDeletion;
import io.fissile.spec.internal.ObjectKey;
import io.fissile.spec.internal.PackageArchives;
import io.fissile.spec.internal.ServerSnapshot;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Applies a spec directory to the server, as {@code fission spec apply} does: checks everything
 * first and sends nothing if any check fails; packs the archives; then creates or updates each
 * object in dependency order, marked with the deployment, leaving alone those already as written;
 * with {@code delete}, removes this deployment's objects the specs no longer hold.
 */
public final class SpecApplier {
    private final ControllerClient client;
    private final ApplyOptions options;
    private final Consumer<String> progress;

    /**
     * @param progress receives a line for each archive and object as it is handled, and each warning
     */
    public SpecApplier(ControllerClient client, ApplyOptions options, Consumer<String> progress) {
        this.client = client;
        this.options = options;
        this.progress = progress;
    }

    /**
     * Applies the specs. Throws InvalidSpecException (nothing sent) when a check fails, and
     * SpecApplyException when the server refuses a change part way; builds that fail while waiting
     * for them are in the result.
     */
    public ApplyResult apply(SpecSet specs) {
        ServerSnapshot server = ServerSnapshot.fetch(client);
        List<SpecProblem> problems = SpecValidator.validate(specs, server, options.allowConflicts(), options.checkReferences());
        if (problems.stream().anyMatch(SpecProblem::isError)) throw new InvalidSpecException(problems);
        problems.forEach(p -> progress.accept("warning: " + p));
        return new Run(specs, server).execute();
    }

    /** One apply: what it has done so far, and the resource versions of the packages applied. */
    private final class Run {
        private final SpecSet specs;
        private final ServerSnapshot server;
        private final DeploymentConfig deployment;
        private final List<ObjectChange> changes = new ArrayList<>();
        private final Set<ObjectKey> desired = new HashSet<>();
        private final Map<ObjectKey, String> packageVersions = new HashMap<>();

        Run(SpecSet specs, ServerSnapshot server) {
            this.specs = specs;
            this.server = server;
            this.deployment = specs.deployment();
        }

        ApplyResult execute() {
            try (PackageArchives archives = new PackageArchives(client, progress)) {
                Map<String, Archive> built = archives.build(specs.archives(), specs.projectDir());
                for (Kind<?> kind : Kinds.all()) {
                    for (Located<? extends Resource<?, ?>> located : specs.resources(kind)) {
                        applyOne(located, built);
                    }
                }
            } catch (IllegalArgumentException | UncheckedIOException | ApiException e) {
                // Files that changed since the checks, an upload refused, the server gone away.
                throw new SpecApplyException("cannot apply: " + e.getMessage(), e, changes);
            }
            if (options.delete()) deleteLeftovers();
            return new ApplyResult(changes, options.waitForBuilds() ? waitForBuilds() : List.of());
        }

        private <R extends Resource<?, ?>> void applyOne(Located<R> located, Map<String, Archive> archives) {
            R want = DesiredObjects.of(located.value(), deployment);
            if (want instanceof Package pkg) PackageArchives.substitute(pkg, archives);
            if (want instanceof Function fn) pinPackageVersion(fn);
            ObjectKey key = ObjectKey.of(want);
            desired.add(key);
            Optional<Resource<?, ?>> current = server.get(key);
            Resource<?, ?> stored = current.isPresent()
                    ? update(key, want, current.get(), located.location())
                    : send(Action.CREATED, key, located.location(), () -> client.create(want));
            if (want instanceof Package) packageVersions.put(key, stored.metadata().resourceVersion());
        }

        private <R extends Resource<?, ?>> Resource<?, ?> update(ObjectKey key, R want, Resource<?, ?> current, SpecLocation location) {
            if (!DeploymentMarks.belongsTo(current, deployment.uid()) && !options.allowConflicts()) {
                throw new SpecApplyException(location + ": " + ConflictCheck.describe(key, current), null, changes);
            }
            if (ContentComparison.unchanged(want, withValues(key, current))) {
                record(new ObjectChange(key.kind().name(), key.namespace(), key.name(), Action.UNCHANGED, location));
                return current;
            }
            want.metadata().resourceVersion(current.metadata().resourceVersion());
            return send(Action.UPDATED, key, location, () -> client.update(want));
        }

        /** Listed secrets are redacted: a secret's values are read only to tell whether they change. */
        private Resource<?, ?> withValues(ObjectKey key, Resource<?, ?> current) {
            if (!(current instanceof Secret)) return current;
            return client.revealSecret(key.namespace(), key.name()).<Resource<?, ?>>map(s -> s).orElse(current);
        }

        /** Each function refers to its package's current resource version, so that a package change reaches it (as in Fission). */
        private void pinPackageVersion(Function fn) {
            if (fn.spec().packageRef() == null || fn.spec().packageRef().packageRef() == null) return;
            PackageRef ref = fn.spec().packageRef().packageRef();
            String version = packageVersions.get(new ObjectKey(Kinds.PACKAGE, ref.namespaceOr(fn.namespace()), ref.name()));
            if (version != null) ref.resourceVersion(version);
        }

        private Resource<?, ?> send(Action action, ObjectKey key, SpecLocation location, Supplier<Resource<?, ?>> call) {
            try {
                Resource<?, ?> stored = call.get();
                record(new ObjectChange(key.kind().name(), key.namespace(), key.name(), action, location));
                return stored;
            } catch (ApiException e) {
                String verb = action == Action.CREATED ? "create" : "update";
                throw new SpecApplyException("cannot " + verb + " " + key + " (" + location + "): " + e.getMessage(), e, changes);
            }
        }

        /** Deletes this deployment's objects the specs no longer hold, dependents first. */
        private void deleteLeftovers() {
            List<Resource<?, ?>> leftovers = server.ownedBy(deployment.uid()).stream()
                    .filter(o -> !desired.contains(ObjectKey.of(o)))
                    .toList();
            for (Resource<?, ?> leftover : leftovers.reversed()) {
                try {
                    record(ObjectDeletion.delete(client, leftover));
                } catch (ApiException e) {
                    throw new SpecApplyException("cannot delete " + leftover.describe() + ": " + e.getMessage(), e, changes);
                }
            }
        }

        private List<String> waitForBuilds() {
            List<ObjectKey> packages = specs.resources(Kinds.PACKAGE).stream().map(l -> ObjectKey.of(l.value())).toList();
            return BuildWaiter.await(client, packages, options.buildTimeout(), progress);
        }

        private void record(ObjectChange change) {
            changes.add(change);
            progress.accept(change.toString());
        }
    }
}
