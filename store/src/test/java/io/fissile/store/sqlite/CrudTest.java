package io.fissile.store.sqlite;

import io.fissile.api.v1.Function;
import io.fissile.api.v1.Kinds;
import io.fissile.store.ResourceStore;
import io.fissile.store.testing.CrudContract;
import io.fissile.store.testing.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The store contract on SQLite, and how its versions count: one store-wide number, from 1, per write. */
class CrudTest extends CrudContract {
    @TempDir
    Path directory;

    @Override
    protected ResourceStore open() {
        return SqliteResourceStore.open(directory.resolve("store.db"), SqliteStoreOptions.defaults());
    }

    @Test
    void createFillsInIdentityVersionGenerationAndCreationTime() {
        Function created = store.create(Samples.function("default", "hello"));

        assertThat(created.metadata().uid()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(created.metadata().generation()).isEqualTo(1L);
        assertThat(created.metadata().resourceVersion()).isEqualTo("1");
        assertThat(created.metadata().creationTimestamp()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(Instant.parse(created.metadata().creationTimestamp()))
                .isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
        assertThat(store.currentResourceVersion()).isEqualTo("1");
    }

    @Test
    void everyWriteAndOnlyAWriteTakesTheNextVersion() {
        assertThatThrownBy(() -> store.delete(Kinds.FUNCTION, "default", "ghost")).hasMessageContaining("not found");
        assertThat(store.currentResourceVersion()).as("a refused write takes no version").isEqualTo("0");

        store.create(Samples.function("default", "hello"));
        Function deleted = store.delete(Kinds.FUNCTION, "default", "hello");
        Function again = store.create(Samples.function("default", "hello"));

        assertThat(deleted.metadata().resourceVersion()).isEqualTo("2");
        assertThat(again.metadata().resourceVersion()).isEqualTo("3");
    }
}
