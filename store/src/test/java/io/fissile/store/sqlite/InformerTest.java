package io.fissile.store.sqlite;

import io.fissile.store.testing.Samples;
import io.fissile.api.v1.Function;
import io.fissile.api.v1.Kinds;
import io.fissile.store.Informer;
import io.fissile.store.InformerListener;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class InformerTest extends StoreTestBase {

    @Override
    SqliteStoreOptions options() {
        // A tiny watch queue, so that a listener that dawdles makes the store end the watch.
        return SqliteStoreOptions.defaults().withWatchQueueCapacity(2);
    }

    @Test
    void startsWithEveryObjectAndFollowsChanges() {
        store.create(Samples.function("default", "a"));
        store.create(Samples.function("other", "b"));

        try (Informer<Function> informer = Informer.start(store, Kinds.FUNCTION)) {
            assertThat(informer.list()).extracting(Function::name).containsExactlyInAnyOrder("a", "b");
            assertThat(informer.get("other", "b")).isPresent();

            Function a = store.get(Kinds.FUNCTION, "default", "a").orElseThrow();
            a.spec().functionTimeout(5);
            store.update(a);
            store.delete(Kinds.FUNCTION, "other", "b");
            store.create(Samples.function("default", "c"));

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(informer.get("default", "a")).hasValueSatisfying(f -> assertThat(f.spec().functionTimeout()).isEqualTo(5));
                assertThat(informer.get("other", "b")).isEmpty();
                assertThat(informer.get("default", "c")).isPresent();
            });
        }
    }

    @Test
    void aListenerHearsTheExistingObjectsFirstThenEachChangeInOrder() {
        store.create(Samples.function("default", "a"));
        try (Informer<Function> informer = Informer.start(store, Kinds.FUNCTION)) {
            List<String> heard = new CopyOnWriteArrayList<>();
            informer.addListener(recorder(heard));

            Function a = store.get(Kinds.FUNCTION, "default", "a").orElseThrow();
            a.spec().functionTimeout(9);
            store.update(a);
            store.delete(Kinds.FUNCTION, "default", "a");

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(heard).containsExactly("add a", "update a 60->9", "delete a"));
        }
    }

    @Test
    void whenTheWatchFallsBehindItListsAgainAndMissesNothing() throws Exception {
        try (Informer<Function> informer = Informer.start(store, Kinds.FUNCTION)) {
            List<String> heard = new CopyOnWriteArrayList<>();
            InformerListener<Function> slow = new InformerListener<>() {
                @Override
                public void onAdd(Function f) {
                    heard.add(f.name());
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            };
            informer.addListener(slow);

            for (int i = 0; i < 30; i++) store.create(Samples.function("default", "f" + i));

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(informer.list()).hasSize(30);
                assertThat(heard).doesNotHaveDuplicates().hasSize(30);
            });
        }
    }

    private static InformerListener<Function> recorder(List<String> heard) {
        return new InformerListener<>() {
            @Override
            public void onAdd(Function f) {
                heard.add("add " + f.name());
            }

            @Override
            public void onUpdate(Function before, Function now) {
                heard.add("update " + now.name() + " " + before.spec().functionTimeout() + "->" + now.spec().functionTimeout());
            }

            @Override
            public void onDelete(Function last) {
                heard.add("delete " + last.name());
            }
        };
    }
}
