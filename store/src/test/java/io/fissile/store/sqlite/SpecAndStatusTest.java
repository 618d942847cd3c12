package io.fissile.store.sqlite;

import io.fissile.store.testing.Samples;
import io.fissile.api.v1.Function;
import io.fissile.api.v1.Kinds;
import io.fissile.api.v1.Package;
import io.fissile.api.v1.PackageStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpecAndStatusTest extends StoreTestBase {

    @Test
    void createKeepsAStatusGivenWithTheObject() {
        Package created = store.create(Samples.pendingPackage("default", "pkg"));

        assertThat(created.status().buildstatus()).isEqualTo(PackageStatus.PENDING);
        assertThat(store.get(Kinds.PACKAGE, "default", "pkg").orElseThrow().status().buildstatus())
                .isEqualTo(PackageStatus.PENDING);
    }

    @Test
    void aStatusUpdateChangesOnlyTheStatus() {
        Package created = store.create(Samples.pendingPackage("default", "pkg"));

        Package change = store.get(Kinds.PACKAGE, "default", "pkg").orElseThrow();
        change.status(new PackageStatus().buildstatus(PackageStatus.SUCCEEDED).buildlog("built in 2s"));
        change.spec().buildcmd("make everything");
        change.metadata().label("sneaky", "yes");
        Package updated = store.updateStatus(change);

        Package stored = store.get(Kinds.PACKAGE, "default", "pkg").orElseThrow();
        assertThat(stored.status().buildstatus()).isEqualTo(PackageStatus.SUCCEEDED);
        assertThat(stored.status().buildlog()).isEqualTo("built in 2s");
        assertThat(stored.spec().buildcmd()).isNull();
        assertThat(stored.metadata().labels()).isNull();
        assertThat(stored.metadata().generation()).isEqualTo(1L);
        assertThat(stored.metadata().resourceVersion()).isEqualTo(updated.metadata().resourceVersion())
                .isNotEqualTo(created.metadata().resourceVersion());
    }

    @Test
    void anUpdateKeepsTheStoredStatusAndIdentity() {
        Package created = store.create(Samples.pendingPackage("default", "pkg"));
        Package running = store.get(Kinds.PACKAGE, "default", "pkg").orElseThrow();
        running.status().buildstatus(PackageStatus.RUNNING);
        store.updateStatus(running);

        Package change = Samples.pendingPackage("default", "pkg");
        change.status().buildstatus(PackageStatus.FAILED);
        change.spec().buildcmd("./build.sh");
        change.metadata().uid("").creationTimestamp("1999-01-01T00:00:00Z").generation(40L);
        Package updated = store.update(change);

        assertThat(updated.status().buildstatus()).isEqualTo(PackageStatus.RUNNING);
        assertThat(updated.spec().buildcmd()).isEqualTo("./build.sh");
        assertThat(updated.metadata().uid()).isEqualTo(created.metadata().uid());
        assertThat(updated.metadata().creationTimestamp()).isEqualTo(created.metadata().creationTimestamp());
        assertThat(updated.metadata().generation()).isEqualTo(2L);
    }

    @Test
    void generationCountsSpecChangesOnly() {
        store.create(Samples.function("default", "hello"));

        Function labelled = store.get(Kinds.FUNCTION, "default", "hello").orElseThrow();
        labelled.metadata().label("team", "a").annotation("note", "just metadata");
        Function afterLabels = store.update(labelled);
        assertThat(afterLabels.metadata().generation()).isEqualTo(1L);
        assertThat(afterLabels.metadata().resourceVersion()).isEqualTo("2");

        afterLabels.spec().functionTimeout(120);
        Function afterSpec = store.update(afterLabels);
        assertThat(afterSpec.metadata().generation()).isEqualTo(2L);
        assertThat(afterSpec.metadata().labels()).containsEntry("team", "a");

        afterSpec.spec().functionTimeout(60);
        assertThat(store.update(afterSpec).metadata().generation()).isEqualTo(3L);
        assertThat(store.get(Kinds.FUNCTION, "default", "hello").orElseThrow().metadata().generation()).isEqualTo(3L);
    }

    @Test
    void aStatusUpdateNeverChangesTheGeneration() {
        store.create(Samples.pendingPackage("default", "pkg"));
        for (String status : new String[]{PackageStatus.RUNNING, PackageStatus.FAILED, PackageStatus.SUCCEEDED}) {
            Package pkg = store.get(Kinds.PACKAGE, "default", "pkg").orElseThrow();
            pkg.status().buildstatus(status);
            assertThat(store.updateStatus(pkg).metadata().generation()).isEqualTo(1L);
        }
        assertThat(store.currentResourceVersion()).isEqualTo("4");
    }
}
