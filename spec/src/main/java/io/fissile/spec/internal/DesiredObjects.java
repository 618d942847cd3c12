package io.fissile.spec.internal;

import io.fissile.api.Codec;
import io.fissile.api.ObjectMeta;
import io.fissile.api.Resource;
import io.fissile.api.v1.DeploymentConfig;
import io.fissile.spec.DeploymentMarks;

/**
 * The object to send for a spec document: a copy without what only the server sets (status,
 * uid, resource version, timestamps), marked with the deployment.
 */
public final class DesiredObjects {
    private DesiredObjects() {
    }

    public static <R extends Resource<?, ?>> R of(R written, DeploymentConfig deployment) {
        R desired = Codec.copy(written);
        // Fission's generated files carry a status (e.g. buildstatus: pending); the server decides it.
        desired.status(null);
        ObjectMeta meta = desired.metadata();
        meta.uid(null).resourceVersion(null).generation(null).creationTimestamp(null);
        DeploymentMarks.mark(meta, deployment);
        return desired;
    }
}
