package io.fissile.kubernetes.store;

import io.fissile.store.testing.Samples;
import io.fissile.store.testing.RecordingListener;
import io.fissile.api.LabelSelector;
import io.fissile.api.v1.Function;
import io.fissile.api.v1.Kinds;
import io.fissile.store.Informer;
import io.fissile.store.InformerListener;
import io.fissile.store.Watch;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ListAndWatchTest extends StoreOnMockTestBase {

    private Function labelled(String namespace, String name, String tier) {
        Function function = Samples.function(namespace, name);
        function.metadata().label("tier", tier);
        return function;
    }

    @Test
    void listsSelectByNamespaceAndLabelsAndAreSortedByNamespaceAndName() {
        store.create(labelled("b", "x", "web"));
        store.create(labelled("a", "z", "web"));
        store.create(labelled("a", "y", "batch"));
        store.create(Samples.function("a", "plain"));

        assertThat(store.list(Kinds.FUNCTION, null, null).items()).extracting(f -> f.namespace() + "/" + f.name())
                .containsExactly("a/plain", "a/y", "a/z", "b/x");
        assertThat(store.list(Kinds.FUNCTION, "a", LabelSelector.parse("tier=web")).items())
                .extracting(Function::name).containsExactly("z");
        assertThat(store.list(Kinds.FUNCTION, null, LabelSelector.parse("tier in (web,batch),tier!=batch")).items())
                .extracting(Function::name).containsExactly("z", "x");
        assertThat(store.list(Kinds.FUNCTION, null, LabelSelector.parse("!tier")).items())
                .extracting(Function::name).containsExactly("plain");
        assertThat(store.list(Kinds.FUNCTION, null, null).resourceVersion()).isNotBlank();
    }

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
    void aWatchFromAListsVersionRepeatsNothingTheListHad() {
        store.create(Samples.function("default", "a"));
        String listed = store.list(Kinds.FUNCTION, null, null).resourceVersion();
        RecordingListener<Function> listener = new RecordingListener<>();

        store.watch(Kinds.FUNCTION, null, listed, listener);
        store.create(Samples.function("default", "b"));
        Function a = store.get(Kinds.FUNCTION, "default", "a").orElseThrow();
        a.metadata().label("seen", "later");
        store.update(a);

        assertThat(listener.awaitSeen(2)).containsExactly("ADDED default/b", "MODIFIED default/a");
    }

    @Test
    void aWatchOfOneNamespaceSeesThatNamespaceOnly() {
        RecordingListener<Function> teamA = new RecordingListener<>();
        RecordingListener<Function> everywhere = new RecordingListener<>();
        store.watch(Kinds.FUNCTION, "team-a", null, teamA);
        store.watch(Kinds.FUNCTION, null, null, everywhere);

        store.create(Samples.function("team-b", "x"));
        store.create(Samples.function("team-a", "y"));
        store.delete(Kinds.FUNCTION, "team-a", "y");

        assertThat(everywhere.awaitSeen(3)).containsExactly("ADDED team-b/x", "ADDED team-a/y", "DELETED team-a/y");
        assertThat(teamA.awaitSeen(2)).containsExactly("ADDED team-a/y", "DELETED team-a/y");
    }

    @Test
    void aClosedWatchGetsNothingMoreAndClosingTheStoreEndsTheOthers() {
        RecordingListener<Function> closedEarly = new RecordingListener<>();
        Watch watch = store.watch(Kinds.FUNCTION, null, null, closedEarly);
        RecordingListener<Function> witness = new RecordingListener<>();
        store.watch(Kinds.FUNCTION, null, null, witness);
        store.create(Samples.function("default", "before"));
        closedEarly.awaitSeen(1);

        watch.close();
        store.create(Samples.function("default", "after"));
        witness.awaitSeen(2);

        assertThat(closedEarly.awaitClosed()).isEmpty();
        assertThat(closedEarly.seen()).containsExactly("ADDED default/before");
        store.close();
        assertThat(witness.awaitClosed()).isEmpty();
    }

    @Test
    void aVersionThatIsNoVersionIsRefused() {
        assertThatThrownBy(() -> store.watch(Kinds.FUNCTION, null, "yesterday", new RecordingListener<>()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("yesterday");
    }

    @Test
    void anInformerKeepsACurrentCopyOnTopOfTheStore() {
        store.create(Samples.function("default", "a"));
        List<String> heard = new CopyOnWriteArrayList<>();
        try (Informer<Function> informer = Informer.start(store, Kinds.FUNCTION)) {
            informer.addListener(new InformerListener<>() {
                @Override
                public void onAdd(Function object) {
                    heard.add("add " + object.name());
                }

                @Override
                public void onUpdate(Function before, Function now) {
                    heard.add("update " + now.name() + " " + before.spec().functionTimeout() + "->" + now.spec().functionTimeout());
                }

                @Override
                public void onDelete(Function last) {
                    heard.add("delete " + last.name());
                }
            });
            store.create(Samples.function("default", "b"));
            Function a = store.get(Kinds.FUNCTION, "default", "a").orElseThrow();
            a.spec().functionTimeout(9);
            store.update(a);
            store.delete(Kinds.FUNCTION, "default", "b");

            RecordingListener.patiently().until(() -> heard.size() >= 4);
            assertThat(heard).containsExactly("add a", "add b", "update a 60->9", "delete b");
            assertThat(informer.get("default", "a").orElseThrow().spec().functionTimeout()).isEqualTo(9);
            assertThat(informer.get("default", "b")).isEmpty();
        }
    }
}
