package io.fissile.store.sqlite;

import io.fissile.store.testing.Samples;
import io.fissile.store.testing.RecordingListener;
import io.fissile.api.Codec;
import io.fissile.api.v1.Environment;
import io.fissile.api.v1.Function;
import io.fissile.api.v1.Kinds;
import io.fissile.api.v1.Package;
import io.fissile.api.v1.PackageStatus;
import io.fissile.store.StoreException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersistenceTest extends StoreTestBase {

    @Test
    void objectsAndTheVersionCounterSurviveReopening() {
        Function hello = store.create(Samples.function("default", "hello"));
        store.create(Samples.function("team-a", "gone"));
        Package pkg = store.create(Samples.pendingPackage("default", "pkg"));
        pkg.status().buildstatus(PackageStatus.SUCCEEDED);
        store.updateStatus(pkg);
        store.delete(Kinds.FUNCTION, "team-a", "gone");

        reopen();

        assertThat(store.currentResourceVersion()).isEqualTo("5");
        Function readHello = store.get(Kinds.FUNCTION, "default", "hello").orElseThrow();
        assertThat(Codec.sameContent(readHello, hello)).isTrue();
        assertThat(store.get(Kinds.PACKAGE, "default", "pkg").orElseThrow().status().buildstatus())
                .isEqualTo(PackageStatus.SUCCEEDED);
        assertThat(store.get(Kinds.FUNCTION, "team-a", "gone")).isEmpty();
        assertThat(store.create(Samples.function("default", "next")).metadata().resourceVersion()).isEqualTo("6");
    }

    @Test
    void theVersionCounterNeverGoesBackEvenWhenEverythingIsDeleted() {
        store.create(Samples.function("default", "a"));
        store.delete(Kinds.FUNCTION, "default", "a");

        reopen();

        assertThat(store.currentResourceVersion()).isEqualTo("2");
        assertThat(store.create(Samples.function("default", "a")).metadata().resourceVersion()).isEqualTo("3");
    }

    @Test
    void aWatchCanResumeAfterReopeningFromAVersionSeenBefore() {
        store.create(Samples.function("default", "a"));
        String seen = store.currentResourceVersion();
        store.create(Samples.function("default", "b"));
        store.delete(Kinds.FUNCTION, "default", "a");

        reopen();
        RecordingListener<Function> listener = new RecordingListener<>();
        store.watch(Kinds.FUNCTION, null, seen, listener);
        store.create(Samples.function("default", "c"));

        assertThat(listener.awaitSeen(3)).containsExactly("ADDED default/b", "DELETED default/a", "ADDED default/c");
    }

    @Test
    void fieldsThisVersionDoesNotKnowSurviveStorage() {
        String json = """
                {"apiVersion": "fission.io/v1", "kind": "Environment",
                 "metadata": {"name": "node", "namespace": "default", "finalizers": ["fission.io/cleanup"],
                              "labels": {"team": "a"}},
                 "spec": {"version": 3, "runtime": {"image": "fission/node-env",
                          "podspec": {"containers": [{"name": "node", "env": [{"name": "A", "value": "1"}]}]}},
                          "futureField": {"nested": true}},
                 "experimental": "top-level"}
                """;
        Environment env = Codec.readResource(json, Kinds.ENVIRONMENT);

        Environment created = store.create(env);
        created.spec().poolsize(5);
        store.update(created);
        reopen();

        String stored = Codec.toJson(store.get(Kinds.ENVIRONMENT, "default", "node").orElseThrow());
        assertThat(stored)
                .contains("\"finalizers\":[\"fission.io/cleanup\"]")
                .contains("\"podspec\":{\"containers\":[{\"name\":\"node\",\"env\":[{\"name\":\"A\",\"value\":\"1\"}]}]}")
                .contains("\"futureField\":{\"nested\":true}")
                .contains("\"experimental\":\"top-level\"")
                .contains("\"poolsize\":5");
    }

    @Test
    void openingCreatesMissingDirectories() {
        Path nested = directory.resolve("data/fissile/store.db");

        try (SqliteResourceStore another = SqliteResourceStore.open(nested)) {
            another.create(Samples.function("default", "hello"));
            assertThat(another.get(Kinds.FUNCTION, "default", "hello")).isPresent();
        }
        assertThat(nested).exists();
    }

    @Test
    void aFileOpenInOneStoreCannotBeOpenedInAnother() {
        assertThatThrownBy(() -> SqliteResourceStore.open(databaseFile()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("already open");

        store.close();
        try (SqliteResourceStore again = SqliteResourceStore.open(databaseFile())) {
            assertThat(again.currentResourceVersion()).isEqualTo("0");
        }
    }

    @Test
    void aFileFromANewerFissileIsRefused() throws Exception {
        store.close();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + databaseFile());
             Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA user_version = " + (Schema.VERSION + 1));
        }

        assertThatThrownBy(() -> SqliteResourceStore.open(databaseFile()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("use a newer Fissile");
    }
}
