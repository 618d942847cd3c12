package io.fissile.kubernetes.store;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fissile.api.v1.Function;
import io.fissile.kubernetes.KubernetesStoreOptions;
import io.fissile.kubernetes.KubernetesStores;
import io.fissile.store.ResourceStore;
import io.fissile.store.testing.CrudContract;
import io.fissile.store.testing.Samples;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The store contract on a mock API server in CRUD mode, and where the objects live: fission.io custom resources. */
@EnableKubernetesMockClient(crud = true)
class CrudTest extends CrudContract {
    KubernetesMockServer server;
    KubernetesClient client;

    @Override
    protected ResourceStore open() {
        MockCluster.installCrds(client);
        return KubernetesStores.open(client, KubernetesStoreOptions.sharedClient());
    }

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
}
