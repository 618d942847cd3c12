package io.fissile.api;

import io.fissile.api.v1.CanaryConfig;
import io.fissile.api.v1.CanaryConfigStatus;
import io.fissile.api.v1.Package;
import io.fissile.api.v1.PackageStatus;

/**
 * What the server fills in when a resource is created, as Fission's admission webhook does. Other
 * defaults (timeouts, pool sizes) are not written into the object: the model's {@code effective*}
 * accessors apply them where they are used, so an object reads back as it was written.
 */
public final class Defaults {
    private Defaults() {
    }

    public static void apply(Resource<?, ?> resource) {
        if (resource instanceof Package pkg) {
            packageStatus(pkg);
        } else if (resource instanceof CanaryConfig canary && canary.status() == null) {
            canary.status(new CanaryConfigStatus().status(CanaryConfigStatus.PENDING));
        }
    }

    /** A package with a deployment archive needs no build; one with only source waits for its build. */
    private static void packageStatus(Package pkg) {
        PackageStatus status = pkg.status() == null ? new PackageStatus() : pkg.status();
        if (status.buildstatus() == null || status.buildstatus().isEmpty()) {
            if (pkg.spec().deployment() != null && !pkg.spec().deployment().isEmpty()) {
                status.buildstatus(PackageStatus.NONE);
            } else if (pkg.spec().source() != null && !pkg.spec().source().isEmpty()) {
                status.buildstatus(PackageStatus.PENDING);
            } else {
                status.buildstatus(PackageStatus.FAILED).buildlog("Both source and deployment are empty");
            }
        }
        pkg.status(status);
    }
}
