package io.fissile.kubernetes.store;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fissile.kubernetes.KubernetesStoreOptions;
import io.fissile.kubernetes.KubernetesStores;
import io.fissile.store.ResourceStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh mock API server in CRUD mode per test, with Fissile's CRDs installed, and a store on it. */
@EnableKubernetesMockClient(crud = true)
abstract class StoreOnMockTestBase {
    KubernetesMockServer server;
    KubernetesClient client;
    ResourceStore store;

    @BeforeEach
    void openStore() {
        MockCluster.installCrds(client);
        store = KubernetesStores.open(client, KubernetesStoreOptions.sharedClient());
    }

    @AfterEach
    void closeStore() {
        store.close();
    }
}
