package io.fissile.spec.internal;

import io.fissile.api.Resource;
import io.fissile.spec.DeploymentMarks;
import io.fissile.spec.Located;
import io.fissile.spec.SpecProblem;
import io.fissile.spec.SpecSet;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds objects of the specs that already exist on the server but were applied by another
 * deployment, or by none: apply must not take them over unless told to.
 */
public final class ConflictCheck {
    private ConflictCheck() {
    }

    public static List<SpecProblem> check(SpecSet specs, ServerSnapshot server, String uid) {
        List<SpecProblem> problems = new ArrayList<>();
        for (Located<Resource<?, ?>> located : specs.resources()) {
            ObjectKey key = ObjectKey.of(located.value());
            server.get(key)
                    .filter(stored -> !DeploymentMarks.belongsTo(stored, uid))
                    .ifPresent(stored -> problems.add(SpecProblem.error(located.location(), describe(key, stored))));
        }
        return problems;
    }

    /** Why the stored object is not this deployment's, and how to take it over anyway. */
    public static String describe(ObjectKey key, Resource<?, ?> stored) {
        String owner = DeploymentMarks.uidOf(stored);
        String name = stored.metadata().annotation(DeploymentMarks.NAME);
        String whose = owner == null
                ? "was not applied from a spec (it has no " + DeploymentMarks.UID + " annotation)"
                : "belongs to another deployment" + (name == null ? "" : " \"" + name + "\"") + " (" + DeploymentMarks.UID + " " + owner + ")";
        return key + " already exists on the server and " + whose + "; use --allowconflicts to take it over";
    }
}
