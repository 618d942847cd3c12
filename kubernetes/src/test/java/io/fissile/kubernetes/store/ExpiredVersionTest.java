package io.fissile.kubernetes.store;

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

/**
 * An API server that no longer keeps the changes after a version answers a watch from it with
 * 410 Gone, as etcd's compaction makes it do; the CRUD mock never does, so this one is told to.
 */
@EnableKubernetesMockClient
class ExpiredVersionTest {
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
}
