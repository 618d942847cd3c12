package io.fissile.store.testing;

import io.fissile.api.InvalidResourceException;
import io.fissile.api.v1.Function;
import io.fissile.api.v1.HTTPTrigger;
import io.fissile.api.v1.Kinds;
import io.fissile.api.v1.Package;
import io.fissile.api.v1.PackageStatus;
import io.fissile.store.AlreadyExistsException;
import io.fissile.store.NotFoundException;
import io.fissile.store.ResourceStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Create, read and delete as every {@link ResourceStore} must do them, whatever keeps the objects.
 * A store's own test extends this, opens a fresh store for each test, and adds what only that store
 * promises (how its versions count, where its objects live).
 */
public abstract class CrudContract {
    protected ResourceStore store;

    /** A fresh, empty store. */
    protected abstract ResourceStore open();

    @BeforeEach
    void openStore() {
        store = open();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void whatIsCreatedCanBeReadBackForEveryKind() {
        Function function = store.create(Samples.function("default", "hello"));
        Package pkg = store.create(Samples.pendingPackage("default", "hello-pkg"));
        HTTPTrigger route = store.create(Samples.route("default", "hello-route", "/hello/{name}", "hello"));

        Function readFunction = store.get(Kinds.FUNCTION, "default", "hello").orElseThrow();
        assertThat(readFunction.spec().environment().name()).isEqualTo("nodejs");
        assertThat(readFunction.spec().packageRef().functionName()).isEqualTo("hello");
        assertThat(readFunction.metadata().uid()).isEqualTo(function.metadata().uid());

        Package readPackage = store.get(Kinds.PACKAGE, "default", "hello-pkg").orElseThrow();
        assertThat(readPackage.status().buildstatus()).isEqualTo(PackageStatus.PENDING);
        assertThat(readPackage.spec().deployment().literal()).isEqualTo(pkg.spec().deployment().literal());

        HTTPTrigger readRoute = store.get(Kinds.HTTP_TRIGGER, "default", "hello-route").orElseThrow();
        assertThat(readRoute.spec().relativeUrl()).isEqualTo("/hello/{name}");
        assertThat(readRoute.spec().functionRef().name()).isEqualTo("hello");
        assertThat(readRoute.metadata().resourceVersion()).isEqualTo(route.metadata().resourceVersion());
    }

    @Test
    void anEmptyNamespaceMeansDefault() {
        Function created = store.create(Samples.function("", "hello"));

        assertThat(created.metadata().namespace()).isEqualTo("default");
        assertThat(store.get(Kinds.FUNCTION, null, "hello")).isPresent();
        assertThat(store.get(Kinds.FUNCTION, "default", "hello")).isPresent();
        assertThat(store.get(Kinds.FUNCTION, "other", "hello")).isEmpty();
    }

    @Test
    void theSameNameMayBeUsedInAnotherNamespaceOrKind() {
        store.create(Samples.function("default", "hello"));
        store.create(Samples.function("team-a", "hello"));
        store.create(Samples.pendingPackage("default", "hello"));

        assertThat(store.list(Kinds.FUNCTION, null, null).items()).hasSize(2);
        assertThat(store.get(Kinds.PACKAGE, "default", "hello")).isPresent();
    }

    @Test
    void creatingTwiceIsRefusedAndKeepsTheFirst() {
        Function first = store.create(Samples.function("default", "hello"));
        Function second = Samples.function("default", "hello");
        second.spec().functionTimeout(5);

        assertThatThrownBy(() -> store.create(second))
                .isInstanceOf(AlreadyExistsException.class)
                .hasMessage("Function \"default/hello\" already exists");
        Function stored = store.get(Kinds.FUNCTION, "default", "hello").orElseThrow();
        assertThat(stored.spec().functionTimeout()).isEqualTo(60);
        assertThat(stored.metadata().resourceVersion()).isEqualTo(first.metadata().resourceVersion());
    }

    @Test
    void aMissingObjectIsNamedInEveryRefusal() {
        assertThat(store.get(Kinds.FUNCTION, "default", "ghost")).isEmpty();
        assertThatThrownBy(() -> store.update(Samples.function("default", "ghost")))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("Function \"default/ghost\" not found");
        assertThatThrownBy(() -> store.updateStatus(Samples.pendingPackage("team-a", "ghost")))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("Package \"team-a/ghost\" not found");
        assertThatThrownBy(() -> store.delete(Kinds.HTTP_TRIGGER, null, "ghost"))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("HTTPTrigger \"default/ghost\" not found");
    }

    @Test
    void anObjectWithoutANameIsRefused() {
        assertThatThrownBy(() -> store.create(Samples.function("default", "")))
                .isInstanceOf(InvalidResourceException.class)
                .hasMessageContaining("metadata.name: is required");
    }

    @Test
    void deleteReturnsTheLastStateAndRemovesTheObject() {
        Function created = store.create(Samples.function("default", "hello"));

        Function deleted = store.delete(Kinds.FUNCTION, "default", "hello");

        assertThat(deleted.metadata().uid()).isEqualTo(created.metadata().uid());
        assertThat(deleted.spec().environment().name()).isEqualTo("nodejs");
        assertThat(store.get(Kinds.FUNCTION, "default", "hello")).isEmpty();
        assertThatThrownBy(() -> store.delete(Kinds.FUNCTION, "default", "hello")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aDeletedNameCanBeCreatedAgainAsANewObject() {
        Function first = store.create(Samples.function("default", "hello"));
        store.delete(Kinds.FUNCTION, "default", "hello");

        Function again = store.create(Samples.function("default", "hello"));

        assertThat(again.metadata().uid()).isNotEqualTo(first.metadata().uid());
        assertThat(again.metadata().generation()).isEqualTo(1L);
    }

    @Test
    void callersObjectsAreNeitherKeptNorShared() {
        Function mine = Samples.function("default", "hello");
        Function created = store.create(mine);

        mine.spec().functionTimeout(1);
        created.spec().functionTimeout(2);
        store.get(Kinds.FUNCTION, "default", "hello").orElseThrow().spec().functionTimeout(3);

        assertThat(mine.metadata().uid()).isNull();
        assertThat(store.get(Kinds.FUNCTION, "default", "hello").orElseThrow().spec().functionTimeout()).isEqualTo(60);
    }

    @Test
    void aClosedStoreRefusesWork() {
        store.close();

        assertThatThrownBy(() -> store.get(Kinds.FUNCTION, "default", "hello")).hasMessage("the store is closed");
        assertThatThrownBy(() -> store.create(Samples.function("default", "hello"))).hasMessage("the store is closed");
    }
}
