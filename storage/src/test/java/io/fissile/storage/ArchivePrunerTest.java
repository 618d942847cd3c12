package io.fissile.storage;

import io.fissile.api.v1.Archive;
import io.fissile.api.v1.Checksum;
import io.fissile.api.v1.Package;
import io.fissile.storage.fs.FileArchiveStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

class ArchivePrunerTest {
    private static final Duration GRACE = Duration.ofHours(1);
    /** Two hours on: everything stored by a test is past the grace period by then. */
    private static final Clock LATER = Clock.offset(Clock.systemUTC(), Duration.ofHours(2));

    @TempDir
    Path directory;
    ArchiveStore store;

    @BeforeEach
    void openStore() throws IOException {
        store = FileArchiveStore.open(directory);
    }

    ArchiveInfo put(String content) throws IOException {
        return store.put(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), null);
    }

    static Package pkg(String name, Archive source, Archive deployment) {
        Package pkg = new Package();
        pkg.metadata().name(name);
        pkg.spec().source(source).deployment(deployment);
        return pkg;
    }

    static Archive url(String url) {
        return Archive.ofUrl(url, new Checksum());
    }

    int prune(Clock clock, List<Package> packages) {
        return new ArchivePruner(store, () -> packages, GRACE, clock).pruneOnce();
    }

    @Test
    void deletesArchivesNoPackageRefersToOnceOlderThanTheGracePeriod() throws IOException {
        ArchiveInfo orphan = put("orphan");

        assertThat(prune(LATER, List.of())).isEqualTo(1);

        assertThat(store.info(orphan.id())).isEmpty();
    }

    @Test
    void keepsArchivesThatASourceOrDeploymentUrlPointsTo() throws IOException {
        ArchiveInfo source = put("source");
        ArchiveInfo deployment = put("deployment");
        ArchiveInfo orphan = put("orphan");
        List<Package> packages = List.of(
                pkg("built", url(source.urlPath()), null),
                pkg("deployed", null, url("http://127.0.0.1:8889" + deployment.urlPath())),
                pkg("literal", null, Archive.ofLiteral("code".getBytes(StandardCharsets.UTF_8))));

        assertThat(prune(LATER, packages)).isEqualTo(1);

        assertThat(store.list()).extracting(ArchiveInfo::id)
                .containsExactlyInAnyOrder(source.id(), deployment.id())
                .doesNotContain(orphan.id());
    }

    @Test
    void keepsArchivesYoungerThanTheGracePeriod() throws IOException {
        ArchiveInfo fresh = put("fresh");

        assertThat(prune(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(30)), List.of())).isZero();

        assertThat(store.info(fresh.id())).isPresent();
    }

    @Test
    void anArchiveUploadedAgainStartsItsGracePeriodAgain() throws IOException {
        ArchiveInfo archive = put("uploaded again");
        Path file = store.file(archive.id()).orElseThrow();
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofHours(5))));

        put("uploaded again");

        assertThat(prune(Clock.systemUTC(), List.of())).isZero();
        assertThat(store.info(archive.id())).isPresent();
    }

    @Test
    void prunesNothingWhenThePackagesCannotBeListed() throws IOException {
        ArchiveInfo archive = put("maybe in use");
        Supplier<Collection<Package>> failing = () -> {
            throw new IllegalStateException("resource store is down");
        };

        assertThat(new ArchivePruner(store, failing, GRACE, LATER).pruneOnce()).isZero();

        assertThat(store.info(archive.id())).isPresent();
    }

    @Test
    void findsThePackagesThatReferToAnArchive() {
        String id = "4f".repeat(32);
        String other = "a0".repeat(32);
        Package bySource = pkg("by-source", url(ArchiveStore.urlPath(id)), null);
        Package byDeployment = pkg("by-deployment", null, url("https://controller.example:8889/v2/archives/" + id));
        Package unrelated = pkg("unrelated", url(ArchiveStore.urlPath(other)), url("http://files.example/code.zip"));

        assertThat(ArchivePruner.referencing(id, List.of(bySource, unrelated, byDeployment)))
                .containsExactly(bySource, byDeployment);
        assertThat(ArchivePruner.referencing("00".repeat(32), List.of(bySource, unrelated, byDeployment))).isEmpty();
    }
}
