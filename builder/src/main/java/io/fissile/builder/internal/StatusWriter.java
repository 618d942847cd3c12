package io.fissile.builder.internal;

import io.fissile.api.v1.Archive;
import io.fissile.api.v1.Kinds;
import io.fissile.api.v1.Package;
import io.fissile.api.v1.PackageStatus;
import io.fissile.store.ConflictException;
import io.fissile.store.NotFoundException;
import io.fissile.store.ResourceStore;

import java.time.Clock;
import java.util.Optional;

/**
 * Writes builds' outcomes to their packages. A result is written only while the package still has
 * the inputs it was built from: a package changed or deleted meanwhile keeps what its newer build writes.
 */
final class StatusWriter {

    private final ResourceStore store;
    private final Clock clock;

    StatusWriter(ResourceStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    Optional<Package> current(PackageKey key) {
        return store.get(Kinds.PACKAGE, key.namespace(), key.name());
    }

    /** Sets a status whatever else changed meanwhile (pending, running); false when the package is gone. */
    boolean mark(PackageKey key, String buildStatus, String log) {
        Optional<Package> pkg = current(key);
        if (pkg.isEmpty()) return false;
        return writeStatus(pkg.get(), buildStatus, log, false);
    }

    /** Records a failed build; false when the package changed or went meanwhile. */
    boolean fail(PackageKey key, BuildInputs inputs, String log) {
        return finish(key, inputs, null, PackageStatus.FAILED, log);
    }

    /**
     * Points the package at its new deployment archive, then marks it succeeded: a function that
     * waits for the build never sees "succeeded" with the old deployment. False when the package
     * changed or went meanwhile.
     */
    boolean succeed(PackageKey key, BuildInputs inputs, Archive deployment, String log) {
        return finish(key, inputs, deployment, PackageStatus.SUCCEEDED, log);
    }

    private boolean finish(PackageKey key, BuildInputs inputs, Archive deployment, String buildStatus, String log) {
        while (true) {
            Optional<Package> read = current(key).filter(p -> BuildInputs.of(p).equals(inputs));
            if (read.isEmpty()) return false;
            Package pkg = read.get();
            try {
                if (deployment != null) {
                    pkg.spec().deployment(deployment);
                    pkg = store.update(pkg);
                }
                if (writeStatus(pkg, buildStatus, log, true)) return true;
            } catch (ConflictException changedMeanwhile) {
                // look again: it may still have the same inputs (only a label changed)
            } catch (NotFoundException gone) {
                return false;
            }
        }
    }

    /** @param guarded refuse (false) when the package changed since it was read */
    private boolean writeStatus(Package pkg, String buildStatus, String log, boolean guarded) {
        PackageStatus status = pkg.status() == null ? new PackageStatus() : pkg.status();
        pkg.status(status.buildstatus(buildStatus).buildlog(log).lastUpdateTimestamp(clock.instant().toString()));
        if (!guarded) pkg.metadata().resourceVersion(null);
        try {
            store.updateStatus(pkg);
            return true;
        } catch (ConflictException changed) {
            return false;
        } catch (NotFoundException gone) {
            if (guarded) throw gone;
            return false;
        }
    }
}
