package io.fissile.storage;

import io.fissile.api.v1.Archive;
import io.fissile.api.v1.Package;
import io.fissile.api.v1.PackageSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Deletes archives that no package refers to, once they are older than a grace period, so that an
 * archive uploaded for a package about to be created is not taken away first. A package refers to
 * an archive when its source or deployment URL points into the store ({@link ArchiveStore#idFromUrl}).
 *
 * <p>Runs when called; scheduling it is the caller's job. It never throws, so a scheduled executor
 * keeps calling it after a failure: failures are logged, and nothing is deleted when the packages
 * cannot be listed.
 */
public final class ArchivePruner {
    private static final Logger log = LoggerFactory.getLogger(ArchivePruner.class);

    private final ArchiveStore store;
    private final Supplier<? extends Collection<Package>> packages;
    private final Duration grace;
    private final Clock clock;

    /**
     * @param packages lists every package in every namespace; called once per pruning run
     * @param grace how long an archive is kept before it may be pruned
     */
    public ArchivePruner(ArchiveStore store, Supplier<? extends Collection<Package>> packages, Duration grace, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.packages = Objects.requireNonNull(packages, "packages");
        this.grace = Objects.requireNonNull(grace, "grace");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (grace.isNegative()) {
            throw new IllegalArgumentException("grace period must not be negative: " + grace);
        }
    }

    /** Deletes every unreferenced archive older than the grace period; returns how many went. */
    public int pruneOnce() {
        Instant cutoff = clock.instant().minus(grace);
        List<ArchiveInfo> candidates;
        Set<String> inUse;
        try {
            // Archives first, so that packages are listed only when something could be pruned.
            candidates = store.list().stream().filter(archive -> archive.created().isBefore(cutoff)).toList();
            if (candidates.isEmpty()) return 0;
            inUse = referencedIds(Objects.requireNonNull(packages.get(), "the package listing"));
        } catch (RuntimeException e) {
            log.warn("Archive pruning skipped: cannot list archives and packages", e);
            return 0;
        }
        int deleted = 0;
        for (ArchiveInfo archive : candidates) {
            if (inUse.contains(archive.id())) continue;
            try {
                if (store.deleteIfCreatedBefore(archive.id(), cutoff)) {
                    deleted++;
                    log.info("Pruned archive {} ({} bytes, created {}): no package refers to it",
                            archive.id(), archive.size(), archive.created());
                }
            } catch (RuntimeException e) {
                log.warn("Cannot prune archive {}; trying again next time", archive.id(), e);
            }
        }
        return deleted;
    }

    /** The packages whose source or deployment is the archive with this id. */
    public static List<Package> referencing(String id, Collection<Package> packages) {
        return packages.stream().filter(pkg -> archiveIds(pkg).anyMatch(id::equals)).toList();
    }

    private static Set<String> referencedIds(Collection<Package> packages) {
        return packages.stream().flatMap(ArchivePruner::archiveIds).collect(Collectors.toSet());
    }

    private static Stream<String> archiveIds(Package pkg) {
        PackageSpec spec = pkg.spec();
        if (spec == null) return Stream.empty();
        return Stream.of(spec.source(), spec.deployment())
                .filter(Objects::nonNull)
                .map(Archive::url)
                .flatMap(url -> ArchiveStore.idFromUrl(url).stream());
    }
}
