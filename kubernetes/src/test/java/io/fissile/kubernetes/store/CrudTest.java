package io.fissile.kubernetes.store;

import io.fissile.store.testing.Samples;
import io.fissile.api.InvalidResourceException;
import io.fissile.api.v1.Function;
import io.fissile.api.v1.HTTPTrigger;
import io.fissile.api.v1.Kinds;
import io.fissile.api.v1.Package;
import io.fissile.api.v1.PackageStatus;
import io.fissile.store.AlreadyExistsException;
import io.fissile.store.NotFoundException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CrudTest extends StoreOnMockTestBase {

    @Test
    void createGetsIdentityVersionAndGenerationFromTheApiServer() {
        Function created = store.create(Samples.function("default", "hello"));

        assertThat(created.metadata().uid()).isNotBlank();
        assertThat(created.metadata().resourceVersion()).isNotBlank();
        assertThat(created.metadata().generation()).isEqualTo(1L);
        assertThat(created.metadata().creationTimestamp()).isNotBlank();
        // The object is a fission.io/v1 custom resource, where Fission keeps its functions.
        assertThat(client.genericKubernetesResources("fission.io/v1", "Function").inNamespace("default")
                .withName("hello").get().getMetadata().getUid()).isEqualTo(created.metadata().uid());
    }

    @Test
    void whatIsCreatedCanBeReadBackForEveryKind() {
        Function function = store.create(Samples.function("default", "hello"));
        Package pkg = store.create(Samples.pendingPackage("default", "hello-pkg"));
        store.create(Samples.route("default", "hello-route", "/hello/{name}", "hello"));

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
    }

    @Test
    void anEmptyNamespaceMeansDefault() {
        Function created = store.create(Samples.function("", "hello"));

        assertThat(created.metadata().namespace()).isEqualTo("default");
        assertThat(store.get(Kinds.FUNCTION, null, "hello")).isPresent();
        assertThat(store.get(Kinds.FUNCTION, "other", "hello")).isEmpty();
    }

    @Test
    void creatingTwiceIsRefusedAndKeepsTheFirst() {
        store.create(Samples.function("default", "hello"));
        Function second = Samples.function("default", "hello");
        second.spec().functionTimeout(5);

        assertThatThrownBy(() -> store.create(second))
                .isInstanceOf(AlreadyExistsException.class)
                .hasMessage("Function \"default/hello\" already exists");
        assertThat(store.get(Kinds.FUNCTION, "default", "hello").orElseThrow().spec().functionTimeout()).isEqualTo(60);
    }

    @Test
    void aMissingObjectIsNamedInEveryRefusal() {
        assertThat(store.get(Kinds.FUNCTION, "default", "ghost")).isEmpty();
        assertThatThrownBy(() -> store.update(Samples.function("default", "ghost")))
                .isInstanceOf(NotFoundException.class).hasMessage("Function \"default/ghost\" not found");
        assertThatThrownBy(() -> store.updateStatus(Samples.pendingPackage("team-a", "ghost")))
                .isInstanceOf(NotFoundException.class).hasMessage("Package \"team-a/ghost\" not found");
        assertThatThrownBy(() -> store.delete(Kinds.HTTP_TRIGGER, null, "ghost"))
                .isInstanceOf(NotFoundException.class).hasMessage("HTTPTrigger \"default/ghost\" not found");
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
    void aClosedStoreRefusesWork() {
        store.close();

        assertThatThrownBy(() -> store.get(Kinds.FUNCTION, "default", "hello")).hasMessage("the store is closed");
        assertThatThrownBy(() -> store.create(Samples.function("default", "hello"))).hasMessage("the store is closed");
    }
}
