package io.fissile.spec;

import io.fissile.api.ObjectMeta;
import io.fissile.api.Resource;
import io.fissile.api.v1.DeploymentConfig;

/**
 * The annotations that tie an object to the spec directory that applied it. They are Fission's
 * own, so that objects applied by Fission's tools and by Fissile's recognise each other.
 */
public final class DeploymentMarks {
    /** The deployment's name, for people. */
    public static final String NAME = "fission-name";
    /** The deployment's uid: what apply, destroy and list go by. */
    public static final String UID = "fission-uid";

    private DeploymentMarks() {
    }

    /** Marks the object as applied by this deployment. */
    public static void mark(ObjectMeta metadata, DeploymentConfig deployment) {
        metadata.annotation(NAME, deployment.name());
        metadata.annotation(UID, deployment.uid());
    }

    /** The uid of the deployment that applied the object, or null when none did. */
    public static String uidOf(Resource<?, ?> resource) {
        return resource.metadata().annotation(UID);
    }

    public static boolean belongsTo(Resource<?, ?> resource, String uid) {
        return uid != null && uid.equals(uidOf(resource));
    }
}
