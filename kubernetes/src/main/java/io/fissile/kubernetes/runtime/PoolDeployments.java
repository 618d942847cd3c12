package io.fissile.kubernetes.runtime;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fissile.api.v1.Environment;
import io.fissile.kubernetes.model.ImageNames;
import io.fissile.kubernetes.model.PoolDeployment;
import io.fissile.store.InformerListener;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each environment's pool Deployment: applied when an instance of the environment is first asked for
 * and whenever the environment changes after that, deleted with the environment.
 */
final class PoolDeployments implements InformerListener<Environment> {

    private final KubernetesClient client;
    private final ImageNames images;
    /** The environment version last applied, per environment. */
    private final Map<String, String> applied = new ConcurrentHashMap<>();

    PoolDeployments(KubernetesClient client, ImageNames images) {
        this.client = client;
        this.images = images;
    }

    /** Makes sure the environment's pool Deployment exists and is as the environment says now. */
    void ensure(Environment environment) {
        String version = String.valueOf(environment.metadata().resourceVersion());
        applied.compute(key(environment), (key, last) -> {
            if (Objects.equals(last, version)) return last;
            client.apps().deployments().inNamespace(environment.namespace())
                    .resource(PoolDeployment.of(environment, images)).createOr(NonDeletingOperation::update);
            return version;
        });
    }

    @Override
    public void onUpdate(Environment before, Environment now) {
        if (applied.containsKey(key(now))) ensure(now);
    }

    @Override
    public void onDelete(Environment last) {
        if (applied.remove(key(last)) != null) {
            client.apps().deployments().inNamespace(last.namespace()).withName(PoolDeployment.name(last)).delete();
        }
    }

    private static String key(Environment environment) {
        return environment.namespace() + "/" + environment.name();
    }
}
