package io.fissile.spec.internal;

import io.fissile.api.v1.Kinds;
import io.fissile.api.v1.Package;
import io.fissile.api.v1.PackageStatus;
import io.fissile.client.ControllerClient;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** Waits while packages are being built (build status pending or running), up to a timeout. */
public final class BuildWaiter {
    private static final Duration POLL = Duration.ofMillis(500);

    private BuildWaiter() {
    }

    /** Waits, reporting each build as it ends; returns what went wrong (failed builds, builds still going at the timeout). */
    public static List<String> await(ControllerClient client, List<ObjectKey> packages, Duration timeout, Consumer<String> progress) {
        Instant deadline = Instant.now().plus(timeout);
        Set<ObjectKey> waiting = new LinkedHashSet<>(packages);
        List<String> failures = new ArrayList<>();
        while (true) {
            for (ObjectKey key : List.copyOf(waiting)) {
                Package pkg = client.get(Kinds.PACKAGE, key.namespace(), key.name()).orElse(null);
                String status = pkg == null || pkg.status() == null ? PackageStatus.NONE : pkg.status().buildstatus();
                if (building(status)) continue;
                waiting.remove(key);
                if (PackageStatus.FAILED.equals(status)) {
                    String log = pkg.status().buildlog();
                    failures.add("the build of package \"" + key.namespace() + "/" + key.name() + "\" failed"
                            + (log == null || log.isBlank() ? "" : ":\n" + log.strip()));
                } else if (PackageStatus.SUCCEEDED.equals(status)) {
                    progress.accept("package " + key.namespace() + "/" + key.name() + ": build succeeded");
                }
            }
            if (waiting.isEmpty()) return failures;
            if (Instant.now().isAfter(deadline)) {
                waiting.forEach(key -> failures.add("package \"" + key.namespace() + "/" + key.name()
                        + "\" is still being built after " + timeout.toSeconds() + "s; gave up waiting"));
                return failures;
            }
            sleep();
        }
    }

    private static boolean building(String status) {
        return PackageStatus.PENDING.equals(status) || PackageStatus.RUNNING.equals(status);
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for package builds", e);
        }
    }
}
