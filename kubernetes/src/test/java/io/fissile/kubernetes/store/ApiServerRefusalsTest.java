package io.fissile.kubernetes.store;

import io.fissile.store.testing.RecordingListener;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.WatchEvent;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fissile.api.v1.Function;
import io.fissile.api.v1.Kinds;
import io.fissile.kubernetes.KubernetesStoreOptions;
import io.fissile.kubernetes.KubernetesStores;
import io.fissile.store.ExpiredException;
import io.fissile.store.ResourceStore;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Answers of a real API server the CRUD mock never gives, so the mock is told to give them: 410 Gone
 * to a watch from a compacted version, 404 to a kind whose CRD is not installed.
 */
@EnableKubernetesMockClient
class ApiServerRefusalsTest {
    KubernetesMockServer server;
    KubernetesClient client;

    @Test
    void aWatchFromACompactedVersionEndsWithExpired() {
        Status gone = new StatusBuilder().withCode(410).withReason("Expired")
                .withMessage("too old resource version: 5 (900)").build();
        server.expect().withPath("/apis/fission.io/v1/functions?allowWatchBookmarks=true&resourceVersion=5&watch=true")
                .andUpgradeToWebSocket().open()
                .immediately().andEmit(new WatchEvent(gone, "ERROR"))
                .done().once();
        ResourceStore store = KubernetesStores.open(client, KubernetesStoreOptions.sharedClient());
        RecordingListener<Function> listener = new RecordingListener<>();

        store.watch(Kinds.FUNCTION, null, "5", listener);

        assertThat(listener.awaitClosed()).hasValueSatisfying(cause -> assertThat(cause)
                .isInstanceOf(ExpiredException.class).hasMessageContaining("list again"));
        assertThat(listener.events).isEmpty();
        store.close();
    }

    @Test
    void aClusterWithoutTheCrdsIsToldToInstallThem() {
        server.expect().get().withPath("/apis/fission.io/v1/functions").andReturn(404, new StatusBuilder().withCode(404)
                .withReason("NotFound").withMessage("the server could not find the requested resource").build()).once();
        ResourceStore store = KubernetesStores.open(client, KubernetesStoreOptions.sharedClient());

        assertThatThrownBy(() -> store.list(Kinds.FUNCTION, null, null))
                .hasMessage("this cluster does not serve functions.fission.io/v1: install Fissile's CRDs first"
                        + " (kubectl apply -f deploy/crds/)");
        store.close();
    }
}
