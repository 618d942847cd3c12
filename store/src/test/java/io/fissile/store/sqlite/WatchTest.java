package io.fissile.store.sqlite;

import io.fissile.store.testing.Samples;
import io.fissile.store.testing.RecordingListener;
import io.fissile.api.LabelSelector;
import io.fissile.api.WatchEvent;
import io.fissile.api.v1.Function;
import io.fissile.api.v1.Kinds;
import io.fissile.store.Watch;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
class WatchTest extends StoreTestBase {

    @Test
    void aWatchFromNowhereStartsWithEveryObjectThenFollowsChanges() {
        store.create(Samples.function("default", "b"));
        store.create(Samples.function("default", "a"));
        RecordingListener<Function> listener = new RecordingListener<>();

        store.watch(Kinds.FUNCTION, null, null, listener);
        assertThat(listener.awaitSeen(2)).containsExactly("ADDED default/a", "ADDED default/b");

        store.create(Samples.function("default", "c"));
        Function a = store.get(Kinds.FUNCTION, "default", "a").orElseThrow();
        a.spec().functionTimeout(5);
        store.update(a);
        store.delete(Kinds.FUNCTION, "default", "b");

        assertThat(listener.awaitSeen(5)).containsExactly("ADDED default/a", "ADDED default/b",
                "ADDED default/c", "MODIFIED default/a", "DELETED default/b");
        assertThat(listener.events.get(3).object().spec().functionTimeout()).isEqualTo(5);
    }

    @Test
    void aWatchFromAListGetsExactlyTheChangesMadeSinceThenInOrder() {
        store.create(Samples.function("default", "a"));
        String listed = store.list(Kinds.FUNCTION, null, LabelSelector.everything()).resourceVersion();
        store.create(Samples.function("default", "b"));
        Function a = store.get(Kinds.FUNCTION, "default", "a").orElseThrow();
        a.metadata().label("seen", "later");
        store.update(a);
        store.delete(Kinds.FUNCTION, "default", "a");
        RecordingListener<Function> listener = new RecordingListener<>();

        store.watch(Kinds.FUNCTION, null, listed, listener);
        store.create(Samples.function("default", "c"));

        assertThat(listener.awaitSeen(4)).containsExactly(
                "ADDED default/b", "MODIFIED default/a", "DELETED default/a", "ADDED default/c");
        assertThat(versions(listener)).containsExactly(2L, 3L, 4L, 5L);
    }

    @Test
    void watchesStartedWhileWritesGoOnMissAndRepeatNothing() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        Thread writer = Thread.ofPlatform().start(() -> {
            for (int i = 0; !stop.get(); i++) store.create(Samples.function("default", "fn-" + i));
        });
        awaitVersion(30);
        RecordingListener<Function> fromNowhere = new RecordingListener<>();
        store.watch(Kinds.FUNCTION, null, null, fromNowhere);
        long listed = Long.parseLong(store.list(Kinds.FUNCTION, null, LabelSelector.everything()).resourceVersion());
        RecordingListener<Function> fromList = new RecordingListener<>();
        store.watch(Kinds.FUNCTION, null, Long.toString(listed), fromList);
        awaitVersion(listed + 30);
        stop.set(true);
        writer.join();
        int total = Integer.parseInt(store.currentResourceVersion());

        assertThat(fromNowhere.awaitSeen(total)).hasSize(total).doesNotHaveDuplicates()
                .allMatch(e -> e.startsWith("ADDED "));
        assertThat(fromList.awaitSeen(total - (int) listed)).hasSize(total - (int) listed).doesNotHaveDuplicates();
        assertThat(versions(fromList)).isEqualTo(LongStream.rangeClosed(listed + 1, total).boxed().toList());
    }

    private void awaitVersion(long version) {
        RecordingListener.patiently().until(() -> Long.parseLong(store.currentResourceVersion()) >= version);
    }

    @Test
    void aWatchOfOneNamespaceSeesThatNamespaceOnly() {
        RecordingListener<Function> teamA = new RecordingListener<>();
        RecordingListener<Function> everywhere = new RecordingListener<>();
        store.watch(Kinds.FUNCTION, "team-a", null, teamA);
        store.watch(Kinds.FUNCTION, null, null, everywhere);

        store.create(Samples.function("team-b", "x"));
        store.create(Samples.function("team-a", "y"));
        store.create(Samples.function("", "z"));
        store.delete(Kinds.FUNCTION, "team-b", "x");
        store.delete(Kinds.FUNCTION, "team-a", "y");

        assertThat(everywhere.awaitSeen(5)).containsExactly("ADDED team-b/x", "ADDED team-a/y", "ADDED default/z",
                "DELETED team-b/x", "DELETED team-a/y");
        assertThat(teamA.awaitSeen(2)).containsExactly("ADDED team-a/y", "DELETED team-a/y");
    }

    @Test
    void anEmptyNamespaceWatchesTheDefaultNamespace() {
        RecordingListener<Function> listener = new RecordingListener<>();
        store.watch(Kinds.FUNCTION, "", null, listener);

        store.create(Samples.function("team-a", "x"));
        store.create(Samples.function("default", "y"));

        assertThat(listener.awaitSeen(1)).containsExactly("ADDED default/y");
    }

    @Test
    void aWatchOfOneKindSeesThatKindOnly() {
        store.create(Samples.pendingPackage("default", "old-pkg"));
        RecordingListener<Function> functions = new RecordingListener<>();
        store.watch(Kinds.FUNCTION, null, null, functions);

        store.create(Samples.pendingPackage("default", "hello"));
        store.create(Samples.route("default", "hello", "/hello", "hello"));
        store.create(Samples.function("default", "hello"));

        assertThat(functions.awaitSeen(1)).containsExactly("ADDED default/hello");
        assertThat(functions.events.getFirst().object()).isInstanceOf(Function.class);
    }

    @Test
    void aDeletedEventCarriesTheLastStateWithTheVersionOfTheDeletion() {
        store.create(Samples.function("default", "hello"));
        Function labelled = store.get(Kinds.FUNCTION, "default", "hello").orElseThrow();
        labelled.metadata().label("last", "words");
        store.update(labelled);
        RecordingListener<Function> listener = new RecordingListener<>();
        store.watch(Kinds.FUNCTION, null, store.currentResourceVersion(), listener);

        Function deleted = store.delete(Kinds.FUNCTION, "default", "hello");

        listener.awaitSeen(1);
        WatchEvent<Function> event = listener.events.getFirst();
        assertThat(event.type()).isEqualTo(WatchEvent.Type.DELETED);
        assertThat(event.object().metadata().labels()).containsEntry("last", "words");
        assertThat(event.object().metadata().resourceVersion()).isEqualTo("3")
                .isEqualTo(deleted.metadata().resourceVersion());
    }

    @Test
    void eachWatcherGetsItsOwnCopyOfAnObject() {
        RecordingListener<Function> first = new RecordingListener<>();
        RecordingListener<Function> second = new RecordingListener<>();
        store.watch(Kinds.FUNCTION, null, null, first);
        store.watch(Kinds.FUNCTION, null, null, second);

        store.create(Samples.function("default", "hello"));
        first.awaitSeen(1);
        second.awaitSeen(1);
        first.events.getFirst().object().spec().functionTimeout(1);

        assertThat(second.events.getFirst().object().spec().functionTimeout()).isEqualTo(60);
    }

    @Test
    void aClosedWatchGetsNothingMore() {
        RecordingListener<Function> listener = new RecordingListener<>();
        Watch watch = store.watch(Kinds.FUNCTION, null, null, listener);
        RecordingListener<Function> witness = new RecordingListener<>();
        store.watch(Kinds.FUNCTION, null, null, witness);
        store.create(Samples.function("default", "before"));
        listener.awaitSeen(1);

        watch.close();
        store.create(Samples.function("default", "after"));

        assertThat(listener.awaitClosed()).isEmpty();
        witness.awaitSeen(2);
        assertThat(listener.seen()).containsExactly("ADDED default/before");
    }

    @Test
    void closingTheStoreEndsEveryWatchWithoutACause() {
        RecordingListener<Function> functions = new RecordingListener<>();
        RecordingListener<Function> teamA = new RecordingListener<>();
        store.watch(Kinds.FUNCTION, null, null, functions);
        store.watch(Kinds.FUNCTION, "team-a", "0", teamA);

        store.close();

        assertThat(functions.awaitClosed()).isEmpty();
        assertThat(teamA.awaitClosed()).isEmpty();
    }

    private static List<Long> versions(RecordingListener<Function> listener) {
        return listener.events.stream().map(e -> Long.parseLong(e.object().metadata().resourceVersion())).toList();
    }
}
