package io.fissile.spec;

import io.fissile.api.Kind;
import io.fissile.api.Resource;
import io.fissile.api.v1.Environment;
import io.fissile.api.v1.FunctionReference;
import io.fissile.api.v1.HTTPTrigger;
import io.fissile.api.v1.Kinds;
import io.fissile.api.v1.Runtime;
import io.fissile.api.v1.TimeTrigger;
import io.fissile.client.ControllerClient;

import java.util.LinkedHashMap;
import java.util.Map;

/** Objects created on the server behind the spec directory's back, and what the server holds. */
final class ServerObjects {
    private ServerObjects() {
    }

    /** An HTTPTrigger applied by another spec directory. */
    static HTTPTrigger routeOfAnotherDeployment(ControllerClient client, String name) {
        HTTPTrigger route = Kinds.HTTP_TRIGGER.create("default", name);
        route.spec().relativeUrl("/" + name).functionRef(FunctionReference.byName("elsewhere"));
        route.metadata().annotation(DeploymentMarks.NAME, "other-app").annotation(DeploymentMarks.UID, "uid-of-other-app");
        return client.create(route);
    }

    /** A TimeTrigger created by hand, not from any spec. */
    static TimeTrigger unmarkedTimer(ControllerClient client, String name) {
        TimeTrigger timer = Kinds.TIME_TRIGGER.create("default", name);
        timer.spec().cron("@daily").functionRef(FunctionReference.byName("elsewhere"));
        return client.create(timer);
    }

    /** An Environment with the spec's name, of another deployment or (with a null uid) of none. */
    static Environment nodejsEnvironmentOwnedBy(ControllerClient client, String uid) {
        Environment env = Kinds.ENVIRONMENT.create("default", "nodejs");
        env.spec().runtime(new Runtime().image("fission/node-env"));
        if (uid != null) env.metadata().annotation(DeploymentMarks.UID, uid);
        return client.create(env);
    }

    /** Every object on the server as "Kind namespace/name" to its resource version. */
    static Map<String, String> versions(ControllerClient client) {
        Map<String, String> versions = new LinkedHashMap<>();
        for (Kind<?> kind : Kinds.all()) {
            for (Resource<?, ?> o : client.list(kind, null, null).items()) {
                versions.put(o.kind() + " " + o.namespace() + "/" + o.name(), o.metadata().resourceVersion());
            }
        }
        return versions;
    }

    static <R extends Resource<?, ?>> R get(ControllerClient client, Kind<R> kind, String name) {
        return client.get(kind, "default", name).orElseThrow(() -> new AssertionError(kind.name() + " " + name + " is not on the server"));
    }
}
