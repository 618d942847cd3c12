package io.fissile.kubernetes.store;

import io.fissile.store.testing.Samples;
import io.fissile.api.v1.Function;
import io.fissile.api.v1.Kinds;
import io.fissile.api.v1.Package;
import io.fissile.api.v1.PackageStatus;
import io.fissile.store.ConflictException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VersionsAndStatusTest extends StoreOnMockTestBase {

    @Test
    void aWriteFromAStaleReadIsAConflictAndChangesNothing() {
        Function read = store.create(Samples.function("default", "hello"));
        Function first = store.get(Kinds.FUNCTION, "default", "hello").orElseThrow();
        first.spec().functionTimeout(10);
        store.update(first);

        read.spec().functionTimeout(99);
        assertThatThrownBy(() -> store.update(read))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("Function \"default/hello\" has changed since it was read");
        assertThat(store.get(Kinds.FUNCTION, "default", "hello").orElseThrow().spec().functionTimeout()).isEqualTo(10);
    }

    @Test
    void anUpdateWithoutAVersionAppliesToWhateverIsStored() {
        store.create(Samples.function("default", "hello"));
        Function blind = Samples.function("default", "hello");
        blind.spec().functionTimeout(7);

        Function updated = store.update(blind);

        assertThat(updated.spec().functionTimeout()).isEqualTo(7);
        assertThat(store.get(Kinds.FUNCTION, "default", "hello").orElseThrow().spec().functionTimeout()).isEqualTo(7);
    }

    @Test
    void anObjectDeletedAndCreatedAgainIsNotTheOneThatWasRead() {
        Function old = store.create(Samples.function("default", "hello"));
        store.delete(Kinds.FUNCTION, "default", "hello");
        store.create(Samples.function("default", "hello"));
        old.metadata().resourceVersion(null);
        old.spec().functionTimeout(3);

        assertThatThrownBy(() -> store.update(old))
                .isInstanceOf(ConflictException.class).hasMessageContaining("deleted and created again");
    }

    @Test
    void aWriteThatChangesNothingIsNotMade() {
        Function created = store.create(Samples.function("default", "hello"));

        Function same = store.update(Samples.function("default", "hello"));

        assertThat(same.metadata().resourceVersion()).isEqualTo(created.metadata().resourceVersion());
    }

    @Test
    void generationCountsSpecChangesOnly() {
        store.create(Samples.function("default", "hello"));
        Function labelled = store.get(Kinds.FUNCTION, "default", "hello").orElseThrow();
        labelled.metadata().label("team", "a");
        Function afterLabel = store.update(labelled);
        afterLabel.spec().functionTimeout(30);
        Function afterSpec = store.update(afterLabel);

        assertThat(afterLabel.metadata().generation()).isEqualTo(1L);
        assertThat(afterSpec.metadata().generation()).isEqualTo(2L);
    }

    @Test
    void statusIsWrittenApartFromTheSpec() {
        Package created = store.create(Samples.pendingPackage("default", "pkg"));
        assertThat(created.status().buildstatus()).isEqualTo(PackageStatus.PENDING);

        // A builder sets the status from an old read; the spec is not touched by it.
        Package builder = store.get(Kinds.PACKAGE, "default", "pkg").orElseThrow();
        builder.spec().buildcmd("this is not written");
        builder.status(new PackageStatus().buildstatus(PackageStatus.SUCCEEDED).buildlog("built"));
        Package built = store.updateStatus(builder);

        assertThat(built.status().buildstatus()).isEqualTo(PackageStatus.SUCCEEDED);
        Package stored = store.get(Kinds.PACKAGE, "default", "pkg").orElseThrow();
        assertThat(stored.spec().buildcmd()).isNull();
        assertThat(stored.status().buildlog()).isEqualTo("built");

        // An update of the spec keeps the status as stored, whatever status it carries.
        stored.spec().buildcmd("./build.sh");
        stored.status(new PackageStatus().buildstatus(PackageStatus.FAILED));
        Package respecified = store.update(stored);
        assertThat(respecified.spec().buildcmd()).isEqualTo("./build.sh");
        assertThat(respecified.status().buildstatus()).isEqualTo(PackageStatus.SUCCEEDED);
        assertThat(respecified.metadata().generation()).isEqualTo(built.metadata().generation() + 1);
    }

    @Test
    void aStaleStatusWriteIsAConflict() {
        Package read = store.create(Samples.pendingPackage("default", "pkg"));
        Package current = store.get(Kinds.PACKAGE, "default", "pkg").orElseThrow();
        current.status(new PackageStatus().buildstatus(PackageStatus.RUNNING));
        store.updateStatus(current);

        read.status(new PackageStatus().buildstatus(PackageStatus.FAILED));
        assertThatThrownBy(() -> store.updateStatus(read)).isInstanceOf(ConflictException.class);
        assertThat(store.get(Kinds.PACKAGE, "default", "pkg").orElseThrow().status().buildstatus())
                .isEqualTo(PackageStatus.RUNNING);
    }
}
