package io.fissile.store.sqlite;

import io.fissile.store.testing.Samples;
import io.fissile.store.testing.RecordingListener;
import io.fissile.api.v1.Function;
import io.fissile.api.v1.Kinds;
import io.fissile.api.v1.Package;
import io.fissile.api.v1.PackageStatus;
import io.fissile.store.ConflictException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptimisticConcurrencyTest extends StoreTestBase {

    @Test
    void anUpdateFromAStaleReadIsAConflictThatSaysWhatToDo() {
        Function read = store.create(Samples.function("default", "hello"));
        Function byAnother = store.update(withTimeout(store.get(Kinds.FUNCTION, "default", "hello").orElseThrow(), 30));

        Function stale = withTimeout(read, 90);
        assertThatThrownBy(() -> store.update(stale))
                .isInstanceOf(ConflictException.class)
                .hasMessageStartingWith("Function \"default/hello\" has changed since it was read")
                .hasMessageContaining("read it again and retry");
        assertThat(store.get(Kinds.FUNCTION, "default", "hello").orElseThrow().spec().functionTimeout()).isEqualTo(30);
        assertThat(byAnother.metadata().resourceVersion()).isEqualTo(store.currentResourceVersion());
    }

    @Test
    void aStatusUpdateFromAStaleReadIsAConflict() {
        Package read = store.create(Samples.pendingPackage("default", "pkg"));
        store.updateStatus(withBuildStatus(store.get(Kinds.PACKAGE, "default", "pkg").orElseThrow(), PackageStatus.RUNNING));

        assertThatThrownBy(() -> store.updateStatus(withBuildStatus(read, PackageStatus.FAILED)))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("Package \"default/pkg\" has changed since it was read");
        assertThat(store.get(Kinds.PACKAGE, "default", "pkg").orElseThrow().status().buildstatus())
                .isEqualTo(PackageStatus.RUNNING);
    }

    @Test
    void anUpdateOfAnObjectDeletedAndCreatedAgainIsAConflictEvenWithoutAVersion() {
        Function read = store.create(Samples.function("default", "hello"));
        store.delete(Kinds.FUNCTION, "default", "hello");
        store.create(Samples.function("default", "hello"));

        Function stale = withTimeout(read, 90);
        stale.metadata().resourceVersion("");
        assertThatThrownBy(() -> store.update(stale))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("has changed since it was read: it was deleted and created again");
    }

    @Test
    void anUpdateWithoutAVersionOverwritesWhateverIsStored() {
        store.create(Samples.function("default", "hello"));
        store.update(withTimeout(store.get(Kinds.FUNCTION, "default", "hello").orElseThrow(), 30));

        Function blind = withTimeout(Samples.function("default", "hello"), 90);
        Function updated = store.update(blind);

        assertThat(updated.spec().functionTimeout()).isEqualTo(90);
        assertThat(updated.metadata().resourceVersion()).isEqualTo("3");
    }

    @Test
    void anUpdateThatChangesNothingMakesNoNewVersion() {
        Function created = store.create(Samples.function("default", "hello"));
        RecordingListener<Function> listener = new RecordingListener<>();
        store.watch(Kinds.FUNCTION, null, created.metadata().resourceVersion(), listener);

        Function same = store.update(Samples.function("default", "hello"));
        Function sameAgain = store.update(created);
        Function sameStatus = store.updateStatus(created);
        Function changed = store.update(withTimeout(created, 30));

        assertThat(same.metadata().resourceVersion()).isEqualTo("1");
        assertThat(sameAgain.metadata().resourceVersion()).isEqualTo("1");
        assertThat(sameStatus.metadata().resourceVersion()).isEqualTo("1");
        assertThat(changed.metadata().resourceVersion()).isEqualTo("2");
        // Events arrive in order: the first one seen is the real change, so the no-ops made none.
        assertThat(listener.awaitSeen(1)).containsExactly("MODIFIED default/hello");
        assertThat(listener.events.getFirst().object().metadata().resourceVersion()).isEqualTo("2");
    }

    private static Function withTimeout(Function function, int seconds) {
        function.spec().functionTimeout(seconds);
        return function;
    }

    private static Package withBuildStatus(Package pkg, String buildStatus) {
        pkg.status().buildstatus(buildStatus);
        return pkg;
    }
}
